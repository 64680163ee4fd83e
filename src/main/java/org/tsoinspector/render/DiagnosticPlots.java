package org.tsoinspector.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.tsoinspector.analysis.LightCurveMode;
import org.tsoinspector.analysis.PixelMask;
import org.tsoinspector.analysis.Profile;
import org.tsoinspector.analysis.RampFit;
import org.tsoinspector.analysis.RatioHistogramSpec;
import org.tsoinspector.analysis.SegmentScan;
import org.tsoinspector.analysis.StagePair;
import org.tsoinspector.analysis.Staged;
import org.tsoinspector.calib.CalibrationEngine;
import org.tsoinspector.calib.PreparedStep;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

/**
 * Makes any {@link PlotKind} for an exposure from its calibration engine: one integration's stages
 * come from the engine's cache, whole-segment plots stream the segment through its prepared steps.
 * Used by both the window and the {@code plot} command, so they draw the same thing.
 */
public final class DiagnosticPlots {

    /** Pixel DQ that keeps a pixel out of automatic choices (no light, or unusable). */
    private static final int NOT_SCIENCE = DqFlag.REFERENCE_PIXEL.value() | DqFlag.DO_NOT_USE.value();

    private final CalibrationEngine engine;
    private final int threads;

    /** @param threads workers for whole-segment plots */
    public DiagnosticPlots(CalibrationEngine engine, int threads) {
        this.engine = engine;
        this.threads = threads;
    }

    /**
     * Computes a plot. Long for whole-segment kinds ({@link PlotKind#wholeSegment()}): call it off the
     * UI thread; the monitor sees integrations done and can cancel.
     *
     * @throws BadInputException for a request the exposure cannot satisfy (integration, group, pixel
     *                           out of range, too few groups, a missing reference)
     */
    public Plot make(PlotRequest request, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        ExposureMetadata e = engine.source().metadata();
        StepName step = request.step() != null ? request.step() : request.kind().defaultStep();
        List<StepName> active = engine.activeSteps();
        if (step == null && !active.isEmpty()) {
            step = active.get(active.size() - 1);
        }
        int integration = request.integration() == 0 ? 1 : request.integration();
        int group = request.group() == 0 ? e.nGroups() : request.group();
        if (integration < 1 || integration > engine.source().integrationCount()) {
            throw bad("has integrations 1 to " + engine.source().integrationCount() + ", not " + integration);
        }
        if (group < 1 || group > e.nGroups()) {
            throw bad("has groups 1 to " + e.nGroups() + ", not " + group);
        }
        StepName before = previousActive(active, step);
        boolean compare = step != null && active.contains(step);
        return switch (request.kind()) {
            case FRAME -> frame(step, integration, group);
            case MASK -> mask(step);
            case SATURATED -> saturated(step, integration, group);
            case PROFILE -> profile(request, compare, before, step, integration, group);
            case RAMP -> ramp(request, compare, before, step, integration);
            case RATIO, LIGHTCURVE, DQ -> wholeSegment(request, step, compare, monitor);
        };
    }

    private BadInputException bad(String problem) {
        return new BadInputException(engine.source().name(), problem);
    }

    private static StepName previousActive(List<StepName> active, StepName step) {
        StepName prev = null;
        for (StepName s : active) {
            if (step != null && s.ordinal() < step.ordinal()) {
                prev = s;
            }
        }
        return prev;
    }

    /** "after refpix", or for the input as read "raw" (a saved product: "input (after superbias)"). */
    private String label(List<StepName> applied) {
        if (!applied.isEmpty()) {
            return "after " + applied.get(applied.size() - 1).id();
        }
        StepName lastDone = null;
        for (StepName s : engine.source().metadata().completedSteps()) {
            if (lastDone == null || s.ordinal() > lastDone.ordinal()) {
                lastDone = s;
            }
        }
        return lastDone == null ? "raw" : "input (after " + lastDone.id() + ")";
    }

    private Caption caption(int integration, int group, String stage) {
        return new Caption(engine.source().name(), integration, group, stage);
    }

    private Plot frame(StepName step, int integration, int group) throws IOException, BadInputException {
        CalibrationEngine.Stage s = engine.stage(integration - 1, step);
        Ramp r = s.ramp();
        float[] frame = r.frame(group - 1);
        String stage = label(s.applied());
        FrameRenderer renderer = new FrameRenderer(Colormap.named("viridis"), Stretch.LINEAR,
                Limits.PERCENTILE_99_5.of(frame, new DisplayRange(0, 1)));
        JFreeChart chart = ImageCharts.frame("Integration " + integration + ", group " + group + ", " + stage, frame,
                r.ny(), r.nx(), renderer, "Counts (DN)");
        return new Plot(Figure.of("frame", chart), caption(integration, group, stage),
                PlotTables.frame(frame, r.ny(), r.nx()));
    }

    private Plot mask(StepName step) throws IOException, BadInputException {
        ExposureMetadata e = engine.source().metadata();
        int[] dq = engine.pixelDq(step);
        List<StepName> applied = stepsUpTo(step);
        String stage = label(applied);
        PixelMask m = PixelMask.special(dq, e.ny(), e.nx());
        JFreeChart chart = ImageCharts.mask("Special pixels in the " + e.subarrayName() + " frame, " + stage, m);
        return new Plot(Figure.of("mask", chart), caption(0, 0, stage), PlotTables.mask(m));
    }

    private List<StepName> stepsUpTo(StepName step) {
        List<StepName> out = new ArrayList<>();
        for (StepName s : engine.activeSteps()) {
            if (step != null && s.ordinal() <= step.ordinal()) {
                out.add(s);
            }
        }
        return out;
    }

    private Plot saturated(StepName step, int integration, int group) throws IOException, BadInputException {
        CalibrationEngine.Stage s = engine.stage(integration - 1, step);
        String stage = label(s.applied());
        PixelMask m = PixelMask.saturated(s.ramp(), group - 1);
        String which = group == 1 ? "first" : group == s.ramp().nGroups() ? "last" : "";
        JFreeChart chart = ImageCharts.mask("Saturated pixels in " + (which.isEmpty() ? "" : which + " ")
                + "group " + group + ", integration " + integration + ", " + stage, m);
        return new Plot(Figure.of("saturated", chart), caption(integration, group, stage), PlotTables.mask(m));
    }

    /** The stages compared: before the step (when it runs) and after it. */
    private List<CalibrationEngine.Stage> stages(boolean compare, StepName before, StepName step, int integration)
            throws IOException, BadInputException {
        List<CalibrationEngine.Stage> out = new ArrayList<>();
        if (compare) {
            out.add(engine.stage(integration - 1, before));
        }
        out.add(engine.stage(integration - 1, step));
        return out;
    }

    private Plot profile(PlotRequest req, boolean compare, StepName before, StepName step, int integration,
            int group) throws IOException, BadInputException {
        List<CalibrationEngine.Stage> stages = stages(compare, before, step, integration);
        CalibrationEngine.Stage last = stages.get(stages.size() - 1);
        Ramp r = last.ramp();
        int column = req.column() >= 0 ? req.column() : brightestColumn(signal(r), last.pixelDq(), r.ny(), r.nx());
        if (column >= r.nx()) {
            throw bad("has columns 0 to " + (r.nx() - 1) + ", not " + column);
        }
        List<Staged<Profile>> profiles = new ArrayList<>();
        for (CalibrationEngine.Stage s : stages) {
            profiles.add(new Staged<>(label(s.applied()),
                    Profile.column(s.ramp().frame(group - 1), r.ny(), r.nx(), column)));
        }
        String stage = String.join(" vs ", profiles.stream().map(Staged::stage).toList());
        return new Plot(ProfileCharts.comparison(profiles), caption(integration, group, stage + ", column " + column),
                PlotTables.profiles(profiles));
    }

    /** Last minus first group: the light collected, free of the bias and of hot-pixel levels. */
    private static float[] signal(Ramp r) {
        float[] last = r.frame(r.nGroups() - 1);
        float[] first = r.frame(0);
        for (int i = 0; i < last.length; i++) {
            last[i] -= first[i];
        }
        return last;
    }

    /**
     * The column with the most signal over science pixels, leaving out its two highest values so a
     * hot pixel or a cosmic ray does not win: it crosses the spectral trace.
     */
    static int brightestColumn(float[] frame, int[] pixelDq, int ny, int nx) {
        int best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < nx; x++) {
            double sum = 0;
            float top1 = Float.NEGATIVE_INFINITY;
            float top2 = Float.NEGATIVE_INFINITY;
            int n = 0;
            for (int y = 0; y < ny; y++) {
                float v = frame[y * nx + x];
                if ((pixelDq[y * nx + x] & NOT_SCIENCE) != 0 || !Float.isFinite(v)) {
                    continue;
                }
                sum += v;
                n++;
                if (v > top1) {
                    top2 = top1;
                    top1 = v;
                } else if (v > top2) {
                    top2 = v;
                }
            }
            if (n > 2) {
                sum -= (double) top1 + top2;
                if (sum > bestSum) {
                    bestSum = sum;
                    best = x;
                }
            }
        }
        return best;
    }

    private Plot ramp(PlotRequest req, boolean compare, StepName before, StepName step, int integration)
            throws IOException, BadInputException {
        List<CalibrationEngine.Stage> stages = stages(compare, before, step, integration);
        CalibrationEngine.Stage last = stages.get(stages.size() - 1);
        Ramp r = last.ramp();
        int x = req.pixelX();
        int y = req.pixelY();
        if (x < 0 || y < 0) {
            int p = brightestUnsaturated(r, last.pixelDq());
            x = p % r.nx();
            y = p / r.nx();
        }
        if (x >= r.nx() || y >= r.ny()) {
            throw bad("has pixels 0.." + (r.nx() - 1) + ", 0.." + (r.ny() - 1) + ", not (" + x + ", " + y + ")");
        }
        List<Staged<RampFit>> fits = new ArrayList<>();
        for (CalibrationEngine.Stage s : stages) {
            fits.add(new Staged<>(label(s.applied()), RampFit.of(s.ramp(), y, x, true)));
        }
        String stage = String.join(" vs ", fits.stream().map(Staged::stage).toList());
        Figure f = RampCharts.upTheRamp("Integration " + integration + " of pixel (" + x + ", " + y + ")", fits);
        return new Plot(f, caption(integration, 0, stage + ", pixel (" + x + ", " + y + ")"), PlotTables.ramps(fits));
    }

    /** Index of the science pixel collecting the most light (last minus first group) that never saturates. */
    private static int brightestUnsaturated(Ramp r, int[] pixelDq) {
        int n = r.framePixels();
        int last = (r.nGroups() - 1) * n;
        int best = 0;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int p = 0; p < n; p++) {
            float v = r.data()[last + p] - r.data()[p];
            if ((pixelDq[p] & NOT_SCIENCE) == 0 && (r.groupDq()[last + p] & DqFlag.SATURATED.value()) == 0
                    && v > bestValue) {
                bestValue = v;
                best = p;
            }
        }
        return best;
    }

    private Plot wholeSegment(PlotRequest req, StepName step, boolean compare, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        ExposureMetadata e = engine.source().metadata();
        List<PreparedStep> steps = new ArrayList<>();
        for (PreparedStep p : engine.preparedPipeline().steps()) {
            if (step != null && p.name().ordinal() <= step.ordinal()) {
                steps.add(p);
            }
        }
        boolean two = compare && req.kind() != PlotKind.DQ;
        List<PreparedStep> first = two ? steps.subList(0, steps.size() - 1) : steps;
        String firstLabel = label(first.stream().map(PreparedStep::name).toList());
        StagePair pair = two
                ? new StagePair(firstLabel, first, label(stepsUpTo(step)), steps.subList(steps.size() - 1, steps.size()))
                : StagePair.single(firstLabel, first);
        RatioHistogramSpec ratio = null;
        if (req.kind() == PlotKind.RATIO) {
            if (e.nGroups() < 3) {
                throw bad("has " + e.nGroups() + " groups per integration; the group-difference ratio needs at least 3");
            }
            ratio = req.ratio() != null ? req.ratio() : RatioHistogramSpec.defaults(e.nGroups());
            try {
                ratio.pairs().checkFits(e.nGroups());
            } catch (IllegalArgumentException ex) {
                throw bad(ex.getMessage());
            }
        }
        if (req.kind() == PlotKind.LIGHTCURVE && req.region() != null) {
            try {
                req.region().checkInside(e.ny(), e.nx());
            } catch (IllegalArgumentException ex) {
                throw bad(ex.getMessage());
            }
        }
        LightCurveMode mode = req.kind() != PlotKind.LIGHTCURVE ? null
                : req.lightCurveMode() != null ? req.lightCurveMode() : LightCurveMode.LAST_MINUS_FIRST;
        SegmentScan.Request what = new SegmentScan.Request(ratio, mode, req.region(), req.kind() == PlotKind.DQ);
        SegmentScan.Result result = new SegmentScan(engine.source(), pair, what, threads).run(monitor);
        String stages = two ? pair.beforeLabel() + " vs " + pair.afterLabel() : pair.beforeLabel();
        Caption caption = caption(0, 0, stages + (ratio != null ? ", " + ratio.pairs().label()
                : req.region() != null && mode != null ? ", region " + req.region() : ""));
        return switch (req.kind()) {
            case RATIO -> new Plot(RatioCharts.comparison(result.ratios()), caption, PlotTables.ratio(result.ratios()));
            case LIGHTCURVE -> new Plot(LightCurveCharts.of(result.lightCurves(), true), caption,
                    PlotTables.lightCurves(result.lightCurves()));
            default -> new Plot(DqCharts.summary(result.dq()), caption, PlotTables.dq(result.dq()));
        };
    }
}
