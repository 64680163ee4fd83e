package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.BadInputException;

/** Files a user may hand us by mistake: each is one clear BadInputException naming the file. */
class BadFitsFilesTest {

    @TempDir
    Path dir;

    static Map<String, Object> rawKeys() {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("INSTRUME", "NIRISS");
        k.put("DETECTOR", "NIS");
        k.put("EXP_TYPE", "NIS_SOSS");
        k.put("NOUTPUTS", 1);
        k.put("NINTS", 2);
        k.put("NGROUPS", 3);
        k.put("SUBARRAY", "SUBSTRIP96");
        k.put("SUBSTRT1", 1);
        k.put("SUBSTRT2", 1803);
        k.put("SUBSIZE1", 8);
        k.put("SUBSIZE2", 4);
        k.put("FASTAXIS", -2);
        k.put("SLOWAXIS", -1);
        return k;
    }

    /** A valid small raw segment: 2 integrations x 3 groups x 4 rows x 8 columns, sample = i*1000+g*100+y*10+x. */
    Path smallRaw(String name, Map<String, Object> keys) throws Exception {
        short[][][][] sci = new short[2][3][4][8];
        for (int i = 0; i < 2; i++) {
            for (int g = 0; g < 3; g++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 8; x++) {
                        sci[i][g][y][x] = (short) (i * 1000 + g * 100 + y * 10 + x - 32768);
                    }
                }
            }
        }
        Path p = dir.resolve(name);
        TestFits.write(p, TestFits.primary(keys), TestFits.image("SCI", sci, 32768));
        return p;
    }

    private BadInputException fails(Path p) {
        BadInputException e = assertThrows(BadInputException.class, () -> FitsRampFile.open(p).close());
        assertEquals(p.toString(), e.file());
        assertTrue(e.getMessage().startsWith(p + ": "));
        assertTrue(!e.getMessage().contains("\n"), "one line");
        return e;
    }

    @Test
    void smallRawReadsBackAndGzipIsTheSame() throws Exception {
        Path p = smallRaw("x_uncal.fits", rawKeys());
        Path gz = dir.resolve("x_uncal.fits.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(p, out);
        }
        for (Path f : new Path[] {p, gz}) {
            try (FitsRampFile r = FitsRampFile.open(f)) {
                assertEquals(2, r.integrationCount());
                assertEquals(1000 + 200 + 10 + 5, r.readIntegration(1).sample(2, 1, 5));
                assertEquals(0f, r.readIntegration(0).sample(0, 0, 0));
                assertEquals(1000 + 100 + 30 + 7, r.readGroup(1, 1)[3 * 8 + 7]);
            }
        }
    }

    @Test
    void notFits() throws Exception {
        Path p = dir.resolve("notes.fits");
        Files.writeString(p, "this is not a FITS file\n".repeat(200), StandardCharsets.US_ASCII);
        assertTrue(fails(p).problem().contains("not a FITS file"));
        Path tiny = dir.resolve("tiny.fits");
        Files.writeString(tiny, "SIMPLE  =                    T");
        assertTrue(fails(tiny).problem().contains("not a FITS file"));
    }

    @Test
    void truncatedData() throws Exception {
        Path p = smallRaw("x_uncal.fits", rawKeys());
        byte[] all = Files.readAllBytes(p);
        Path cut = dir.resolve("cut_uncal.fits");
        // Primary header (1 block) + SCI header (1 block) + 100 of the 384 data bytes.
        Files.write(cut, java.util.Arrays.copyOf(all, 2 * 2880 + 100));
        assertTrue(fails(cut).problem().contains("cut short"), fails(cut).problem());
        Path noEnd = dir.resolve("noend_uncal.fits");
        Files.write(noEnd, java.util.Arrays.copyOf(all, 2880 + 1000));
        assertTrue(fails(noEnd).problem().contains("cut short"));
    }

    @Test
    void truncatedGzip() throws Exception {
        Path p = smallRaw("x_uncal.fits", rawKeys());
        Path gz = dir.resolve("x_uncal.fits.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(p, out);
        }
        byte[] all = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
        assertTrue(fails(gz).problem().contains("gzip"));
    }

    @Test
    void headerClaimingHugeDataIsRejectedBeforeAnyAllocation() throws Exception {
        Path p = smallRaw("x_uncal.fits", rawKeys());
        byte[] all = Files.readAllBytes(p);
        String text = new String(all, StandardCharsets.US_ASCII);
        int at = text.indexOf("NAXIS4  =");
        byte[] card = String.format("%-80s", "NAXIS4  =           2000000000").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(card, 0, all, at, 80);
        Path big = dir.resolve("big_uncal.fits");
        Files.write(big, all);
        String problem = fails(big).problem();
        assertTrue(problem.contains("declares") && problem.contains("bytes of data"), problem);
    }

    @Test
    void sciMissing() throws Exception {
        Path p = dir.resolve("nosci_uncal.fits");
        TestFits.write(p, TestFits.primary(rawKeys()), TestFits.image("DQ", new int[4][8]));
        assertTrue(fails(p).problem().contains("no SCI extension"));
    }

    @Test
    void wrongDimensionality() throws Exception {
        Path p = dir.resolve("cube_uncal.fits");
        TestFits.write(p, TestFits.primary(rawKeys()), TestFits.image("SCI", new float[3][4][8]));
        String problem = fails(p).problem();
        assertTrue(problem.contains("SCI has 3 axes (3 x 4 x 8)"), problem);
    }

    @Test
    void missingRequiredKeyword() throws Exception {
        Map<String, Object> k = rawKeys();
        k.remove("FASTAXIS");
        assertTrue(fails(smallRaw("nofast_uncal.fits", k)).problem().contains("no FASTAXIS keyword"));
        Map<String, Object> s = rawKeys();
        s.remove("SUBSTRT2");
        assertTrue(fails(smallRaw("nostart_uncal.fits", s)).problem().contains("no SUBSTRT2 keyword"));
    }

    @Test
    void optionalKeywordsGetTheirDefaults() throws Exception {
        try (FitsRampFile r = FitsRampFile.open(smallRaw("x_uncal.fits", rawKeys()))) {
            var m = r.metadata();
            assertEquals(1, m.nFrames());
            assertEquals(0, m.groupGap());
            assertEquals(1, m.intStart());
            assertEquals(2, m.intEnd());
            assertEquals(1, m.segmentNumber());
            assertEquals(1, m.segmentTotal());
            assertTrue(Double.isNaN(m.tGroup()));
            assertEquals("", m.dateObs());
            assertEquals("UNKNOWN", m.readPattern());
            assertEquals(false, m.hasZeroFrame());
            assertEquals(null, r.integrationTimes());
        }
    }
}
