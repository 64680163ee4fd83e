package org.tsoinspector.inspect;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tsoinspector.calib.PipelineSettings;
import org.tsoinspector.calib.RefPixStep;
import org.tsoinspector.model.SaturationMark;
import org.tsoinspector.model.StepName;

/**
 * Everything the user sets about the steps: switches and parameters (the engine's settings, which hold
 * the saturation threshold scale and the hand marks too) and reference files named for a step (the
 * command line's --mask ..., the window's "..." button). Immutable; replaced as a whole.
 *
 * @param chosenReferences files named by step; the others are found by the {@link ReferencePolicy}
 */
public record StepConfiguration(PipelineSettings settings, Map<StepName, Path> chosenReferences) {

    public static final StepConfiguration DEFAULTS = new StepConfiguration(PipelineSettings.DEFAULTS, Map.of());

    public StepConfiguration {
        chosenReferences = Map.copyOf(chosenReferences);
    }

    public StepConfiguration withSettings(PipelineSettings s) {
        return new StepConfiguration(s, chosenReferences);
    }

    public StepConfiguration withReference(StepName step, Path file) {
        Map<StepName, Path> m = new EnumMap<>(StepName.class);
        m.putAll(chosenReferences);
        m.put(step, file);
        return new StepConfiguration(settings, m);
    }

    /**
     * One parameter set as the command line's {@code --param STEP.NAME=VALUE} spells it, e.g.
     * {@code withParameter("saturation.n_pix_grow_sat=0")}.
     *
     * @throws IllegalArgumentException for an unknown name or a value that does not parse
     */
    public StepConfiguration withParameter(String assignment) {
        return withSettings(settings.withParameter(assignment));
    }

    /** A parameter's value as {@link #withParameter} spells it ("true", "11", "median", "none"). */
    public String parameter(String stepDotName) {
        return settings.parameter(stepDotName);
    }

    /** The same configuration with one step switched on or off. */
    public StepConfiguration withStep(StepName step, boolean on) {
        return withSettings(settings.with(step, on));
    }

    /** The values refpix_algorithm takes. */
    public static List<String> refpixAlgorithms() {
        return Arrays.stream(RefPixStep.Algorithm.values()).map(RefPixStep.Algorithm::id).toList();
    }

    /** The hand marks, in the order made. */
    public List<SaturationMark> marks() {
        return settings.saturation().marks();
    }

    /** The step's reference found by the policy again instead of the one named (or N/A). */
    public StepConfiguration withoutReference(StepName step) {
        Map<StepName, Path> m = new EnumMap<>(StepName.class);
        m.putAll(chosenReferences);
        m.remove(step);
        return new StepConfiguration(settings, m);
    }

    /** The step skipped as the reference pipeline skips a step whose reference is N/A (S_xxxx = SKIPPED). */
    public StepConfiguration withReferenceNotApplicable(StepName step) {
        return withReference(step, Path.of("N/A"));
    }

    /** True when the step's reference is given as N/A. */
    public boolean referenceNotApplicable(StepName step) {
        Path p = chosenReferences.get(step);
        return p != null && LoadedReferences.isNotApplicable(p);
    }

    public StepConfiguration withMark(SaturationMark mark) {
        return withSettings(settings.withSaturation(settings.saturation().withMark(mark)));
    }

    public StepConfiguration withoutMarks() {
        return withSettings(settings.withSaturation(settings.saturation().withoutMarks()));
    }

    public StepConfiguration withThresholdScale(double scale) {
        return withSettings(settings.withSaturation(settings.saturation().withThresholdScale(scale)));
    }
}
