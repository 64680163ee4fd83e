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
import nom.tam.fits.Fits;
import nom.tam.fits.ImageData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.model.DqFlag;

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
    void aMissingReferenceIsOneLineNamingItsTypeTheFoldersTriedAndTheOption(@TempDir Path dir) throws Exception {
        // alone in a folder: the vectors' own folder holds the references beside the segment
        Path raw = Files.copy(Path.of(vector("soss96") + "_uncal.fits"), dir.resolve("soss96_uncal.fits"));
        Path out = Files.createDirectory(dir.resolve("out"));
        assertEquals(1, run("calibrate", raw.toString(), "--refs", out.toString(), "--out", out.toString()));
        String message = err.toString().trim();
        assertTrue(message.startsWith("error: " + raw + ": no MASK reference file"), message);
        assertTrue(message.contains(" in " + out + ", " + dir.resolve("refs") + " (no such folder), " + dir + " or "),
                message);
        assertTrue(message.endsWith("; give one with --mask FILE or a folder with --refs DIR"), message);
        assertEquals(1, message.lines().count());
        assertEquals(List.of(), names(out));
    }

    @Test
    void referencesBesideTheSegmentAreFoundWithoutRefs(@TempDir Path dir) throws Exception {
        assertEquals(0, run("calibrate", vector("soss96") + "_uncal.fits", "--steps", "dq_init", "--out",
                dir.toString()), err.toString());
        assertEquals(List.of("soss96_dqinitstep.fits"), names(dir));
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

    /** A user_supplied_dq file: a primary image of DQ flags, written with nom-tam-fits. */
    private static Path userDq(Path file, int[][] flags) throws Exception {
        try (Fits f = new Fits()) {
            f.addHDU(ImageData.from(flags).toHDU());
            f.write(file.toFile());
        }
        return file;
    }

    @Test
    void userSuppliedDqIsOredIntoThePixelDqAndItsDoNotUseIntoEveryGroup(@TempDir Path dir) throws Exception {
        Path base = vector("soss96");
        int dnu = DqFlag.DO_NOT_USE.value();
        int[][] flags = new int[96][2048];
        flags[10][100] = dnu | DqFlag.HOT.value();
        flags[50][1500] = DqFlag.WARM.value();
        flags[95][2047] = 1 << 30;
        Path file = userDq(dir.resolve("my_dq.fits"), flags);
        Path out = Files.createDirectory(dir.resolve("out"));
        assertEquals(0, run("calibrate", base + "_uncal.fits", "--steps", "dq_init", "--mask", base + "_mask.fits.gz",
                "--param", "dq_init.user_supplied_dq=" + file, "--out", out.toString()), err.toString());
        try (FitsRampFile product = FitsRampFile.open(out.resolve("soss96_dqinitstep.fits"));
                FitsRampFile reference = FitsRampFile.open(Path.of(base + "_dqinitstep.fits.gz"))) {
            int[] pdq = product.pixelDq();
            int[] refPdq = reference.pixelDq();
            for (int p = 0; p < pdq.length; p++) {
                assertEquals(refPdq[p] | flags[p / 2048][p % 2048], pdq[p], "PIXELDQ of pixel " + p);
            }
            assertEquals(dnu | DqFlag.HOT.value(), pdq[10 * 2048 + 100] & (dnu | DqFlag.HOT.value()));
            for (int i = 0; i < 2; i++) {
                byte[] gdq = product.readIntegration(i).groupDq();
                byte[] refGdq = reference.readIntegration(i).groupDq();
                for (int k = 0; k < gdq.length; k++) {
                    int p = k % pdq.length;
                    assertEquals(refGdq[k] | (flags[p / 2048][p % 2048] & dnu), gdq[k], "GROUPDQ " + i + "/" + k);
                }
                for (int g = 0; g < 3; g++) {
                    assertEquals(dnu, gdq[g * pdq.length + 10 * 2048 + 100] & dnu, "DO_NOT_USE in group " + g);
                }
            }
        }
    }

    @Test
    void userSuppliedDqOfAnotherShapeIsOneLine(@TempDir Path dir) throws Exception {
        Path base = vector("soss96");
        Path file = userDq(dir.resolve("small_dq.fits"), new int[10][10]);
        assertEquals(1, run("calibrate", base + "_uncal.fits", "--steps", "dq_init", "--mask", base + "_mask.fits.gz",
                "--param", "dq_init.user_supplied_dq=" + file, "--out", dir.toString()));
        assertEquals("error: " + file + ": its primary image is 10 x 10; user_supplied_dq must match the exposure's"
                + " window (96 x 2048) or be the full 2048 x 2048 detector", err.toString().trim());
        assertEquals(List.of("small_dq.fits"), names(dir));
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
