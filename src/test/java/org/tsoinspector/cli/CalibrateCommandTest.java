package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Path vector(String name) {
        Path p = Path.of(System.getProperty("tso.testdata", "../shared/testdata"), "detector1", name, name);
        Assumptions.assumeTrue(Files.isDirectory(p.getParent()), "reference vectors not found");
        return p;
    }

    private int run(String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private static List<String> references(Path base) {
        List<String> a = new ArrayList<>();
        for (String type : new String[] {"mask", "saturation", "superbias", "linearity"}) {
            a.add("--" + type);
            a.add(base + "_" + type + ".fits.gz");
        }
        return a;
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesOnlyTheLastProductByDefault(@TempDir Path dir) throws Exception {
        Path base = vector("soss96");
        List<String> args = new ArrayList<>(List.of("calibrate", base + "_uncal.fits", "--out", dir.toString()));
        args.addAll(references(base));
        assertEquals(0, run(args.toArray(String[]::new)), err.toString());
        assertEquals(List.of("soss96_linearitystep.fits"), names(dir));
        assertTrue(out.toString().contains("wrote " + dir.resolve("soss96_linearitystep.fits")), out.toString());
    }

    @Test
    void aLaterStepStartsFromASavedProduct(@TempDir Path dir) throws Exception {
        Path base = vector("soss256");
        assertEquals(0, run("calibrate", base + "_superbiasstep.fits.gz", "--steps", "refpix", "--out",
                dir.toString()), err.toString());
        assertEquals(List.of("soss256_refpixstep.fits"), names(dir));
    }

    @Test
    void aMissingReferenceIsOneLineNamingItsType(@TempDir Path dir) throws Exception {
        Path base = vector("soss96");
        assertEquals(1, run("calibrate", base + "_uncal.fits", "--refs", dir.toString(), "--out", dir.toString()));
        String message = err.toString().trim();
        assertTrue(message.startsWith("error: ") && message.contains("no MASK reference"), message);
        assertEquals(1, message.lines().count());
        assertEquals(List.of(), names(dir));
    }

    @Test
    void runningAStepTheProductAlreadyWentThroughIsAnError(@TempDir Path dir) {
        Path base = vector("soss256");
        assertEquals(1, run("calibrate", base + "_superbiasstep.fits.gz", "--steps", "superbias,refpix", "--out",
                dir.toString()));
        assertTrue(err.toString().contains("already went through superbias"), err.toString());
    }

    @Test
    void sirsOnASubarrayRunsTheMedianAlgorithmWithANote(@TempDir Path dir) throws Exception {
        Path base = vector("soss96");
        List<String> args = new ArrayList<>(List.of("calibrate", base + "_uncal.fits", "--out", dir.toString(),
                "--steps", "dq_init,refpix", "--param", "refpix.refpix_algorithm=sirs"));
        args.addAll(references(base));
        assertEquals(0, run(args.toArray(String[]::new)), err.toString());
        assertTrue(out.toString().contains("note: refpix: refpix_algorithm=sirs applies to FULL frames only, so this"
                + " SUBSTRIP96 exposure got the median algorithm"), out.toString());
        assertEquals(List.of("soss96_refpixstep.fits"), names(dir));
    }

    @Test
    void sirsOnAFullFrameIsRefused(@TempDir Path dir) throws Exception {
        Path base = vector("full");
        assertEquals(1, run("calibrate", base + "_superbiasstep.fits.gz", "--steps", "refpix", "--out",
                dir.toString(), "--param", "refpix.refpix_algorithm=sirs"));
        assertEquals("error: refpix_algorithm=sirs: the SIRS convolution is not implemented (it needs a SIRSKERNEL"
                + " reference file, which this tool does not read); use median", err.toString().trim());
        assertEquals(List.of(), names(dir));
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, run("calibrate"));
        assertEquals(2, run("calibrate", "x.fits", "--steps", "dq_init", "--skip", "refpix"));
        assertEquals(2, run("calibrate", "x.fits", "--steps", "flatfield"));
        assertEquals(2, run("calibrate", "x.fits", "--param", "refpix.side_gain=lots"));
        assertTrue(err.toString().contains("side_gain needs a number"), err.toString());
        assertEquals(2, run("calibrate", "x.fits", "--param", "refpix.refpix_algorithm=convolution"));
        assertTrue(err.toString().contains("refpix_algorithm needs median or sirs, not 'convolution'"), err.toString());
    }
}
