package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsoinspector.fits.FitsFile;
import org.tsoinspector.fits.VectorArrays;

/**
 * {@code calibrate --steps dark_current,jump,ramp_fit} from each detector1-ramp vector's linearity
 * product, with the folder's references: every extension of every product against the reference's.
 */
class RateProductsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(List<String> args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
    }

    static Path folder(String name) {
        Path p = Path.of(System.getProperty("tso.testdata", "../shared/testdata"), "detector1-ramp", name);
        Assumptions.assumeTrue(Files.isDirectory(p), "reference vectors not found at " + p);
        return p;
    }

    private List<String> calibrate(Path dir, String name, Path outDir) {
        return new ArrayList<>(List.of("calibrate", dir.resolve(name + "_linearitystep.fits.gz").toString(),
                "--steps", "dark_current,jump,ramp_fit", "--dark", dir.resolve(name + "_dark.fits.gz").toString(),
                "--gain", dir.resolve(name + "_gain.fits.gz").toString(),
                "--readnoise", dir.resolve(name + "_readnoise.fits.gz").toString(), "--out", outDir.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soss256r", "soss96r", "sub64sig", "sub64long"})
    void everyProductMatchesTheReference(String name, @TempDir Path outDir) throws Exception {
        Path dir = folder(name);
        List<String> args = calibrate(dir, name, outDir);
        args.add("--save-each");
        assertEquals(0, run(args), err.toString());
        Path dark = outDir.resolve(name + "_darkcurrentstep.fits");
        Path expectedDark = dir.resolve(name + "_darkcurrentstep.fits.gz");
        assertArrayEquals(VectorArrays.floats(expectedDark, "SCI"), VectorArrays.floats(dark, "SCI"), "dark SCI");
        assertArrayEquals(VectorArrays.ints(expectedDark, "PIXELDQ"), VectorArrays.ints(dark, "PIXELDQ"));
        assertArrayEquals(VectorArrays.bytes(expectedDark, "GROUPDQ"), VectorArrays.bytes(dark, "GROUPDQ"));
        Path jump = outDir.resolve(name + "_jumpstep.fits");
        Path expectedJump = dir.resolve(name + "_jumpstep.fits.gz");
        assertArrayEquals(VectorArrays.ints(expectedJump, "PIXELDQ"), VectorArrays.ints(jump, "PIXELDQ"), "jump PIXELDQ");
        assertArrayEquals(VectorArrays.bytes(expectedJump, "GROUPDQ"), VectorArrays.bytes(jump, "GROUPDQ"), "jump GROUPDQ");
        assertArrayEquals(VectorArrays.floats(expectedDark, "SCI"), VectorArrays.floats(jump, "SCI"), "jump SCI");
        try (FitsFile expectedFile = FitsFile.open(expectedJump); FitsFile got = FitsFile.open(jump)) {
            double primeCrs = expectedFile.primary().header().real("PRIMECRS", Double.NaN);
            assertEquals(primeCrs, got.primary().header().real("PRIMECRS", Double.NaN), 1e-6 * primeCrs + 1e-12,
                    "PRIMECRS");
        }
        for (String product : new String[] {"rateints", "rate"}) {
            compareRates(dir.resolve(name + "_" + product + ".fits.gz"), outDir.resolve(name + "_" + product + ".fits"));
        }
        try (FitsFile f = FitsFile.open(outDir.resolve(name + "_rateints.fits"))) {
            assertEquals("DN/s", f.find("SCI").orElseThrow().header().string("BUNIT", ""));
            assertEquals("COMPLETE", f.primary().header().string("S_RAMP", ""));
            assertEquals("COMPLETE", f.primary().header().string("S_JUMP", ""));
            assertEquals("COMPLETE", f.primary().header().string("S_DARK", ""));
        }
        try (var files = Files.list(outDir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary file left");
        }
    }

    static void compareRates(Path expected, Path got) throws Exception {
        assertArrayEquals(VectorArrays.ints(expected, "DQ"), VectorArrays.ints(got, "DQ"), got + " DQ");
        for (String ext : new String[] {"SCI", "ERR", "VAR_POISSON", "VAR_RNOISE"}) {
            VectorArrays.agree(got + " " + ext, VectorArrays.floats(expected, ext), VectorArrays.floats(got, ext));
        }
    }

    @Test
    void withoutOneGroupSuppressionTheZeroFrameIsUsed(@TempDir Path outDir) throws Exception {
        Path dir = folder("soss96r");
        List<String> args = calibrate(dir, "soss96r", outDir);
        args.addAll(List.of("--param", "ramp_fit.suppress_one_group=false"));
        assertEquals(0, run(args), err.toString());
        assertFalse(Files.exists(outDir.resolve("soss96r_jumpstep.fits")), "only the last step's products");
        compareRates(dir.resolve("soss96r_rateints_s1goff.fits.gz"), outDir.resolve("soss96r_rateints.fits"));
        compareRates(dir.resolve("soss96r_rate_s1goff.fits.gz"), outDir.resolve("soss96r_rate.fits"));
    }

    /**
     * All eight steps fused from the raw segment (the per-integration ones band by band in one pass, so
     * dark_current must see linearized samples): the same products as from the linearity product.
     */
    @ParameterizedTest
    @ValueSource(strings = {"soss256r", "soss96r", "sub64sig", "sub64long"})
    void theWholeChainFromTheRawSegmentFindsEveryReferenceBesideIt(String name, @TempDir Path outDir)
            throws Exception {
        Path dir = folder(name);
        assertEquals(0, run(List.of("calibrate", dir.resolve(name + "_uncal.fits.gz").toString(), "--steps",
                "dq_init,saturation,superbias,refpix,linearity,dark_current,jump,ramp_fit", "--out",
                outDir.toString())), err.toString());
        Path ints = outDir.resolve(name + "_rateints.fits");
        try (FitsFile f = FitsFile.open(ints)) {
            assertTrue(f.find("INT_TIMES").isPresent(), "INT_TIMES from the raw segment");
            for (String s : new String[] {"S_DQINIT", "S_SATURA", "S_SUPERB", "S_REFPIX", "S_LINEAR", "S_DARK",
                "S_JUMP", "S_RAMP"}) {
                assertEquals("COMPLETE", f.primary().header().string(s, ""), s);
            }
            assertEquals(name + "_gain.fits.gz", f.primary().header().string("R_GAIN", ""));
            assertEquals(name + "_readnoise.fits.gz", f.primary().header().string("R_READNO", ""));
            assertEquals(name + "_dark.fits.gz", f.primary().header().string("R_DARK", ""));
        }
        compareRates(dir.resolve(name + "_rateints.fits.gz"), ints);
        compareRates(dir.resolve(name + "_rate.fits.gz"), outDir.resolve(name + "_rate.fits"));
    }

    @Test
    void aMissingGainIsOneSentence(@TempDir Path outDir) throws Exception {
        Path dir = folder("sub64long");
        Path input = outDir.resolve("in_linearitystep.fits.gz");
        Files.copy(dir.resolve("sub64long_linearitystep.fits.gz"), input);
        List<String> args = new ArrayList<>(List.of("calibrate", input.toString(),
                "--steps", "jump", "--out", outDir.toString()));
        assertEquals(1, run(args));
        String e = err.toString().trim();
        assertTrue(e.startsWith("error: ") && e.contains("GAIN") && e.lines().count() == 1, e);
    }
}
