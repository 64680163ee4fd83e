package org.tsoinspector.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tsoinspector.analysis.GroupPairs;
import org.tsoinspector.analysis.ProfileAxis;
import org.tsoinspector.analysis.RampExtraction;
import org.tsoinspector.analysis.RatioHistogramSpec;
import org.tsoinspector.analysis.Region;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.inspect.PlotResult;
import org.tsoinspector.inspect.RampStage;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.StepName;
import org.tsoinspector.render.PlotKind;

/**
 * {@code plot KIND FILE... [step options] [--after STEP|raw] [--int I] [--group G] [--column C | --row R]
 * [--pixel X,Y] [--pairs A-B,C-D] [--region X0,Y0,X1,Y1] [--width W] [--height H] --out FILE.png
 * [--csv FILE.csv] [--votable FILE.vot] [--fits FILE.fits]}: draws one of the notebook's plots to a PNG (its
 * numbers to CSV or VOTable, an image's values to FITS) by asking an
 * {@link Inspection} the same request the window's plot tabs make.
 */
public final class PlotCommand implements Command {

    private static final Pattern PAIRS = Pattern.compile("(\\d+)\\s*-\\s*(\\d+)\\s*,\\s*(\\d+)\\s*-\\s*(\\d+)");

    @Override
    public String name() {
        return "plot";
    }

    @Override
    public String usage() {
        return "plot KIND FILE... " + StepOptions.USAGE + " [--after STEP|raw] [--int I] [--group G] [--column C"
                + " | --row R] [--pixel X,Y] [--pairs A-B,C-D] [--region X0,Y0,X1,Y1] [--stat mean|median]"
                + " [--pin X,Y ...] [--width W] [--height H]"
                + " --out FILE.png [--csv FILE.csv] [--votable FILE.vot] [--fits FILE.fits]\n"
                + "                          KIND: frame, mask, saturated, profile, ramp, ratio, lightcurve, dq,"
                + " rate (--plane sci|err|dq: one integration after jump and ramp_fit);"
                + " I and G count from 1, C, R, X and Y from 0\n"
                + "                          --pairs (ratio): (GB - GA) / (GD - GC), groups from 1, default the last"
                + " two over the first two\n"
                + "                          --region (lightcurve): columns X0..X1, rows Y0..Y1 (from 0, inclusive),"
                + " default the brightest 30 rows\n"
                + "                          --region (ramp): the box whose --stat mean (default) or median is"
                + " plotted; --pin X,Y (repeatable): more pixels' ramps drawn over it\n"
                + "                          --flux (lightcurve): last-first (default), slope, or rate (the rate"
                + " after ramp_fit beside last-first, each over its median)\n"
                + "                          several FILEs: the segments of one exposure (integrations numbered"
                + " across them)\n" + StepOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        StepOptions options = new StepOptions();
        PlotKind kind = null;
        List<Path> files = new ArrayList<>();
        Path png = null;
        Path csv = null;
        Path fits = null;
        Path votable = null;
        RampStage after = null;
        int integration = 0;
        int group = 0;
        ProfileAxis axis = null;
        int index = -1;
        int[] pixel = null;
        GroupPairs pairs = null;
        Region region = null;
        RampExtraction stat = null;
        org.tsoinspector.inspect.RatePlane plane = null;
        org.tsoinspector.analysis.LightCurveMode flux = null;
        List<PixelPosition> pins = new ArrayList<>();
        int width = 0;
        int height = 0;
        for (int i = 0; i < args.size();) {
            int next = options.consume(args, i);
            if (next != i) {
                i = next;
                continue;
            }
            String a = args.get(i);
            if (!a.startsWith("--")) {
                if (kind == null) {
                    kind = kind(a);
                } else {
                    files.add(Path.of(a));
                }
                i++;
                continue;
            }
            String v = Arguments.value(args, i);
            switch (a) {
                case "--after" -> after = stage(v);
                case "--int" -> integration = positive(a, v);
                case "--group" -> group = positive(a, v);
                case "--column", "--row" -> {
                    if (axis != null) {
                        throw new UsageException("give --column or --row, not both");
                    }
                    axis = a.equals("--column") ? ProfileAxis.COLUMN : ProfileAxis.ROW;
                    index = nonNegative(a, v);
                }
                case "--pixel" -> pixel = pixel(v);
                case "--pairs" -> pairs = pairs(v);
                case "--region" -> region = region(v);
                case "--stat" -> stat = stat(v);
                case "--plane" -> plane = plane(v);
                case "--flux" -> flux = flux(v);
                case "--pin" -> {
                    int[] xy = pixel(v);
                    pins.add(new PixelPosition(xy[0], xy[1]));
                }
                case "--width" -> width = size(a, v);
                case "--height" -> height = size(a, v);
                case "--out" -> png = Path.of(v);
                case "--csv" -> csv = Path.of(v);
                case "--fits" -> fits = Path.of(v);
                case "--votable" -> votable = Path.of(v);
                default -> throw new UsageException("unknown option '" + a + "'");
            }
            i += 2;
        }
        if (kind == null || files.isEmpty()) {
            throw new UsageException("plot needs a KIND and a FILE");
        }
        if (png == null) {
            throw new UsageException("plot needs --out FILE.png");
        }
        if (fits != null && !kind.isImage()) {
            throw new UsageException("--fits applies to the images (frame, mask, saturated); a " + kind.id()
                    + " plot's numbers export with --csv or --votable");
        }
        if (pairs != null && kind != PlotKind.RATIO) {
            throw new UsageException("--pairs applies to the ratio plot only");
        }
        if (region != null && kind != PlotKind.LIGHTCURVE && kind != PlotKind.RAMP) {
            throw new UsageException("--region applies to the lightcurve and ramp plots only");
        }
        if (flux != null && kind != PlotKind.LIGHTCURVE) {
            throw new UsageException("--flux applies to the lightcurve plot only");
        }
        if (plane != null && kind != PlotKind.RATE) {
            throw new UsageException("--plane applies to the rate plot only");
        }
        if ((stat != null || !pins.isEmpty()) && kind != PlotKind.RAMP) {
            throw new UsageException("--stat and --pin apply to the ramp plot only");
        }
        if (stat != null && region == null) {
            throw new UsageException("--stat needs --region X0,Y0,X1,Y1, the box whose pixels it reduces");
        }
        if (region != null && pixel != null && kind == PlotKind.RAMP) {
            throw new UsageException("give --pixel or --region for the ramp, not both");
        }
        if (axis != null && kind != PlotKind.PROFILE) {
            throw new UsageException("--column and --row apply to the profile plot only");
        }
        for (Path f : files) {
            if (!Files.exists(f)) {
                throw new BadInputException(f.toString(), "no such file");
            }
        }
        RampStage stage = after != null ? after
                : RampStage.after(kind.defaultStep() != null ? kind.defaultStep() : StepName.LINEARITY);
        // only the steps up to the plotted stage run, so only their references are needed
        Set<StepName> upTo = EnumSet.noneOf(StepName.class);
        boolean rates = flux == org.tsoinspector.analysis.LightCurveMode.RATE; // every step, for ramp_fit
        for (StepName s : StepName.values()) {
            if (s.ordinal() <= stage.order() || rates) {
                upTo.add(s);
            }
        }
        Inspection inspection = Inspection.open(files, options.refsDir(), options.configuration().withSettings(
                options.configuration().settings().withEnabled(upTo)), ProgressMonitor.NONE);
        try {
            inspection.requireSwitchedOnSteps();
            PlotRequest request = PlotRequest.of(kind).withStages(null, after).withIntegration(integration)
                    .withGroup(group).withProfile(axis != null ? axis : ProfileAxis.COLUMN, index);
            if (pixel != null) {
                request = request.withPixel(pixel[0], pixel[1]);
            }
            if (pairs != null) {
                request = request.withRatio(RatioHistogramSpec.of(pairs));
            }
            if (kind == PlotKind.LIGHTCURVE && (region != null || flux != null)) {
                request = request.withLightCurve(flux, region);
            }
            if (region != null && kind == PlotKind.RAMP) {
                request = request.withRampExtraction(stat != null ? stat : RampExtraction.MEAN, region);
            }
            if (!pins.isEmpty()) {
                request = request.withPinned(pins);
            }
            if (plane != null) {
                request = request.withRatePlane(plane);
            }
            long t0 = System.nanoTime();
            PlotResult plot = inspection.plot(request, ProgressMonitor.NONE);
            int w = width > 0 ? width : kind.defaultWidth();
            int h = height > 0 ? height : kind.defaultHeight();
            plot.writePng(png, w, h);
            out.printf(Locale.ROOT, "%s: %s (%d x %d) in %.1f s%n", kind.id(), plot.captionText(), w, h,
                    (System.nanoTime() - t0) / 1e9);
            out.println("wrote " + png);
            if (csv != null) {
                plot.writeCsv(csv);
                out.println("wrote " + csv);
            }
            if (votable != null) {
                plot.writeVoTable(votable);
                out.println("wrote " + votable);
            }
            if (fits != null) {
                plot.writeFits(fits);
                out.println("wrote " + fits);
            }
        } finally {
            inspection.close();
        }
        return CommandLine.EXIT_OK;
    }

    private static PlotKind kind(String word) throws UsageException {
        try {
            return PlotKind.fromId(word);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static org.tsoinspector.analysis.LightCurveMode flux(String v) throws UsageException {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "last-first" -> org.tsoinspector.analysis.LightCurveMode.LAST_MINUS_FIRST;
            case "slope" -> org.tsoinspector.analysis.LightCurveMode.SLOPE;
            case "rate" -> org.tsoinspector.analysis.LightCurveMode.RATE;
            default -> throw new UsageException("--flux is last-first, slope or rate, not '" + v + "'");
        };
    }

    private static org.tsoinspector.inspect.RatePlane plane(String v) throws UsageException {
        try {
            return org.tsoinspector.inspect.RatePlane.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--plane is sci, err or dq, not '" + v + "'");
        }
    }

    private static RampExtraction stat(String v) throws UsageException {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "mean" -> RampExtraction.MEAN;
            case "median" -> RampExtraction.MEDIAN;
            default -> throw new UsageException("--stat is mean or median, not '" + v + "'");
        };
    }

    /** "raw" or a step's name. */
    private static RampStage stage(String id) throws UsageException {
        if (id.equalsIgnoreCase("raw")) {
            return RampStage.RAW;
        }
        StepName step;
        try {
            step = StepName.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--after: " + e.getMessage() + " (or raw)");
        }
        if (!step.perIntegration()) {
            throw new UsageException("--after " + step.id() + ": plots show one integration up to dark_current;"
                    + " jump and ramp_fit need the whole segment (run calibrate --steps ...,jump,ramp_fit and open"
                    + " its rateints product)");
        }
        return RampStage.after(step);
    }

    private static int positive(String option, String v) throws UsageException {
        int n = Arguments.integer(option, v);
        if (n < 1) {
            throw new UsageException(option + " counts from 1, not " + n);
        }
        return n;
    }

    private static int nonNegative(String option, String v) throws UsageException {
        int n = Arguments.integer(option, v);
        if (n < 0) {
            throw new UsageException(option + " must not be negative");
        }
        return n;
    }

    private static int size(String option, String v) throws UsageException {
        int n = Arguments.integer(option, v);
        if (n < 50 || n > 20000) {
            throw new UsageException(option + " must be between 50 and 20000 pixels, not " + n);
        }
        return n;
    }

    private static int[] pixel(String v) throws UsageException {
        String[] p = v.split(",");
        if (p.length != 2) {
            throw new UsageException("--pixel needs X,Y (column, row from 0), not '" + v + "'");
        }
        return new int[] {nonNegative("--pixel", p[0]), nonNegative("--pixel", p[1])};
    }

    /** {@code A-B,C-D}: the numerator pair, then the denominator pair, groups from 1; fluence at group B. */
    private static GroupPairs pairs(String v) throws UsageException {
        Matcher m = PAIRS.matcher(v.trim());
        if (!m.matches()) {
            throw new UsageException("--pairs needs A-B,C-D (numerator pair, denominator pair, groups from 1), not '"
                    + v + "'");
        }
        int[] g = new int[4];
        for (int k = 0; k < 4; k++) {
            g[k] = positive("--pairs", m.group(k + 1));
        }
        if (g[0] == g[1] || g[2] == g[3]) {
            throw new UsageException("--pairs needs two different groups in each pair, not '" + v + "'");
        }
        return new GroupPairs(g[2] - 1, g[3] - 1, g[0] - 1, g[1] - 1, g[1] - 1);
    }

    /** {@code X0,Y0,X1,Y1}: corners from 0, both included, as the window's region dialog takes them. */
    private static Region region(String v) throws UsageException {
        String[] p = v.split(",", -1);
        String form = "--region needs X0,Y0,X1,Y1 (columns X0..X1, rows Y0..Y1, from 0), not '" + v + "'";
        if (p.length != 4) {
            throw new UsageException(form);
        }
        int[] c = new int[4];
        for (int k = 0; k < 4; k++) {
            c[k] = nonNegative("--region", p[k]);
        }
        if (c[2] < c[0] || c[3] < c[1]) {
            throw new UsageException(form + ": X1 and Y1 must not be less than X0 and Y0");
        }
        return new Region(c[1], c[3] + 1, c[0], c[2] + 1);
    }
}
