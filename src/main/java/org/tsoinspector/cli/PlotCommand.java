package org.tsoinspector.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tsoinspector.analysis.GroupPairs;
import org.tsoinspector.analysis.RatioHistogramSpec;
import org.tsoinspector.analysis.Region;
import org.tsoinspector.calib.CalibrationEngine;
import org.tsoinspector.calib.Pipeline;
import org.tsoinspector.calib.PipelineSettings;
import org.tsoinspector.calib.ReferenceSet;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.StepName;
import org.tsoinspector.render.DiagnosticPlots;
import org.tsoinspector.render.Plot;
import org.tsoinspector.render.PlotKind;
import org.tsoinspector.render.PlotRequest;
import org.tsoinspector.render.PngExport;

/**
 * {@code plot KIND FILE [reference options] [--after STEP] [--int I] [--group G] [--column C]
 * [--pixel X,Y] [--pairs A-B,C-D] [--region X0,Y0,X1,Y1] [--width W] [--height H] --out FILE.png
 * [--csv FILE.csv]}: draws one of the notebook's plots to a PNG (and its data to CSV), with the same
 * code as the window.
 */
public final class PlotCommand implements Command {

    private static final Pattern PAIRS = Pattern.compile("(\\d+)\\s*-\\s*(\\d+)\\s*,\\s*(\\d+)\\s*-\\s*(\\d+)");

    /** Bytes of computed integrations the engine may keep: two stages of a few integrations. */
    private static final long CACHE_BYTES = 256L << 20;

    @Override
    public String name() {
        return "plot";
    }

    @Override
    public String usage() {
        return "plot KIND FILE " + ReferenceOptions.USAGE + " [--after STEP] [--int I] [--group G] [--column C]"
                + " [--pixel X,Y] [--pairs A-B,C-D] [--region X0,Y0,X1,Y1] [--width W] [--height H] --out FILE.png"
                + " [--csv FILE.csv] " + ParameterOption.USAGE + "\n"
                + "                          KIND: frame, mask, saturated, profile, ramp, ratio, lightcurve, dq;"
                + " I and G count from 1, C, X and Y from 0\n"
                + "                          --pairs (ratio): (GB - GA) / (GD - GC), groups from 1, default the last"
                + " two over the first two\n"
                + "                          --region (lightcurve): columns X0..X1, rows Y0..Y1 (from 0, inclusive),"
                + " default the brightest 30 rows";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        ReferenceOptions refs = new ReferenceOptions();
        PipelineSettings settings = PipelineSettings.DEFAULTS;
        PlotKind kind = null;
        Path file = null;
        Path png = null;
        Path csv = null;
        StepName step = null;
        int integration = 0;
        int group = 0;
        int column = -1;
        int[] pixel = null;
        GroupPairs pairs = null;
        Region region = null;
        int width = 0;
        int height = 0;
        for (int i = 0; i < args.size();) {
            int next = refs.consume(args, i);
            if (next != i) {
                i = next;
                continue;
            }
            String a = args.get(i);
            if (!a.startsWith("--")) {
                if (kind == null) {
                    kind = kind(a);
                } else if (file == null) {
                    file = Path.of(a);
                } else {
                    throw new UsageException("unexpected argument '" + a + "'");
                }
                i++;
                continue;
            }
            String v = Arguments.value(args, i);
            switch (a) {
                case "--after" -> step = step(v);
                case "--int" -> integration = positive(a, v);
                case "--group" -> group = positive(a, v);
                case "--column" -> column = nonNegative(a, v);
                case "--pixel" -> pixel = pixel(v);
                case "--pairs" -> pairs = pairs(v);
                case "--region" -> region = region(v);
                case "--width" -> width = size(a, v);
                case "--height" -> height = size(a, v);
                case "--out" -> png = Path.of(v);
                case "--csv" -> csv = Path.of(v);
                case "--param" -> settings = ParameterOption.apply(settings, v);
                default -> throw new UsageException("unknown option '" + a + "'");
            }
            i += 2;
        }
        if (kind == null || file == null) {
            throw new UsageException("plot needs a KIND and a FILE");
        }
        if (png == null) {
            throw new UsageException("plot needs --out FILE.png");
        }
        if (pairs != null && kind != PlotKind.RATIO) {
            throw new UsageException("--pairs applies to the ratio plot only");
        }
        if (region != null && kind != PlotKind.LIGHTCURVE) {
            throw new UsageException("--region applies to the lightcurve plot only");
        }
        if (!Files.exists(file)) {
            throw new BadInputException(file.toString(), "no such file");
        }
        try (FitsRampFile source = FitsRampFile.open(file)) {
            ExposureMetadata e = source.metadata();
            StepName upTo = step != null ? step : kind.defaultStep() != null ? kind.defaultStep() : StepName.LINEARITY;
            Set<StepName> wanted = EnumSet.noneOf(StepName.class);
            for (StepName s : StepName.values()) {
                if (s.ordinal() <= upTo.ordinal()) {
                    wanted.add(s);
                }
            }
            settings = settings.withEnabled(Pipeline.runnable(e, wanted));
            ReferenceSet references = ReferenceSet.load(e, settings, refs.files(), refs.refsDir());
            CalibrationEngine engine = new CalibrationEngine(source, references, settings, CACHE_BYTES);
            PlotRequest request = PlotRequest.of(kind).withStep(step).withIntegration(integration).withGroup(group)
                    .withColumn(column);
            if (pixel != null) {
                request = request.withPixel(pixel[0], pixel[1]);
            }
            if (pairs != null) {
                request = request.withRatio(RatioHistogramSpec.of(pairs));
            }
            if (region != null) {
                request = request.withLightCurve(null, region);
            }
            long t0 = System.nanoTime();
            Plot plot = new DiagnosticPlots(engine, Runtime.getRuntime().availableProcessors())
                    .make(request, ProgressMonitor.NONE);
            int w = width > 0 ? width : kind.defaultWidth();
            int h = height > 0 ? height : kind.defaultHeight();
            PngExport.write(plot.figure(), plot.caption(), w, h, png);
            out.printf(Locale.ROOT, "%s: %s (%d x %d) in %.1f s%n", kind.id(), plot.caption().text(), w, h,
                    (System.nanoTime() - t0) / 1e9);
            out.println("wrote " + png);
            if (csv != null) {
                plot.data().write(csv);
                out.println("wrote " + csv);
            }
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

    private static StepName step(String id) throws UsageException {
        try {
            return StepName.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--after: " + e.getMessage());
        }
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
