package org.tsoinspector.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tsoinspector.analysis.SegmentScan;
import org.tsoinspector.analysis.StagePair;
import org.tsoinspector.calib.CalibrationEngine;
import org.tsoinspector.calib.Pipeline;
import org.tsoinspector.calib.PipelineSettings;
import org.tsoinspector.calib.PreparedStep;
import org.tsoinspector.calib.RefPixStep;
import org.tsoinspector.calib.ReferenceSet;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.fits.ReferenceFinder;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SuperbiasReference;

/**
 * An opened exposure as the window sees it: the ramp source, its reference files, and the lazy
 * calibration engine that gives any integration at any stage. Holds the user's step configuration,
 * including groups marked saturated by hand. Thread safe; used from background jobs only (it reads
 * files and computes).
 */
public final class ExposureSession implements AutoCloseable {

    /**
     * Bytes of computed integrations the engine keeps (several stages of several integrations): a
     * quarter of the heap, at most 768 MB, so a small -Xmx still leaves room for the rest.
     */
    private static final long CACHE_BYTES = Math.min(768L << 20, Runtime.getRuntime().maxMemory() / 4);
    private static final int MARKED_KEPT = 8;

    private final RampSource source;
    private final List<Path> searchFolders;
    private StepConfiguration configuration = StepConfiguration.DEFAULTS;
    private Map<StepName, StepState> states = new EnumMap<>(StepName.class);
    private ReferenceSet references = ReferenceSet.NONE;
    private Map<StepName, Path> referencePaths = new EnumMap<>(StepName.class);
    private CalibrationEngine engine;
    /** Stages computed with hand-made marks, which the engine's cache does not know about. */
    private final Map<String, CalibrationEngine.Stage> marked = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CalibrationEngine.Stage> eldest) {
            return size() > MARKED_KEPT;
        }
    };

    /**
     * @param searchFolders where reference files are looked for, first match wins per type (e.g. the
     *                      sample's refs folder, the file's folder, $CRDS_PATH)
     */
    public ExposureSession(RampSource source, List<Path> searchFolders) throws IOException {
        this.source = source;
        this.searchFolders = List.copyOf(searchFolders);
        try {
            configure(StepConfiguration.DEFAULTS);
        } catch (BadInputException e) {
            throw new IllegalStateException("the default configuration names no user file", e);
        }
    }

    /** The folders searched for a session of these files: beside them, their refs/ folder, then CRDS. */
    public static List<Path> defaultSearchFolders(List<Path> files, ExposureMetadata md) {
        List<Path> folders = new ArrayList<>();
        Path dir = files.get(0).toAbsolutePath().getParent();
        if (dir != null) {
            folders.add(dir.resolve("refs"));
            folders.add(dir);
        }
        folders.add(ReferenceFinder.forExposure(null, md).folder());
        return folders;
    }

    public String name() {
        return source.name();
    }

    public ExposureMetadata metadata() {
        return source.metadata();
    }

    public RampSource source() {
        return source;
    }

    public int integrationCount() {
        return source.integrationCount();
    }

    public int groupCount() {
        return source.metadata().nGroups();
    }

    /** Raw, then after each step, in pipeline order. */
    public List<RampStage> stages() {
        return RampStage.all();
    }

    public synchronized StepConfiguration configuration() {
        return configuration;
    }

    /** What the step list shows, in pipeline order. */
    public synchronized List<StepState> stepStates() {
        return List.copyOf(states.values());
    }

    /**
     * Applies a new configuration: reloads reference files when the chosen files, the threshold scale
     * or dq_init's user_supplied_dq changed, switches off steps that cannot run, and keeps every cached
     * stage still valid.
     *
     * @throws BadInputException when the user_supplied_dq file cannot be used; nothing changes then
     */
    public synchronized void configure(StepConfiguration wanted) throws IOException, BadInputException {
        boolean reload = engine == null || !wanted.chosenReferences().equals(configuration.chosenReferences())
                || wanted.saturationScale() != configuration.saturationScale()
                || !wanted.settings().dqInit().equals(configuration.settings().dqInit());
        if (reload) {
            loadReferences(wanted);
        }
        PipelineSettings s = wanted.settings();
        for (StepName step : StepName.values()) {
            if (s.isEnabled(step) && !states.get(step).available()) {
                s = s.with(step, false);
            }
        }
        configuration = wanted.withSettings(s);
        if (reload) {
            engine = new CalibrationEngine(source, references, s, CACHE_BYTES);
        } else {
            engine.setSettings(s);
        }
        marked.clear();
        updateStatus();
    }

    private void loadReferences(StepConfiguration wanted) throws IOException, BadInputException {
        ExposureMetadata md = source.metadata();
        Path userDqFile = wanted.settings().dqInit().userSuppliedDq();
        int[] userDq = userDqFile == null ? null : ReferenceFiles.readUserDq(userDqFile, md);
        Map<StepName, StepState> found = new EnumMap<>(StepName.class);
        Map<StepName, Path> paths = new EnumMap<>(StepName.class);
        Object[] loaded = new Object[StepName.values().length];
        for (StepName step : StepName.values()) {
            if (step.referenceType() == null) {
                found.put(step, new StepState(step, true, false, null, ""));
                continue;
            }
            Path p = wanted.chosenReferences().get(step);
            if (p == null) {
                p = search(step, md).orElse(null);
            }
            if (p == null) {
                found.put(step, new StepState(step, false, false, null, "no reference"));
                continue;
            }
            try {
                loaded[step.ordinal()] = switch (step) {
                    case DQ_INIT -> ReferenceFiles.readMask(p, md);
                    case SATURATION -> scaled(ReferenceFiles.readSaturation(p, md), wanted.saturationScale());
                    case SUPERBIAS -> ReferenceFiles.readSuperbias(p, md);
                    case LINEARITY -> ReferenceFiles.readLinearity(p, md);
                    default -> throw new IllegalStateException(step + " has no reference type");
                };
                paths.put(step, p);
                found.put(step, new StepState(step, true, false, p, ""));
            } catch (BadInputException e) {
                found.put(step, new StepState(step, false, false, p, e.problem()));
            }
        }
        references = new ReferenceSet((MaskReference) loaded[StepName.DQ_INIT.ordinal()],
                (SaturationReference) loaded[StepName.SATURATION.ordinal()],
                (SuperbiasReference) loaded[StepName.SUPERBIAS.ordinal()],
                (LinearityReference) loaded[StepName.LINEARITY.ordinal()], userDq);
        referencePaths = paths;
        states = found;
    }

    private Optional<Path> search(StepName step, ExposureMetadata md) throws IOException {
        for (Path folder : searchFolders) {
            Optional<Path> p = new ReferenceFinder(folder).find(step.referenceType(), md);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /** The thresholds times scale (NaN stays NaN: the step treats it as "no check"). */
    static SaturationReference scaled(SaturationReference ref, double scale) {
        if (scale == 1.0) {
            return ref;
        }
        float[] t = ref.threshold().clone();
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) (t[i] * scale);
        }
        return new SaturationReference(ref.header(), ref.window(), t, ref.dq());
    }

    private void updateStatus() {
        var runnable = Pipeline.runnable(source.metadata(), configuration.settings().enabled());
        Map<StepName, StepState> out = new EnumMap<>(StepName.class);
        for (StepState st : states.values()) {
            StepName step = st.step();
            boolean on = configuration.settings().isEnabled(step);
            String status;
            if (source.metadata().completedSteps().contains(step)) {
                status = "done in input";
            } else if (!st.available()) {
                status = st.status();
            } else if (on && runnable.contains(step)) {
                status = step == StepName.REFPIX && configuration.settings().refpix().algorithm()
                        == RefPixStep.Algorithm.SIRS ? sirsStatus() : "applied";
            } else {
                status = "off";
            }
            out.put(step, new StepState(step, st.available(), on, referencePaths.get(step), status));
        }
        states = out;
    }

    /** What refpix does with refpix_algorithm=sirs here (the reference pipeline's rule, RefPixStep). */
    private String sirsStatus() {
        return RefPixStep.sirsApplies(source.metadata())
                ? "sirs not implemented: choose median"
                : "applied (median: sirs is for FULL frames)";
    }

    /** One group of one integration at a stage. */
    public StageFrame frame(RampStage stage, int integration, int group, ProgressMonitor monitor) throws Exception {
        monitor.checkCancelled();
        CalibrationEngine.Stage s = stage(stage, integration);
        return StageFrame.of(stage, s.ramp(), group, s.pixelDq());
    }

    /** The whole ramp of one integration at a stage; shared, read-only. */
    public Ramp ramp(RampStage stage, int integration, ProgressMonitor monitor) throws Exception {
        monitor.checkCancelled();
        return stage(stage, integration).ramp();
    }

    /** Pixel DQ at a stage; shared, read-only. */
    public int[] pixelDq(RampStage stage) throws IOException, BadInputException {
        CalibrationEngine e;
        synchronized (this) {
            e = engine;
        }
        return e.pixelDq(stage.after());
    }

    private CalibrationEngine.Stage stage(RampStage stage, int integration) throws IOException, BadInputException {
        CalibrationEngine e;
        List<SaturationMark> marks;
        synchronized (this) {
            e = engine;
            marks = configuration.marks();
        }
        if (marks.isEmpty() || stage.isRaw() || stage.after().ordinal() < StepName.SATURATION.ordinal()) {
            return e.stage(integration, stage.after());
        }
        String key = integration + "|" + stage.label();
        synchronized (this) {
            CalibrationEngine.Stage hit = marked.get(key);
            if (hit != null && e == engine) {
                return hit;
            }
        }
        Ramp ramp = e.stage(integration, StepName.SATURATION).ramp().copy();
        for (PreparedStep step : stepsUpTo(e, marks, stage)) {
            if (step instanceof ManualSaturation || step.name().ordinal() > StepName.SATURATION.ordinal()) {
                step.apply(ramp);
            }
        }
        CalibrationEngine.Stage result = new CalibrationEngine.Stage(ramp, e.pixelDq(stage.after()), List.of());
        synchronized (this) {
            if (e == engine && marks == configuration.marks()) {
                marked.put(key, result);
            }
        }
        return result;
    }

    /** The prepared steps that make a stage from the input, with the hand-made marks after saturation. */
    private static List<PreparedStep> stepsUpTo(CalibrationEngine e, List<SaturationMark> marks, RampStage stage)
            throws IOException, BadInputException {
        List<PreparedStep> out = new ArrayList<>();
        if (stage.isRaw()) {
            return out;
        }
        List<PreparedStep> all = e.preparedPipeline().steps();
        int[] lastDq = e.pixelDq(null);
        boolean marksAdded = marks.isEmpty();
        for (PreparedStep step : all) {
            if (!marksAdded && step.name().ordinal() > StepName.SATURATION.ordinal()) {
                out.add(new ManualSaturation(marks, lastDq));
                marksAdded = true;
            }
            if (step.name().ordinal() > stage.after().ordinal()) {
                break;
            }
            out.add(step);
            lastDq = step.pixelDq();
        }
        if (!marksAdded && stage.after().ordinal() >= StepName.SATURATION.ordinal()) {
            out.add(new ManualSaturation(marks, lastDq));
        }
        return out;
    }

    /**
     * The two stages of a whole-segment scan, earlier one first ("before"), with the steps that make
     * each; the later one continues from the earlier one so no step runs twice.
     */
    public StagePair stagePair(RampStage a, RampStage b) throws IOException, BadInputException {
        CalibrationEngine e;
        List<SaturationMark> marks;
        synchronized (this) {
            e = engine;
            marks = configuration.marks();
        }
        RampStage first = earlier(a, b);
        RampStage second = first == a ? b : a;
        List<PreparedStep> before = stepsUpTo(e, marks, first);
        if (first.equals(second)) {
            return StagePair.single(first.label(), before);
        }
        List<PreparedStep> all = stepsUpTo(e, marks, second);
        return new StagePair(first.label(), before, second.label(), all.subList(before.size(), all.size()));
    }

    /**
     * Streams every integration through stages a and b (on all cores, memory bounded) for the
     * whole-segment plots; the result labels its stages, earlier one first.
     */
    public SegmentScan.Result scan(RampStage a, RampStage b, SegmentScan.Request request, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        return new SegmentScan(source, stagePair(a, b), request, threads).run(monitor);
    }

    /** The stage that comes first in the pipeline (a when equal). */
    public static RampStage earlier(RampStage a, RampStage b) {
        return order(a) <= order(b) ? a : b;
    }

    private static int order(RampStage s) {
        return s.isRaw() ? -1 : s.after().ordinal();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
