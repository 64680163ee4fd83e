package org.tsoinspector.app;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tsoinspector.calib.PipelineSettings;
import org.tsoinspector.model.StepName;

/**
 * Everything the user sets about the steps: switches and parameters (the engine's settings), a scale
 * on the saturation thresholds, reference files chosen by hand, and groups marked saturated by hand.
 * Immutable; the window replaces it as a whole.
 *
 * @param saturationScale factor on every saturation threshold (1 = the reference file as is)
 * @param chosenReferences files the user picked, by step; others are searched for
 */
public record StepConfiguration(PipelineSettings settings, double saturationScale,
        Map<StepName, Path> chosenReferences, List<SaturationMark> marks) {

    public static final StepConfiguration DEFAULTS =
            new StepConfiguration(PipelineSettings.DEFAULTS, 1.0, Map.of(), List.of());

    public StepConfiguration {
        if (!(saturationScale > 0)) {
            throw new IllegalArgumentException("the saturation threshold scale must be > 0, not " + saturationScale);
        }
        chosenReferences = Map.copyOf(chosenReferences);
        marks = List.copyOf(marks);
    }

    public StepConfiguration withSettings(PipelineSettings s) {
        return new StepConfiguration(s, saturationScale, chosenReferences, marks);
    }

    public StepConfiguration withSaturationScale(double scale) {
        return new StepConfiguration(settings, scale, chosenReferences, marks);
    }

    public StepConfiguration withReference(StepName step, Path file) {
        Map<StepName, Path> m = new EnumMap<>(StepName.class);
        m.putAll(chosenReferences);
        m.put(step, file);
        return new StepConfiguration(settings, saturationScale, m, marks);
    }

    public StepConfiguration withMark(SaturationMark mark) {
        List<SaturationMark> m = new java.util.ArrayList<>(marks);
        m.add(mark);
        return new StepConfiguration(settings, saturationScale, chosenReferences, m);
    }

    public StepConfiguration withoutMarks() {
        return new StepConfiguration(settings, saturationScale, chosenReferences, List.of());
    }
}
