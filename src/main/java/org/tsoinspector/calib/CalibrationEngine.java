package org.tsoinspector.calib;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * whole-segment run ({@link SegmentCalibration}). Thread-safe; settings may change at any time (a
 * request uses the settings current when it starts).
 *
 * <pre>
 * CalibrationEngine engine = new CalibrationEngine(source, references, PipelineSettings.DEFAULTS, 512 &lt;&lt; 20);
 * CalibrationEngine.Stage s = engine.stage(7, StepName.REFPIX);   // integration 7 after refpix
 * engine.setSettings(engine.settings().with(StepName.SUPERBIAS, false));
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

    private static final int PREPARED_KEPT = 32;

    private final RampSource source;
    private final ReferenceSet references;
    private final StageCache cache;
    private final Map<List<StageCache.StepKey>, PreparedStep> prepared = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<StageCache.StepKey>, PreparedStep> eldest) {
            return size() > PREPARED_KEPT;
        }
    };
    private volatile PipelineSettings settings;
    private int[] inputPixelDq;

    /** @param cacheBytes how many bytes of computed integrations to keep */
    public CalibrationEngine(RampSource source, ReferenceSet references, PipelineSettings settings, long cacheBytes) {
        this.source = source;
        this.references = references;
        this.settings = settings;
        this.cache = new StageCache(cacheBytes);
    }

    public RampSource source() {
        return source;
    }

    public PipelineSettings settings() {
        return settings;
    }

    /** Switches steps or parameters; cached stages of other settings stay for when they come back. */
    public void setSettings(PipelineSettings settings) {
        this.settings = settings;
    }

    /** The steps that would run for "after the last step": switched on and not already done in the input. */
    public List<StepName> activeSteps() {
        return List.copyOf(Pipeline.runnable(source.metadata(), settings.enabled()));
    }

    /**
     * Integration i (0-based within the source) after every active step up to and including
     * {@code after} (null: the input as read). A switched-off {@code after} gives the stage of the
     * last active step before it.
     *
     * @throws BadInputException when a needed reference is missing or does not match
     */
    public Stage stage(int integration, StepName after) throws IOException, BadInputException {
        PipelineSettings s = settings;
        List<CalibrationStep> steps = chain(s, after);
        List<StageCache.StepKey> keys = keys(s, steps);
        int start = keys.size();
        Ramp ramp = null;
        while (start >= 0 && ramp == null) {
            ramp = cache.get(new StageCache.Key(integration, keys.subList(0, start)));
            if (ramp == null) {
                start--;
            }
        }
        if (ramp == null) {
            ramp = source.readIntegration(integration);
            start = 0;
            cache.put(new StageCache.Key(integration, List.of()), ramp);
        }
        if (start < steps.size()) {
            List<PreparedStep> remaining = new ArrayList<>();
            for (int k = start; k < steps.size(); k++) {
                remaining.add(prepared(steps, keys, k));
            }
            ramp = ramp.copy();
            PreparedPipeline.apply(remaining, ramp);
            cache.put(new StageCache.Key(integration, keys), ramp);
        }
        return new Stage(ramp, pixelDq(steps, keys), keys.stream().map(StageCache.StepKey::step).toList());
    }

    /** The pixel DQ after every active step up to {@code after} (null: the input's). */
    public int[] pixelDq(StepName after) throws IOException, BadInputException {
        PipelineSettings s = settings;
        List<CalibrationStep> steps = chain(s, after);
        return pixelDq(steps, keys(s, steps));
    }

    /** Bytes of integrations held in the cache now. */
    public long cachedBytes() {
        return cache.bytes();
    }

    /** Forgets every cached stage (the references or the input changed). */
    public void clearCache() {
        cache.clear();
        synchronized (prepared) {
            prepared.clear();
        }
    }

    /** The prepared pipeline of every active step, for a whole-segment run with these settings. */
    public PreparedPipeline preparedPipeline() throws IOException, BadInputException {
        PipelineSettings s = settings;
        List<CalibrationStep> steps = chain(s, StepName.LINEARITY);
        List<StageCache.StepKey> keys = keys(s, steps);
        List<PreparedStep> all = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            all.add(prepared(steps, keys, k));
        }
        return new PreparedPipeline(all, inputPixelDq());
    }

    private List<CalibrationStep> chain(PipelineSettings s, StepName after) throws BadInputException {
        if (after == null) {
            return List.of();
        }
        return Pipeline.of(source.name(), source.metadata(), s.withEnabled(upTo(s, after)), references).steps();
    }

    private static Set<StepName> upTo(PipelineSettings s, StepName after) {
        EnumSet<StepName> out = EnumSet.noneOf(StepName.class);
        for (StepName n : s.enabled()) {
            if (n.ordinal() <= after.ordinal()) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<StageCache.StepKey> keys(PipelineSettings s, List<CalibrationStep> steps) {
        List<StageCache.StepKey> keys = new ArrayList<>();
        for (CalibrationStep c : steps) {
            keys.add(new StageCache.StepKey(c.name(), s.parametersOf(c.name())));
        }
        return List.copyOf(keys);
    }

    private int[] pixelDq(List<CalibrationStep> steps, List<StageCache.StepKey> keys)
            throws IOException, BadInputException {
        return steps.isEmpty() ? inputPixelDq() : prepared(steps, keys, steps.size() - 1).pixelDq();
    }

    private PreparedStep prepared(List<CalibrationStep> steps, List<StageCache.StepKey> keys, int k)
            throws IOException, BadInputException {
        List<StageCache.StepKey> key = List.copyOf(keys.subList(0, k + 1));
        synchronized (prepared) {
            PreparedStep p = prepared.get(key);
            if (p != null) {
                return p;
            }
        }
        int[] dqIn = k == 0 ? inputPixelDq() : prepared(steps, keys, k - 1).pixelDq();
        PreparedStep p = steps.get(k).prepare(source.metadata(), dqIn);
        synchronized (prepared) {
            prepared.put(key, p);
        }
        return p;
    }

    private synchronized int[] inputPixelDq() throws IOException {
        if (inputPixelDq == null) {
            inputPixelDq = source.pixelDq();
        }
        return inputPixelDq;
    }
}
