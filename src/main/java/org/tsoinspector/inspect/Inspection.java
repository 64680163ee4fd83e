package org.tsoinspector.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tsoinspector.calib.CalibrationEngine;
import org.tsoinspector.calib.PipelineSettings;
import org.tsoinspector.calib.PreparedPipeline;
import org.tsoinspector.calib.PreparedStep;
import org.tsoinspector.calib.RefPixStep;
import org.tsoinspector.calib.ReferenceSet;
import org.tsoinspector.calib.SegmentCalibration;
import org.tsoinspector.calib.SegmentSteps;
import org.tsoinspector.fits.MultiSegmentExposure;
import org.tsoinspector.calib.SegmentRateModel;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.RampSource;
import org.tsoinspector.model.SaturationMark;
import org.tsoinspector.model.StepName;

/**
 * One state of the session a user works in, headless: the open exposure (one or several segments),
 * where its references come from, every step setting and hand mark, and the engine that answers for
 * them. Immutable: a change ({@link #configure}) gives a new inspection and leaves this one whole, so
 * a view holding it never sees half a change; inspections of one exposure share its file handles and
 * caches (one byte budget). The window and the command line ask it the same questions:
 * {@link #frame} for a picture with its words, {@link #plot} for a finished plot with its table.
 * Reads files and computes: call it off the UI thread.
 */
public final class Inspection implements AutoCloseable {

    /**
     * Bytes of computed integrations and prepared steps kept for an exposure: a quarter of the heap, at
     * most 768 MB, so a small -Xmx still leaves room for whole-segment work.
     */
    static final long CACHE_BYTES = Math.min(768L << 20, Runtime.getRuntime().maxMemory() / 4);

    private final OpenExposure exposure;
    private final StepConfiguration asked;
    private final StepConfiguration configuration;
    private final LoadedReferences references;
    private final CalibrationEngine engine;
    private final Map<StepName, StepState> states;

    private Inspection(OpenExposure exposure, StepConfiguration asked, LoadedReferences references,
            CalibrationEngine engine) {
        this.exposure = exposure;
        this.asked = asked;
        this.references = references;
        PipelineSettings s = asked.settings();
        for (StepName step : StepName.values()) {
            if (s.isEnabled(step) && !references.usable(step)) {
                s = s.with(step, false);
            }
        }
        this.configuration = asked.withSettings(s);
        this.engine = engine == null ? new CalibrationEngine(exposure.source(), references.set(), s, CACHE_BYTES)
                : engine.withSettings(s);
        this.states = states();
    }

    /**
     * Opens files as one exposure (several files: its segments, integrations numbered across them) with
     * a configuration. On failure nothing stays open.
     *
     * @param refsDir the --refs folder, or null
     * @throws BadInputException one sentence naming the file and what is wrong
     */
    public static Inspection open(List<Path> files, Path refsDir, StepConfiguration configuration,
            ProgressMonitor monitor) throws IOException, BadInputException, CancelledException {
        monitor.progress(0, 2, "reading headers");
        MultiSegmentExposure source = MultiSegmentExposure.open(files);
        try {
            monitor.checkCancelled();
            monitor.progress(1, 2, "looking for reference files");
            return of(source, List.copyOf(files), ReferencePolicy.of(files.get(0), refsDir, source.metadata()),
                    configuration);
        } catch (IOException | BadInputException | CancelledException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** An inspection of a source already open (tests, simulated data); it is closed with {@link #close}. */
    public static Inspection of(RampSource source, List<Path> files, ReferencePolicy policy,
            StepConfiguration configuration) throws IOException, BadInputException {
        OpenExposure exposure = new OpenExposure(source, files, policy);
        checkMarks(source, configuration);
        return new Inspection(exposure, configuration,
                LoadedReferences.load(source.metadata(), messageName(source, files), configuration, policy), null);
    }

    /**
     * The inspection with another configuration: references are read again only when the files or the
     * steps that need them changed; every cached stage still valid is kept. Steps that cannot run are
     * switched off (their state says why).
     *
     * @throws BadInputException when the user_supplied_dq file cannot be used; this inspection stays valid
     */
    public Inspection configure(StepConfiguration wanted) throws IOException, BadInputException {
        checkMarks(exposure.source(), wanted);
        if (references.covers(metadata(), wanted, asked)) {
            return new Inspection(exposure, wanted, references, engine);
        }
        LoadedReferences loaded = LoadedReferences.load(metadata(), messageName(exposure.source(), files()), wanted,
                exposure.policy());
        return new Inspection(exposure, wanted, loaded, null);
    }

    /**
     * Refuses, in one sentence, when a switched-on step cannot run (its reference is missing or does not
     * match): the command line's steps are asked for, not optional.
     */
    public void requireSwitchedOnSteps() throws BadInputException {
        for (StepName s : StepName.values()) { // in pipeline order: the first missing file is named
            if (asked.settings().isEnabled(s) && !references.usable(s) && !metadata().completedSteps().contains(s)) {
                throw references.problem(s);
            }
        }
    }

    public String name() {
        return exposure.source().name();
    }

    public ExposureMetadata metadata() {
        return exposure.source().metadata();
    }

    /** The files whose headers the header viewer offers: the segments, then each reference file in use. */
    public List<Path> headerFiles() {
        java.util.LinkedHashSet<Path> out = new java.util.LinkedHashSet<>(files());
        for (StepState st : stepStates()) {
            if (st.reference() != null) {
                out.add(st.reference());
            }
        }
        return List.copyOf(out);
    }

    /** The files opened, first segment first. */
    public List<Path> files() {
        return exposure.files();
    }

    public int integrationCount() {
        return exposure.source().integrationCount();
    }

    public int groupCount() {
        return metadata().nGroups();
    }

    /**
     * What was asked for, steps that cannot run included: the step list edits this, so that a step
     * switched off for want of a reference comes back when one is chosen.
     */
    public StepConfiguration askedConfiguration() {
        return asked;
    }

    /** What was applied: the configuration asked for with the steps that cannot run switched off. */
    public StepConfiguration configuration() {
        return configuration;
    }

    /** What the step list shows, in pipeline order. */
    public List<StepState> stepStates() {
        return List.copyOf(states.values());
    }

    public StepState stepState(StepName step) {
        return states.get(step);
    }

    /** The steps that run for the last stage, in order. */
    public List<StepName> activeSteps() {
        return engine.activeSteps();
    }

    /** The stages that can be shown: the input, then after each step that runs. */
    public List<RampStage> stages() {
        List<RampStage> out = new ArrayList<>();
        out.add(RampStage.RAW);
        for (StepName s : activeSteps()) {
            if (s.perIntegration()) {
                out.add(RampStage.after(s));
            }
        }
        return out;
    }

    /** The stage shown for a wanted one: itself when its step runs, else the last stage before it that runs. */
    public RampStage resolve(RampStage wanted) {
        if (wanted.isRaw()) {
            return wanted;
        }
        RampStage shown = RampStage.RAW;
        for (StepName s : activeSteps()) {
            if (s.ordinal() <= wanted.after().ordinal()) {
                shown = RampStage.after(s);
            }
        }
        return shown;
    }

    /**
     * The name of what a stage shows, the one place labels are made: "after refpix", or for the input
     * "raw" ("input (after superbias)" for a saved product).
     */
    public String label(RampStage stage) {
        RampStage s = resolve(stage);
        if (!s.isRaw()) {
            return "after " + s.after().id();
        }
        StepName lastDone = null;
        for (StepName done : metadata().completedSteps()) {
            if (lastDone == null || done.ordinal() > lastDone.ordinal()) {
                lastDone = done;
            }
        }
        return lastDone == null ? "raw" : "input (after " + lastDone.id() + ")";
    }

    /** The steps a stage's values have been through, in pipeline order: a saved product's, then those that ran. */
    public List<StepName> stepsApplied(RampStage stage) {
        RampStage s = resolve(stage);
        java.util.SortedSet<StepName> applied = new java.util.TreeSet<>(metadata().completedSteps());
        if (!s.isRaw()) {
            for (StepName step : activeSteps()) {
                if (step.ordinal() <= s.after().ordinal()) {
                    applied.add(step);
                }
            }
        }
        return List.copyOf(applied);
    }

    /**
     * What the user is told when a wanted stage cannot be shown: "after linearity is not available
     * (linearity is off): showing after refpix", or "" when it is shown as asked.
     */
    public String substitution(RampStage wanted) {
        RampStage shown = resolve(wanted);
        if (shown.equals(wanted)) {
            return "";
        }
        StepState st = states.get(wanted.after());
        String why = st == null ? "" : " (" + wanted.after().id() + ": " + st.status() + ")";
        return wanted.label() + " is not available" + why + ": showing " + label(shown);
    }

    /** One group of one integration at a stage (resolved as {@link #resolve} says). */
    public StageFrame stageFrame(RampStage stage, int integration, int group) throws IOException, BadInputException {
        RampStage shown = resolve(stage);
        CalibrationEngine.Stage s = engine.stage(integration, shown.after());
        return StageFrame.of(shown, label(shown), stepsApplied(shown), segmentName(integration), s.ramp(), group,
                s.pixelDq(), jumps(integration, group));
    }

    /**
     * When the rates are made: integration i (0-based) after jump, and the segments ramp_fit fits pixel
     * (x, y) with (slopes per group); else null, nothing is computed.
     */
    public JumpedRamp jumped(int integration, int x, int y) throws IOException {
        Located at = located(exposure.rates().ifReady(configuration), integration);
        if (at == null) {
            return null;
        }
        List<org.tsoinspector.analysis.RampSegment> segments = new ArrayList<>();
        for (org.tsoinspector.calib.RampFitter.Segment s : at.model().segments(at.index(), x, y)) {
            segments.add(new org.tsoinspector.analysis.RampSegment(s.from(), s.length(),
                    s.slope() * metadata().tGroup()));
        }
        return new JumpedRamp(at.model().afterJump(at.index()), segments);
    }

    /** An integration (0-based over the exposure) as its segment's model numbers it. */
    private record Located(SegmentRateModel model, int index) {
    }

    /** The model holding an integration and its index there; null when there are no models. */
    private static Located located(List<SegmentRateModel> models, int integration) {
        if (models == null) {
            return null;
        }
        int first = 0;
        for (SegmentRateModel m : models) {
            if (integration < first + m.integrationCount()) {
                return new Located(m, integration - first);
            }
            first += m.integrationCount();
        }
        throw new IllegalStateException("integration " + integration + " in no segment");
    }

    /** An integration after jump, with the segments ramp_fit fits one pixel of it with. */
    public record JumpedRamp(org.tsoinspector.model.Ramp ramp, List<org.tsoinspector.analysis.RampSegment> segments) {
    }

    /** The JUMP_DET flags jump set in one group of one integration, when the rates are made; else null. */
    private byte[] jumps(int integration, int group) throws IOException {
        Located at = located(exposure.rates().ifReady(configuration), integration);
        if (at == null) {
            return null;
        }
        org.tsoinspector.model.Ramp r = at.model().afterJump(at.index());
        int n = r.framePixels();
        byte[] out = new byte[n];
        int jump = org.tsoinspector.model.DqFlag.JUMP_DET.value();
        for (int p = 0; p < n; p++) {
            out[p] = (byte) (r.groupDq()[group * n + p] & jump);
        }
        return out;
    }


    /** The name of the segment file that holds an integration (0-based over the exposure). */
    public String segmentName(int integration) {
        int first = 0;
        for (RampSource segment : segments()) {
            if (integration < first + segment.integrationCount()) {
                return segment.name();
            }
            first += segment.integrationCount();
        }
        return exposure.source().name();
    }

    /** The exposure's segments, first first (one for a single file). */
    private List<RampSource> segments() {
        RampSource source = exposure.source();
        return source instanceof MultiSegmentExposure m ? m.segments() : List.of(source);
    }

    /** The pictures and words of a frame request. */
    public FrameAnswer frame(FrameRequest request, ProgressMonitor monitor) throws IOException, BadInputException,
            CancelledException {
        return request.compose(this, monitor);
    }

    /** A finished plot with its caption and table. */
    public PlotResult plot(PlotRequest request, ProgressMonitor monitor) throws IOException, BadInputException,
            CancelledException {
        return new DiagnosticPlots(this, engine, Runtime.getRuntime().availableProcessors()).make(request, monitor);
    }

    /** What the user should know about how the steps that run will run ("refpix: ..."), one line each. */
    public List<String> stepNotes() throws IOException, BadInputException {
        List<String> notes = new ArrayList<>(references.notes());
        for (PreparedStep p : engine.preparedPipeline().steps()) {
            if (!p.note().isEmpty()) {
                notes.add(p.name().id() + ": " + p.note());
            }
        }
        return notes;
    }

    /**
     * Runs the switched-on steps over every segment on all cores and writes each segment's products
     * ({@code <root>_<step>step.fits}, every step's with saveEach, else the last one's) into dir, as the
     * reference pipeline runs each segment file on its own. Nothing is left behind on failure or cancel.
     *
     * @return the products written, segment by segment
     */
    public List<Path> calibrate(Path dir, boolean saveEach, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        PreparedPipeline prepared = engine.preparedPipeline();
        SegmentSteps segmentSteps = engine.segmentSteps();
        List<Path> written = new ArrayList<>();
        for (RampSource segment : segments()) {
            written.addAll(new SegmentCalibration(segment, prepared, segmentSteps, referenceFileNames(),
                    Runtime.getRuntime().availableProcessors())
                    .run(dir, SegmentCalibration.productRoot(segment.name()), saveEach, monitor));
        }
        return written;
    }

    /** The engine of this state (whole-segment work of this package). */
    CalibrationEngine engine() {
        return engine;
    }

    /** The references read for this state (the benchmark runs the steps on them directly). */
    public ReferenceSet references() {
        return references.set();
    }

    /** Reference file names by step of the steps that run, for products' R_xxxx keywords. */
    Map<StepName, String> referenceFileNames() {
        return references.set().fileNames(Set.copyOf(activeSteps()));
    }

    /** Closes the exposure's files (and the rate models' spill files); every inspection of it is unusable afterwards. */
    public void close() throws IOException {
        try {
            exposure.rates().close();
        } finally {
            exposure.source().close();
        }
    }

    /**
     * The rate image of one integration (0-based over the exposure) after jump and ramp_fit. The first
     * call for a configuration runs the per-integration steps of every segment into a spill file, jump
     * over each segment and ramp_fit's median rates (long: progress and cancel through the monitor);
     * later calls read one integration and fit it.
     *
     * @throws BadInputException when jump or ramp_fit cannot run (a missing GAIN or READNOISE, ramp_fit off)
     */
    public RateFrame rate(int integration, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        if (integration < 0 || integration >= integrationCount()) {
            throw new BadInputException(name(), "has integrations 1 to " + integrationCount() + ", not "
                    + (integration + 1));
        }
        SegmentSteps segmentSteps = engine.segmentSteps();
        if (segmentSteps == null || !segmentSteps.rampFit()) {
            StepState st = states.get(StepName.RAMP_FIT);
            throw new BadInputException(name(), "rate images need ramp_fit, which is "
                    + (st == null ? "off" : st.status()) + " (it needs GAIN and READNOISE references)");
        }
        List<SegmentRateModel> models = exposure.rates().models(configuration, () -> {
            List<SegmentRateModel> made = new ArrayList<>();
            try {
                List<RampSource> all = segments();
                for (int k = 0; k < all.size(); k++) {
                    made.add(new SegmentCalibration(all.get(k), engine.preparedPipeline(), segmentSteps,
                            referenceFileNames(), Runtime.getRuntime().availableProcessors())
                            .rateModel(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")),
                                    monitor.part(k, all.size(), "segment")));
                }
                return made;
            } catch (IOException | BadInputException | CancelledException | RuntimeException e) {
                for (SegmentRateModel m : made) {
                    m.close();
                }
                throw e;
            }
        });
        Located at = located(models, integration);
        return new RateFrame(integration, segmentName(integration), metadata().ny(), metadata().nx(),
                at.model().rate(at.index()), at.model().jumpStatus());
    }

    /** True when the rate images of this state are made (showing one more is quick). */
    public boolean ratesReady() {
        return exposure.rates().ready(configuration);
    }

    /** True when both inspect the same open exposure (one is a reconfiguration of the other). */
    public boolean sameExposure(Inspection other) {
        return other != null && other.exposure == exposure;
    }

    private Map<StepName, StepState> states() {
        Set<StepName> runnable = Set.copyOf(activeSteps());
        Map<StepName, StepState> out = new EnumMap<>(StepName.class);
        PipelineSettings s = configuration.settings();
        for (StepName step : StepName.values()) {
            boolean available = references.usable(step);
            boolean on = s.isEnabled(step);
            String status;
            if (metadata().completedSteps().contains(step)) {
                status = "done in input";
            } else if (!available) {
                status = references.shortProblem(step);
            } else if (on && runnable.contains(step) && references.notApplicable(step)) {
                status = "skipped: N/A";
            } else if (on && runnable.contains(step)) {
                status = "applied" + note(step);
            } else {
                status = "off";
            }
            out.put(step, new StepState(step, available, on, references.files().get(step), status));
        }
        return out;
    }

    /** The prepared step's own note (a substituted algorithm), in brackets, or "". */
    private String note(StepName step) {
        if (step != StepName.REFPIX || configuration.settings().refpix().algorithm() != RefPixStep.Algorithm.SIRS) {
            return "";
        }
        try {
            for (PreparedStep p : engine.preparedUpTo(step).steps()) {
                if (p.name() == step && !p.note().isEmpty()) {
                    return " (" + p.note() + ")";
                }
            }
            return "";
        } catch (IOException | BadInputException e) {
            return " (" + ErrorMessage.of(e) + ")";
        }
    }

    /** The input as messages name it: the first file as the user gave it, else the source's name. */
    private static String messageName(RampSource source, List<Path> files) {
        return files.isEmpty() ? source.name() : files.get(0).toString();
    }

    /** Refuses hand marks that fall outside the exposure: they would mark nothing, silently. */
    private static void checkMarks(RampSource source, StepConfiguration c) throws BadInputException {
        ExposureMetadata md = source.metadata();
        for (SaturationMark m : c.marks()) {
            String where = null;
            if (m.x1() >= md.nx() || m.y1() >= md.ny()) {
                where = "the frame (x 0.." + (md.nx() - 1) + ", y 0.." + (md.ny() - 1) + ")";
            } else if (m.fromGroup() >= md.nGroups()) {
                where = "groups 1.." + md.nGroups();
            } else if (m.integration() >= 0 && (m.integration() < md.intStart() - 1
                    || m.integration() >= md.intStart() - 1 + source.integrationCount())) {
                where = "integrations " + md.intStart() + ".." + (md.intStart() - 1 + source.integrationCount());
            }
            if (where != null) {
                throw new BadInputException(source.name(), "the saturation mark " + m.describe() + " lies outside "
                        + where);
            }
        }
    }

    /** The files, handles and reference policy shared by every inspection of one exposure. */
    private record OpenExposure(RampSource source, List<Path> files, ReferencePolicy policy, RateCache rates) {
        OpenExposure(RampSource source, List<Path> files, ReferencePolicy policy) {
            this(source, files, policy, new RateCache());
        }
    }
}
