package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.render.PlotKind;
import org.tsoinspector.render.PngAssertions;

class PlotCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    static Path vector(String name) {
        Path p = Path.of(System.getProperty("tso.testdata", "../shared/testdata"), "detector1", name, name);
        Assumptions.assumeTrue(Files.isDirectory(p.getParent()), "reference vectors not found");
        return p;
    }

    private int run(List<String> args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
    }

    /** plot KIND on a detector1 vector with its four references named, then more options. */
    static List<String> plot(String kind, Path base, Path png, String... more) {
        List<String> a = new ArrayList<>(List.of("plot", kind, base + "_uncal.fits", "--out", png.toString()));
        for (String type : new String[] {"mask", "saturation", "superbias", "linearity"}) {
            a.add("--" + type);
            a.add(base + "_" + type + ".fits.gz");
        }
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void everyKindWritesANonBlankPngOfTheRequestedSize(@TempDir Path dir) throws Exception {
        Path base = vector("soss256");
        for (PlotKind k : PlotKind.values()) {
            if (k == PlotKind.RATE) {
                continue; // needs GAIN and READNOISE, which the detector1 vectors lack: aRateImageExportsAsFits...
            }
            Path png = dir.resolve(k.id() + ".png");
            Path csv = dir.resolve(k.id() + ".csv");
            int code = run(plot(k.id(), base, png, "--width", "640", "--height", "360", "--csv", csv.toString()));
            assertEquals(0, code, k.id() + ": " + err);
            PngAssertions.assertNonBlankPng(png, 640, 360);
            assertTrue(Files.readAllLines(csv).size() > 1, k.id() + " CSV has no data");
        }
        assertTrue(out.toString().contains("ratio: soss256_uncal.fits  |  all integrations  |  all groups  |  "
                + "after refpix vs after linearity"), out.toString());
    }

    @Test
    void optionsChooseIntegrationGroupColumnPixelAndStep(@TempDir Path dir) throws Exception {
        Path base = vector("soss96"); // 2 integrations of 3 groups, with ZEROFRAME
        Path png = dir.resolve("p.png");
        Path csv = dir.resolve("p.csv");
        assertEquals(0, run(plot("profile", base, png, "--after", "superbias", "--int", "2", "--group", "1",
                "--column", "100", "--csv", csv.toString())), err.toString());
        PngAssertions.assertNonBlankPng(png, PlotKind.PROFILE.defaultWidth(), PlotKind.PROFILE.defaultHeight());
        assertTrue(out.toString().contains("integration 2  |  group 1  |  after saturation vs after superbias, column 100"),
                out.toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("row_pixel_index,after saturation,after saturation - median,after superbias,"
                + "after superbias - median", lines.get(0));
        assertEquals(97, lines.size()); // header + 96 rows
        assertEquals(0, run(plot("ramp", base, png, "--pixel", "1000,50", "--int", "2", "--csv", csv.toString())),
                err.toString());
        assertTrue(out.toString().contains("pixel (1000, 50)"), out.toString());
        assertEquals(7, Files.readAllLines(csv).size()); // 2 stages x 3 groups
        assertEquals(0, run(plot("ratio", base, png, "--width", "500", "--height", "300")), err.toString());
        PngAssertions.assertNonBlankPng(png, 500, 300);
    }

    @Test
    void badRequestsAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path base = vector("soss256amp4"); // 1 integration of 2 groups
        Path png = dir.resolve("r.png");
        assertEquals(1, run(plot("ratio", base, png)));
        assertTrue(err.toString().startsWith("error: soss256amp4_uncal.fits: has 2 groups per integration;"),
                err.toString());
        assertFalse(Files.exists(png));
        err.reset();
        assertEquals(1, run(plot("frame", base, png, "--int", "3")));
        assertTrue(err.toString().contains("has integrations 1 to 1, not 3"), err.toString());
        err.reset();
        assertEquals(2, run(List.of("plot", "histogram", base + "_uncal.fits", "--out", png.toString())));
        assertTrue(err.toString().contains("unknown plot kind 'histogram'"), err.toString());
        err.reset();
        assertEquals(2, run(List.of("plot", "frame", base + "_uncal.fits")));
        assertTrue(err.toString().contains("--out"), err.toString());
        err.reset();
        Path empty = Files.createDirectory(dir.resolve("norefs"));
        Path alone = Files.copy(Path.of(base + "_uncal.fits"), empty.resolve("soss96_uncal.fits"));
        assertEquals(1, run(List.of("plot", "mask", alone.toString(), "--refs", empty.toString(), "--out",
                png.toString())));
        assertTrue(err.toString().contains("no MASK reference file") && err.toString().contains("--refs DIR"),
                err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("norefs"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** --param reaches the steps behind a plot: without growth, fewer group samples are SATURATED. */
    @Test
    void paramSetsTheStepParametersOfThePlottedStages(@TempDir Path dir) throws Exception {
        Path base = vector("soss96");
        Path png = dir.resolve("dq.png");
        Path csv = dir.resolve("dq.csv");
        assertEquals(0, run(plot("dq", base, png, "--csv", csv.toString())), err.toString());
        long grown = saturatedGroupSamples(csv);
        assertEquals(0, run(plot("dq", base, png, "--csv", csv.toString(), "--param",
                "saturation.n_pix_grow_sat=0")), err.toString());
        long notGrown = saturatedGroupSamples(csv);
        assertTrue(notGrown > 0 && notGrown < grown, notGrown + " vs " + grown);
        assertEquals(2, run(plot("dq", base, png, "--param", "saturation.n_pix_grow_sat=-1")));
        assertTrue(err.toString().contains("--param n_pix_grow_sat must be >= 0"), err.toString());
    }

    private static long saturatedGroupSamples(Path csv) throws Exception {
        return rows(csv).stream().filter(r -> r[0].equals("group_dq") && r[1].equals("SATURATED"))
                .mapToLong(r -> Long.parseLong(r[3])).sum();
    }

    /** The CSV's data rows, split at commas. */
    private static List<String[]> rows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    @Test
    void pairsChooseTheGroupDifferencesOfTheRatio(@TempDir Path dir) throws Exception {
        Path base = vector("soss96"); // 2 integrations of 3 groups
        Path png = dir.resolve("ratio.png");
        Path byDefault = dir.resolve("default.csv");
        Path lastOverFirst = dir.resolve("last-over-first.csv");
        Path same = dir.resolve("same.csv");
        assertEquals(0, run(plot("ratio", base, png, "--csv", byDefault.toString())), err.toString());
        assertTrue(out.toString().contains("after refpix vs after linearity, (G3 - G2) / (G2 - G1)"), out.toString());
        assertEquals(0, run(plot("ratio", base, png, "--pairs", "2-3,1-2", "--csv", lastOverFirst.toString())),
                err.toString());
        assertEquals(Files.readAllLines(byDefault), Files.readAllLines(lastOverFirst));
        // a difference over itself is exactly 1 at every pixel, before and after linearity
        assertEquals(0, run(plot("ratio", base, png, "--pairs", "1-2,1-2", "--csv", same.toString())), err.toString());
        assertTrue(out.toString().contains("(G2 - G1) / (G2 - G1)"), out.toString());
        List<String[]> cells = rows(same);
        long counted = 0;
        for (String[] c : cells) {
            assertTrue(Double.parseDouble(c[3]) <= 1 + 1e-9 && Double.parseDouble(c[4]) >= 1 - 1e-9,
                    String.join(",", c));
            counted += Long.parseLong(c[5]);
        }
        assertTrue(counted > 100_000, "pixels counted: " + counted);
        // (G3 - G1) / (G2 - G1) is 2 on a linear ramp: the ratio axis follows (1 to 3), so the pixels show
        Path doubleSpan = dir.resolve("double.csv");
        assertEquals(0, run(plot("ratio", base, png, "--pairs", "1-3,1-2", "--csv", doubleSpan.toString())),
                err.toString());
        long inAxis = 0;
        long nearTwo = 0;
        for (String[] c : rows(doubleSpan)) {
            double low = Double.parseDouble(c[3]);
            double high = Double.parseDouble(c[4]);
            assertTrue(low >= 1 - 1e-9 && high <= 3 + 1e-9, String.join(",", c));
            if (c[0].equals("after linearity")) {
                inAxis += Long.parseLong(c[5]);
                nearTwo += low >= 1.8 && high <= 2.2 ? Long.parseLong(c[5]) : 0;
            }
        }
        assertTrue(inAxis > 300_000 && nearTwo > inAxis / 2, nearTwo + " of " + inAxis + " near 2");
    }

    @Test
    void aRampOfABoxWithPinnedPixelsAndItsUsageErrors(@TempDir Path dir) throws Exception {
        Path base = vector("soss96");
        Path png = dir.resolve("ramp.png");
        Path csv = dir.resolve("ramp.csv");
        assertEquals(0, run(plot("ramp", base, png, "--region", "1000,40,1002,42", "--stat", "median", "--pin",
                "5,6", "--pin", "7,8", "--csv", csv.toString())), err.toString());
        List<String[]> rows = rows(csv);
        assertEquals(4 * 3, rows.size(), "2 stages and 2 pinned pixels, 3 groups each");
        assertTrue(out.toString().contains("median of a box columns 1000..1002, rows 40..42"), out.toString());
        String pinnedLine = Files.readAllLines(csv).get(10);
        assertTrue(pinnedLine.startsWith("\"pixel (7, 8), after refpix\",1,"), pinnedLine);
        String[][] usage = {
            {"--stat", "median", "--stat needs --region X0,Y0,X1,Y1"},
            {"--stat", "mode", "--stat is mean or median, not 'mode'"},
        };
        for (String[] u : usage) {
            err.reset();
            assertEquals(2, run(plot("ramp", base, png, u[0], u[1])), String.join(" ", u));
            assertTrue(err.toString().contains(u[2]), err.toString());
        }
        err.reset();
        assertEquals(2, run(plot("profile", base, png, "--pin", "1,1")));
        assertTrue(err.toString().contains("--stat and --pin apply to the ramp plot only"), err.toString());
    }

    @Test
    void regionChoosesTheLightCurvePixels(@TempDir Path dir) throws Exception {
        Path base = vector("soss96"); // 2 integrations of 3 groups
        Path png = dir.resolve("lc.png");
        Path csv = dir.resolve("lc.csv");
        assertEquals(0, run(plot("lightcurve", base, png, "--region", "1000,50,1001,51", "--csv", csv.toString())),
                err.toString());
        assertTrue(out.toString().contains("region rows 50-51, columns 1000-1001"), out.toString());
        // expected: last minus first group summed over the 4 pixels of the reference pipeline's product
        try (FitsRampFile reference = FitsRampFile.open(Path.of(base + "_linearitystep.fits.gz"))) {
            int[] pdq = reference.pixelDq();
            List<String[]> after = rows(csv).stream().filter(c -> c[0].equals("after linearity")).toList();
            assertEquals(2, after.size());
            for (int i = 0; i < 2; i++) {
                Ramp r = reference.readIntegration(i);
                double sum = 0;
                for (int y = 50; y <= 51; y++) {
                    for (int x = 1000; x <= 1001; x++) {
                        assertEquals(0, pdq[y * 2048 + x] & (DqFlag.REFERENCE_PIXEL.value() | DqFlag.DO_NOT_USE.value()));
                        sum += r.sample(2, y, x) - r.sample(0, y, x);
                    }
                }
                assertEquals(i + 1, Integer.parseInt(after.get(i)[1]));
                assertEquals(sum, Double.parseDouble(after.get(i)[3]), 4 * 0.1, "integration " + (i + 1));
            }
        }
    }

    @Test
    void malformedPairsOrRegionIsUsageAndOutOfRangeIsBadInput(@TempDir Path dir) throws Exception {
        Path base = vector("soss96"); // 3 groups, 96 x 2048
        Path png = dir.resolve("x.png");
        String[][] usage = {
            {"ratio", "--pairs", "3-4", "--pairs needs A-B,C-D (numerator pair, denominator pair, groups from 1),"
                    + " not '3-4'"},
            {"ratio", "--pairs", "2-2,1-2", "--pairs needs two different groups in each pair, not '2-2,1-2'"},
            {"ratio", "--pairs", "0-1,1-2", "--pairs counts from 1, not 0"},
            {"frame", "--pairs", "2-3,1-2", "--pairs applies to the ratio plot only"},
            {"lightcurve", "--region", "1,2,3", "--region needs X0,Y0,X1,Y1 (columns X0..X1, rows Y0..Y1, from 0),"
                    + " not '1,2,3'"},
            {"lightcurve", "--region", "5,5,4,5", "X1 and Y1 must not be less than X0 and Y0"},
            {"lightcurve", "--region", "a,0,3,3", "--region needs a whole number, not 'a'"},
            {"ratio", "--region", "0,0,3,3", "--region applies to the lightcurve and ramp plots only"},
        };
        for (String[] u : usage) {
            err.reset();
            assertEquals(2, run(plot(u[0], base, png, u[1], u[2])), String.join(" ", u));
            assertTrue(err.toString().contains(u[3]), err.toString());
            assertTrue(err.toString().contains("[--pairs A-B,C-D] [--region X0,Y0,X1,Y1]"), "usage text: " + err);
        }
        err.reset();
        assertEquals(1, run(plot("ratio", base, png, "--pairs", "3-4,1-2")));
        assertEquals("error: soss96_uncal.fits: group 4 is asked for but the data have 3 groups",
                err.toString().trim());
        err.reset();
        assertEquals(1, run(plot("lightcurve", base, png, "--region", "2000,90,2048,95")));
        assertEquals("error: soss96_uncal.fits: region rows 90-95, columns 2000-2048 is outside the 2048 x 96 frame",
                err.toString().trim());
        assertFalse(Files.exists(png));
    }
}
