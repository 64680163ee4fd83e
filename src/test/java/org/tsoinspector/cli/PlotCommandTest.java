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
import org.tsoinspector.render.PlotKind;
import org.tsoinspector.render.PngAssertions;

class PlotCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Path vector(String name) {
        Path p = Path.of(System.getProperty("tso.testdata", "../shared/testdata"), "detector1", name, name);
        Assumptions.assumeTrue(Files.isDirectory(p.getParent()), "reference vectors not found");
        return p;
    }

    private int run(List<String> args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
    }

    private static List<String> plot(String kind, Path base, Path png, String... more) {
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
        assertEquals(1, run(List.of("plot", "mask", base + "_uncal.fits", "--refs", empty.toString(), "--out",
                png.toString())));
        assertTrue(err.toString().contains("MASK"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("norefs"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
