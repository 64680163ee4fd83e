package org.tsoinspector.inspect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.tsoinspector.analysis.LightCurveMode;
import org.tsoinspector.analysis.LightCurve;
import org.tsoinspector.analysis.PixelMask;
import org.tsoinspector.analysis.Profile;
import org.tsoinspector.analysis.ProfileAxis;
import org.tsoinspector.analysis.RampExtraction;
import org.tsoinspector.analysis.RampFit;
import org.tsoinspector.analysis.RatioHistogramSpec;
import org.tsoinspector.analysis.Region;
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
import org.tsoinspector.render.Caption;
import org.tsoinspector.render.DqCharts;
import org.tsoinspector.render.Figure;
import org.tsoinspector.render.FrameRenderer;
import org.tsoinspector.render.ImageCharts;
import org.tsoinspector.render.LightCurveCharts;
import org.tsoinspector.render.PlotKind;
import org.tsoinspector.render.PlotTables;
import org.tsoinspector.render.ProfileCharts;
import org.tsoinspector.render.RampCharts;
import org.tsoinspector.render.RatioCharts;

/**
 * Makes any {@link PlotKind} of an inspection: one integration's stages come from the engine's cache,
 * whole-segment plots stream the segment through the prepared steps ({@link SegmentScan}). The window's
 * plot tabs and the {@code plot} command both come here, so they draw the same thing with the same
 * labels.
 */
final class DiagnosticPlots {

    /** Pixel DQ that keeps a pixel out of automatic choices (no light, or unusable). */
    private static final int NOT_SCIENCE = DqFlag.REFERENCE_PIXEL.value() | DqFlag.DO_NOT_USE.value();

    private final Inspection inspection;
    private final CalibrationEngine engine;
    private final int threads;

    /** @param threads workers for whole-segment plots */
    DiagnosticPlots(Inspection inspection, CalibrationEngine engine, int threads) {
        this.inspection = inspection;
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
    PlotResult make(PlotRequest request, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        ExposureMetadata e = inspection.metadata();
        int integration = request.integration() == 0 ? 1 : request.integration();
        int group = request.group() == 0 ? e.nGroups() : request.group();
        if (integration < 1 || integration > inspection.integrationCount()) {
            throw bad("has integrations 1 to " + inspection.integrationCount() + ", not " + integration);
        }
        if (group < 1 || group > e.nGroups()) {
            throw bad("has groups 1 to " + e.nGroups() + ", not " + group);
        }
        RampStage stage = inspection.resolve(request.stage() != null ? request.stage() : defaultStage(request.kind()));
        List<RampStage> stages = stages(request, stage);
        return switch (request.kind()) {
            case FRAME -> frame(stage, integration, group);
            case MASK -> mask(stage);
            case SATURATED -> saturated(stage, integration, group);
            case PROFILE -> profile(request, stages, integration, group);
            case RAMP -> ramp(request, stages, integration);
            case RATIO, LIGHTCURVE -> wholeSegment(request, stages, monitor);
            case DQ -> wholeSegment(request, List.of(stage), monitor);
            case RATE -> rate(request.ratePlane(), integration, monitor);
        };
    }

    private BadInputException bad(String problem) {
        return new BadInputException(inspection.name(), problem);
    }

    private RampStage defaultStage(PlotKind kind) {
        if (kind.defaultStep() != null) {
            return RampStage.after(kind.defaultStep());
        }
        List<RampStage> all = inspection.stages();
        return all.get(all.size() - 1);
    }

    /** The stages of a comparison, earlier first (one stage when both are the same). */
    private List<RampStage> stages(PlotRequest request, RampStage stage) {
        RampStage other;
        if (request.compareWith() != null) {
            other = inspection.resolve(request.compareWith());
        } else {
            other = stage;
            for (RampStage s : inspection.stages()) {
                if (s.order() < stage.order()) {
                    other = s;
                }
            }
        }
        if (other.equals(stage)) {
            return List.of(stage);
        }
        RampStage first = RampStage.earlier(other, stage);
        return List.of(first, first == other ? stage : other);
    }

    private String labels(List<RampStage> stages) {
        return String.join(" vs ", stages.stream().map(inspection::label).toList());
    }

    private Caption caption(int integration, int group, String what) {
        return new Caption(inspection.name(), integration, group, what);
    }

    private CalibrationEngine.Stage at(RampStage s, int integration) throws IOException, BadInputException {
        return engine.stage(integration - 1, s.after());
    }

    private PlotResult frame(RampStage stage, int integration, int group) throws IOException, BadInputException {
        Ramp r = at(stage, integration).ramp();
        float[] frame = r.frame(group - 1);
        String label = inspection.label(stage);
        FrameRenderer renderer = DisplaySettings.DEFAULT.withColormap("viridis").rendererFor(frame);
        JFreeChart chart = ImageCharts.frame(inspection.name() + ": integration " + integration + ", group " + group
                + ", " + label, frame, r.ny(), r.nx(), renderer, "Counts (DN)", true);
        return new PlotResult(Figure.of("frame", chart), caption(integration, group, label),
                PlotTables.frame(frame, r.ny(), r.nx()), new FitsImage(frame, r.ny(), r.nx(),
                        FitsImage.describe("frame", inspection.segmentName(integration - 1), inspection.metadata(),
                                integration, group,
                                "DN", label, inspection.stepsApplied(stage), null)));
    }

    private PlotResult mask(RampStage stage) throws IOException, BadInputException {
        ExposureMetadata e = inspection.metadata();
        String label = inspection.label(stage);
        PixelMask m = PixelMask.special(engine.pixelDq(stage.after()), e.ny(), e.nx());
        JFreeChart chart = ImageCharts.mask("Special pixels in the " + e.subarrayName() + " frame, " + label, m);
        return new PlotResult(Figure.of("mask", chart), caption(0, 0, label), PlotTables.mask(m),
                mapImage("mask", m, 0, 0, stage, label));
    }

    private PlotResult saturated(RampStage stage, int integration, int group) throws IOException, BadInputException {
        Ramp r = at(stage, integration).ramp();
        String label = inspection.label(stage);
        PixelMask m = PixelMask.saturated(r, group - 1);
        String which = group == 1 ? "first " : group == r.nGroups() ? "last " : "";
        JFreeChart chart = ImageCharts.mask("Saturated pixels in " + which + "group " + group + ", integration "
                + integration + ", " + label, m);
        return new PlotResult(Figure.of("saturated", chart), caption(integration, group, label), PlotTables.mask(m),
                mapImage("saturated", m, integration, group, stage, label));
    }

    /**
     * The rate image of one integration: SCI or ERR in DN/s on the viridis colormap, or the pixels
     * whose DQ says more than REFERENCE_PIXEL as a map; the FITS export holds the plane's values.
     */
    private PlotResult rate(RatePlane plane, int integration, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        RateFrame r = inspection.rate(integration - 1, monitor);
        String label = "after ramp_fit (jump " + r.jumpStatus().toLowerCase(java.util.Locale.ROOT) + ")";
        List<StepName> applied = inspection.stepsApplied(RampStage.after(StepName.RAMP_FIT));
        String what = plane + ", integration " + integration + ", " + label;
        if (plane == RatePlane.DQ) {
            PixelMask m = PixelMask.special(r.fit().dq(), r.ny(), r.nx());
            float[] values = new float[r.fit().dq().length];
            for (int k = 0; k < values.length; k++) {
                values[k] = r.fit().dq()[k];
            }
            JFreeChart chart = ImageCharts.mask("Flagged rate pixels, " + what, m);
            return new PlotResult(Figure.of("rate-dq", chart), caption(integration, 0, plane + ", " + label),
                    PlotTables.frame(values, r.ny(), r.nx(), ""), new FitsImage(values, r.ny(), r.nx(),
                            FitsImage.describe("rate-dq", r.file(), inspection.metadata(), integration, 0, "",
                                    plane + ", " + label, applied, null)));
        }
        float[] values = plane == RatePlane.SCI ? r.fit().sci() : r.fit().err();
        FrameRenderer renderer = DisplaySettings.DEFAULT.withColormap("viridis").rendererFor(values);
        JFreeChart chart = ImageCharts.frame(r.file() + ": " + what, values, r.ny(), r.nx(), renderer,
                plane + " (DN/s)", true);
        return new PlotResult(Figure.of("rate-" + plane.name().toLowerCase(java.util.Locale.ROOT), chart),
                caption(integration, 0, plane + ", " + label), PlotTables.frame(values, r.ny(), r.nx(), "'DN'/s"),
                new FitsImage(values, r.ny(), r.nx(), FitsImage.describe("rate", r.file(), inspection.metadata(),
                        integration, 0, "DN/s", plane + ", " + label, applied, null)));
    }

    /** A 0/1 map as a FITS image (1 where set). */
    private FitsImage mapImage(String kind, PixelMask m, int integration, int group, RampStage stage, String label) {
        float[] values = new float[m.ny() * m.nx()];
        for (int y = 0; y < m.ny(); y++) {
            for (int x = 0; x < m.nx(); x++) {
                values[y * m.nx() + x] = m.get(y, x) ? 1f : 0f;
            }
        }
        return new FitsImage(values, m.ny(), m.nx(), FitsImage.describe(kind,
                inspection.segmentName(Math.max(0, integration - 1)),
                inspection.metadata(), integration, group, "", label, inspection.stepsApplied(stage), null));
    }

    private PlotResult profile(PlotRequest req, List<RampStage> stages, int integration, int group)
            throws IOException, BadInputException {
        CalibrationEngine.Stage last = at(stages.get(stages.size() - 1), integration);
        Ramp r = last.ramp();
        ProfileAxis axis = req.axis();
        int limit = axis == ProfileAxis.COLUMN ? r.nx() : r.ny();
        int index = req.index() >= 0 ? req.index() : brightestLine(axis, signal(r), last.pixelDq(), r.ny(), r.nx());
        if (index >= limit) {
            throw bad("has " + (axis == ProfileAxis.COLUMN ? "columns" : "rows") + " 0 to " + (limit - 1) + ", not "
                    + index);
        }
        List<Staged<Profile>> profiles = new ArrayList<>();
        for (RampStage s : stages) {
            profiles.add(new Staged<>(inspection.label(s),
                    Profile.of(axis, at(s, integration).ramp().frame(group - 1), r.ny(), r.nx(), index)));
        }
        String what = labels(stages) + ", " + axis.label().toLowerCase(java.util.Locale.ROOT) + " " + index;
        return new PlotResult(ProfileCharts.comparison(profiles), caption(integration, group, what),
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
     * The column (or row) with the most signal over science pixels, leaving out its two highest values
     * so a hot pixel or a cosmic ray does not win: it crosses (or follows) the spectral trace.
     */
    static int brightestLine(ProfileAxis axis, float[] frame, int[] pixelDq, int ny, int nx) {
        boolean column = axis == ProfileAxis.COLUMN;
        int lines = column ? nx : ny;
        int along = column ? ny : nx;
        int best = 0;
        double bestSum = Double.NEGATIVE_INFINITY;
        for (int line = 0; line < lines; line++) {
            double sum = 0;
            float top1 = Float.NEGATIVE_INFINITY;
            float top2 = Float.NEGATIVE_INFINITY;
            int n = 0;
            for (int k = 0; k < along; k++) {
                int p = column ? k * nx + line : line * nx + k;
                float v = frame[p];
                if ((pixelDq[p] & NOT_SCIENCE) != 0 || !Float.isFinite(v)) {
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
                    best = line;
                }
            }
        }
        return best;
    }

    private PlotResult ramp(PlotRequest req, List<RampStage> stages, int integration)
            throws IOException, BadInputException {
        CalibrationEngine.Stage last = at(stages.get(stages.size() - 1), integration);
        Ramp r = last.ramp();
        boolean box = req.extraction() != RampExtraction.PIXEL;
        int x = req.pixelX();
        int y = req.pixelY();
        String where;
        if (box) {
            Region b = req.region();
            if (b == null) {
                throw bad("a ramp of a box needs the box");
            }
            if (b.y1() > r.ny() || b.x1() > r.nx()) {
                throw bad("has pixels 0.." + (r.nx() - 1) + ", 0.." + (r.ny() - 1) + ", not the box columns "
                        + b.x0() + ".." + (b.x1() - 1) + ", rows " + b.y0() + ".." + (b.y1() - 1));
            }
            where = req.extraction() + " columns " + b.x0() + ".." + (b.x1() - 1) + ", rows " + b.y0() + ".."
                    + (b.y1() - 1);
        } else {
            if (x < 0 || y < 0) {
                int p = brightestUnsaturated(r, last.pixelDq());
                x = p % r.nx();
                y = p / r.nx();
            }
            checkPixel(r, x, y);
            where = "pixel (" + x + ", " + y + ")";
        }
        List<Staged<RampFit>> fits = new ArrayList<>();
        for (RampStage s : stages) {
            Ramp stageRamp = at(s, integration).ramp();
            fits.add(new Staged<>(inspection.label(s), box
                    ? RampFit.ofRegion(stageRamp, req.region(), req.extraction(), req.skipFlagged())
                    : RampFit.of(stageRamp, y, x, req.skipFlagged())));
        }
        List<Staged<RampFit>> pinned = new ArrayList<>();
        for (PixelPosition p : req.pinned()) {
            checkPixel(r, p.x(), p.y());
            pinned.add(new Staged<>("pixel (" + p.x() + ", " + p.y() + ")",
                    RampFit.of(r, p.y(), p.x(), req.skipFlagged())));
        }
        // once the rates are made, the ramp after jump (its JUMP_DET groups) and ramp_fit's segments join it
        List<org.tsoinspector.analysis.RampSegment> segments = List.of();
        Inspection.JumpedRamp jumped = box ? null : inspection.jumped(integration - 1, x, y);
        if (jumped != null) {
            fits.add(new Staged<>("after jump", RampFit.of(jumped.ramp(), y, x, req.skipFlagged())));
            segments = jumped.segments();
        }
        Figure f = RampCharts.upTheRamp("Integration " + integration + " of " + where, fits, pinned, segments);
        List<Staged<RampFit>> all = new ArrayList<>(fits);
        for (Staged<RampFit> p : pinned) {
            all.add(new Staged<>(p.stage() + ", " + fits.get(fits.size() - 1).stage(), p.value()));
        }
        return new PlotResult(f, caption(integration, 0, labels(stages) + ", " + where
                + (pinned.isEmpty() ? "" : " (+" + pinned.size() + " pinned)")), PlotTables.ramps(all));
    }

    private void checkPixel(Ramp r, int x, int y) throws BadInputException {
        if (x < 0 || y < 0 || x >= r.nx() || y >= r.ny()) {
            throw bad("has pixels 0.." + (r.nx() - 1) + ", 0.." + (r.ny() - 1) + ", not (" + x + ", " + y + ")");
        }
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

    private PlotResult wholeSegment(PlotRequest req, List<RampStage> stages, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        ExposureMetadata e = inspection.metadata();
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
        Region region = req.region();
        LightCurveMode mode = null;
        if (req.kind() == PlotKind.LIGHTCURVE) {
            mode = req.lightCurveMode() != null ? req.lightCurveMode() : LightCurveMode.LAST_MINUS_FIRST;
            if (region != null) {
                try {
                    region.checkInside(e.ny(), e.nx());
                } catch (IllegalArgumentException ex) {
                    throw bad(ex.getMessage());
                }
            } else {
                // found on the first integration at the earlier stage, as the notebook picks the trace
                CalibrationEngine.Stage first = at(stages.get(0), 1);
                region = Region.brightestRows(first.ramp(), first.pixelDq(), Math.min(req.traceRows(), e.ny()));
            }
        }
        boolean rate = mode == LightCurveMode.RATE;
        SegmentScan.Request what = new SegmentScan.Request(ratio, rate ? LightCurveMode.LAST_MINUS_FIRST : mode,
                region, req.kind() == PlotKind.DQ);
        SegmentScan.Result result = new SegmentScan(engine.source(), stagePair(stages), what, threads).run(monitor);
        if (rate) {
            // the rate curve beside the group-difference ones, each over its median: DN and DN/s share no axis
            List<Staged<LightCurve>> curves = new ArrayList<>(result.lightCurves());
            curves.add(new Staged<>("rate after ramp_fit", rateCurve(region, curves.get(0).value(), monitor)));
            Caption caption = caption(0, 0, labels(stages) + " and the rate after ramp_fit, region " + region);
            return new PlotResult(LightCurveCharts.of(curves, true), caption, PlotTables.lightCurves(curves));
        }
        Caption caption = caption(0, 0, labels(stages) + (ratio != null ? ", " + ratio.pairs().label()
                : region != null ? ", region " + region : ""));
        return switch (req.kind()) {
            case RATIO -> new PlotResult(RatioCharts.comparison(result.ratios()), caption,
                    PlotTables.ratio(result.ratios()));
            case LIGHTCURVE -> new PlotResult(LightCurveCharts.of(result.lightCurves(), req.normalized()), caption,
                    PlotTables.lightCurves(result.lightCurves()));
            default -> new PlotResult(DqCharts.summary(result.dq()), caption, PlotTables.dq(result.dq()));
        };
    }

    /** The summed rate (SCI) of the region's science pixels per integration, on the times of {@code like}. */
    private LightCurve rateCurve(Region region, LightCurve like, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        int n = inspection.integrationCount();
        if (like.size() != n) {
            throw new IllegalStateException(like.size() + " group-difference points for " + n + " integrations");
        }
        double[] flux = new double[n];
        int pixels = 0;
        int notScience = DqFlag.DO_NOT_USE.value() | DqFlag.REFERENCE_PIXEL.value();
        for (int i = 0; i < n; i++) {
            RateFrame r = inspection.rate(i, monitor);
            double sum = 0;
            int counted = 0;
            for (int y = region.y0(); y < region.y1(); y++) {
                for (int x = region.x0(); x < region.x1(); x++) {
                    int k = y * r.nx() + x;
                    float v = r.fit().sci()[k];
                    if ((r.fit().dq()[k] & notScience) == 0 && Float.isFinite(v)) {
                        sum += v;
                        counted++;
                    }
                }
            }
            flux[i] = sum;
            pixels = Math.max(pixels, counted);
        }
        return new LightCurve(like.integrationNumbers(), like.timesBjd(), flux, region, LightCurveMode.RATE, pixels);
    }

    /**
     * The prepared steps of one or two stages (earlier first): the later continues from a copy of the
     * earlier, so no step runs twice on an integration.
     */
    private StagePair stagePair(List<RampStage> stages) throws IOException, BadInputException {
        List<PreparedStep> before = steps(stages.get(0));
        String beforeLabel = inspection.label(stages.get(0));
        if (stages.size() == 1) {
            return StagePair.single(beforeLabel, before);
        }
        List<PreparedStep> all = steps(stages.get(1));
        return new StagePair(beforeLabel, before, inspection.label(stages.get(1)),
                all.subList(before.size(), all.size()));
    }

    private List<PreparedStep> steps(RampStage s) throws IOException, BadInputException {
        StepName after = s.after();
        return after == null ? List.of() : engine.preparedUpTo(after).steps();
    }
}
