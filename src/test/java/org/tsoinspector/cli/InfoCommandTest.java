package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code info} on every file of the shared test data, on bad files and with bad usage. */
class InfoCommandTest {

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path testdata() {
        String p = System.getProperty("tso.testdata");
        assumeTrue(p != null && Files.isDirectory(Path.of(p)), "shared test data not available");
        return Path.of(p);
    }

    @Test
    void everyFitsFileOfTheSharedDataIsDescribedAndEveryOtherFileIsOneLineError() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(testdata())) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int fitsFiles = 0;
        for (Path f : files) {
            Result r = run("info", f.toString());
            if (f.toString().endsWith(".fits") || f.toString().endsWith(".fits.gz")) {
                fitsFiles++;
                assertEquals(0, r.status(), f + ": " + r.err());
                assertTrue(r.out().contains("HDUs:") && r.out().contains("Kind:"), r.out());
                assertEquals("", r.err());
            } else {
                assertEquals(1, r.status(), f.toString());
                assertTrue(r.err().startsWith("error: " + f + ": is not a FITS file ("), r.err());
                assertEquals(1, r.err().lines().count());
            }
        }
        assertTrue(fitsFiles >= 30, "found " + fitsFiles + " FITS files");
    }

    @Test
    void rawSegmentAndProductAndReferenceShowWhatTheyAre() throws Exception {
        Path d = testdata().resolve("detector1").resolve("soss96");
        Result raw = run("info", d.resolve("soss96_uncal.fits").toString());
        assertTrue(raw.out().contains("Kind:      raw ramp segment (Level1bModel)"), raw.out());
        assertTrue(raw.out().contains("SUBSTRIP96, x 1..2048, y 1803..1898 (2048 x 96), subarray; 1 output"), raw.out());
        assertTrue(raw.out().contains("2 integrations (1..2 of 2; segment 1 of 1) x 3 groups x 96 rows x 2048 columns"));
        assertTrue(raw.out().contains("TGROUP 2.21376 s"));
        assertTrue(raw.out().contains("1  SCI        IMAGE    uint16   2 x 3 x 96 x 2048"), raw.out());
        assertTrue(raw.out().contains("2  ZEROFRAME  IMAGE    uint16   2 x 96 x 2048"), raw.out());

        Result product = run("info", d.resolve("soss96_linearitystep.fits.gz").toString());
        assertTrue(product.out().contains("Kind:      step product after"), product.out());
        assertTrue(product.out().contains("PIXELDQ    IMAGE    uint32   96 x 2048"), product.out());
        // The vectors' side reference columns: 4 + 4 columns x 96 rows carry REFERENCE_PIXEL.
        assertTrue(product.out().contains("REFERENCE_PIXEL 768"), product.out());
        assertTrue(product.out().contains("Group DQ:  samples flagged") && product.out().contains("SATURATED"));

        Result mask = run("info", d.resolve("soss96_mask.fits.gz").toString());
        assertTrue(mask.out().contains("Kind:      MASK reference file for NIRISS NIS"), mask.out());
        assertTrue(mask.out().contains("USEAFTER 2022-01-01T00:00:00"), mask.out());
    }

    @Test
    void badFileAndBadUsage() throws Exception {
        Path cut = dir.resolve("cut_uncal.fits");
        byte[] all = Files.readAllBytes(testdata().resolve("detector1/soss96/soss96_uncal.fits"));
        Files.write(cut, java.util.Arrays.copyOf(all, 10000));
        Result r = run("info", cut.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("error: " + cut + ": is cut short"), r.err());
        assertEquals(1, r.err().lines().count());

        Result missing = run("info", dir.resolve("nothing.fits").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no such file"));

        assertEquals(2, run("info").status());
        assertEquals(2, run("info", "a.fits", "b.fits").status());
    }
}
