package org.tsoinspector.calib;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;
import org.tsoinspector.model.StepName;

/**
 * Lazy, per-integration calibration of one exposure, for the window and the plots.
 * {@code stage(i, k)} runs the switched-on steps up to k on integration i only, starting from the
 * longest chain already cached and running the rest fused (one copy, each band through every step),
 * and keeps the input as read and every stage asked for in a cache bounded in bytes; switching a step
 * off and on again therefore recomputes nothing that is still cached. Results are identical to a
 * whole-segment run ({@link SegmentCalibration}). Thread-safe.
 *
 * <p>An engine's settings never change: {@link #withSettings} gives an engine of other settings that
 * shares the source, the references and both caches (they are keyed by every step's parameters), so
 * each state of a user's session has its own engine and a request never sees settings change under it.
 *
 * <pre>
 * CalibrationEngine engine = new CalibrationEngine(source, references, PipelineSettings.DEFAULTS, 512 &lt;&lt; 20);
 * CalibrationEngine.Stage s = engine.stage(7, StepName.REFPIX);   // integration 7 after refpix
 * CalibrationEngine noBias = engine.withSettings(engine.settings().with(StepName.SUPERBIAS, false));
 * </pre>
 */
public final class CalibrationEngine {

    /**
     * One integration at one point of the pipeline.
     *
     * @param ramp    the samples, group DQ and zero frame; shared with the cache: read only (copy() to edit)
     * @param pixelDq the pixel DQ at that point; shared: read only
     * @param applied the steps that ran on it, in order (empty for the input as read)
     */
    public record Stage(Ramp ramp, int[] pixelDq, List<StepName> applied) {
    }

    /** One step as it ran: name and parameters (records compare by value). */
    private record StepKey(StepName step, Object parameters) {
    }

    private record StageKey(int integration, List<StepKey> chain) {
    }

    /** What an engine and its {@link #withSettings} siblings share. */
    private record Shared(RampSource source, ReferenceSet references,
            ByteBoundedCache<StageKey, Ramp> stages, ByteBoundedCache<List<StepKey>, PreparedStep> prepared,
            int[][] inputPixelDq) {
    }

    private final Shared shared;
    private final PipelineSettings settings;

    /**
     * @param cacheBytes how many bytes of computed integrations and prepared steps to keep, together:
     *                   a quarter for prepared steps (reference arrays cut to the window: a few per
     *                   step on a FULL frame), the rest for integrations
     */
    public CalibrationEngine(RampSource source, ReferenceSet references, PipelineSettings settings, long cacheBytes) {
        this(new Shared(source, references, new ByteBoundedCache<>(cacheBytes - cacheBytes / 4, Ramp::sizeInBytes),
                new ByteBoundedCache<>(cacheBytes / 4, PreparedStep::sizeInBytes), new int[1][]), settings);
    }

    private CalibrationEngine(Shared shared, PipelineSettings settings) {
        this.shared = shared;
        this.settings = settings;
    }

    public RampSource source() {
        return shared.source;
    }

    public PipelineSettings settings() {
        return settings;
    }

    /** An engine of other settings sharing this one's source, references and caches. */
    public CalibrationEngine withSettings(PipelineSettings other) {
        return other.equals(settings) ? this : new CalibrationEngine(shared, other);
    }

    /** jump and ramp_fit as configured: they run on the whole segment after the per-integration steps. */
    public SegmentSteps segmentSteps() throws BadInputException {
        return Pipeline.of(shared.source.name(), shared.source.metadata(), settings, shared.references).segmentSteps();
    }

    /** The steps that would run for "after the last step": switched on and not already done in the input. */
    public List<StepName> activeSteps() {
        return List.copyOf(Pipeline.runnable(shared.source.metadata(), settings.enabled()));
    }

    /**
     * Integration i (0-based within the source) after every active step up to and including
     * {@code after} (null: the input as read). A switched-off {@code after} gives the stage of the
     * last active step before it.
     *
     * @throws BadInputException when a needed reference is missing or does not match
     */
    public Stage stage(int integration, StepName after) throws IOException, BadInputException {
        List<CalibrationStep> steps = chain(after);
        List<StepKey> keys = keys(steps);
        int start = keys.size();
        Ramp ramp = null;
        while (start >= 0 && ramp == null) {
            ramp = shared.stages.get(new StageKey(integration, keys.subList(0, start)));
            if (ramp == null) {
                start--;
            }
        }
        if (ramp == null) {
            ramp = shared.source.readIntegration(integration);
            start = 0;
            shared.stages.put(new StageKey(integration, List.of()), ramp);
        }
        if (start < steps.size()) {
            List<PreparedStep> remaining = new ArrayList<>();
            for (int k = start; k < steps.size(); k++) {
                remaining.add(prepared(steps, keys, k));
            }
            ramp = ramp.copy();
            PreparedPipeline.apply(remaining, ramp);
            shared.stages.put(new StageKey(integration, keys), ramp);
        }
        return new Stage(ramp, pixelDq(steps, keys), keys.stream().map(StepKey::step).toList());
    }

    /** The pixel DQ after every active step up to {@code after} (null: the input's). */
    public int[] pixelDq(StepName after) throws IOException, BadInputException {
        List<CalibrationStep> steps = chain(after);
        return pixelDq(steps, keys(steps));
    }

    /** Bytes of integrations and prepared steps held in the caches now. */
    public long cachedBytes() {
        return shared.stages.bytes() + shared.prepared.bytes();
    }

    /** The prepared pipeline of every active step, for a whole-segment run with these settings. */
    public PreparedPipeline preparedPipeline() throws IOException, BadInputException {
        return preparedUpTo(StepName.values()[StepName.values().length - 1]);
    }

    /** The prepared pipeline of the active steps up to and including {@code after} (null: none). */
    public PreparedPipeline preparedUpTo(StepName after) throws IOException, BadInputException {
        List<CalibrationStep> steps = chain(after);
        List<StepKey> keys = keys(steps);
        List<PreparedStep> all = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            all.add(prepared(steps, keys, k));
        }
        return new PreparedPipeline(all, inputPixelDq());
    }

    private List<CalibrationStep> chain(StepName after) throws BadInputException {
        if (after == null) {
            return List.of();
        }
        return Pipeline.of(shared.source.name(), shared.source.metadata(), settings.withEnabled(upTo(after)),
                shared.references).steps();
    }

    private Set<StepName> upTo(StepName after) {
        EnumSet<StepName> out = EnumSet.noneOf(StepName.class);
        for (StepName n : settings.enabled()) {
            if (n.ordinal() <= after.ordinal()) {
                out.add(n);
            }
        }
        return out;
    }

    private List<StepKey> keys(List<CalibrationStep> steps) {
        List<StepKey> keys = new ArrayList<>();
        for (CalibrationStep c : steps) {
            keys.add(new StepKey(c.name(), settings.parametersOf(c.name())));
        }
        return List.copyOf(keys);
    }

    private int[] pixelDq(List<CalibrationStep> steps, List<StepKey> keys) throws IOException, BadInputException {
        return steps.isEmpty() ? inputPixelDq() : prepared(steps, keys, steps.size() - 1).pixelDq();
    }

    private PreparedStep prepared(List<CalibrationStep> steps, List<StepKey> keys, int k)
            throws IOException, BadInputException {
        List<StepKey> key = List.copyOf(keys.subList(0, k + 1));
        PreparedStep p = shared.prepared.get(key);
        if (p != null) {
            return p;
        }
        int[] dqIn = k == 0 ? inputPixelDq() : prepared(steps, keys, k - 1).pixelDq();
        p = steps.get(k).prepare(shared.source.metadata(), dqIn);
        shared.prepared.put(key, p);
        return p;
    }

    private int[] inputPixelDq() throws IOException {
        synchronized (shared) {
            if (shared.inputPixelDq[0] == null) {
                shared.inputPixelDq[0] = shared.source.pixelDq();
            }
            return shared.inputPixelDq[0];
        }
    }
}
