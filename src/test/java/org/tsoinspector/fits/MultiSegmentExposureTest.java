package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.header.Standard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.Ramp;

/** Segments of one exposure opened together: order, numbering across segments, and mismatches. */
class MultiSegmentExposureTest {

    @TempDir
    Path dir;

    /** Segment seg holding integrations first..first+n-1 (1-based); sample = integration*100 + group. */
    private Path segment(int seg, int first, int n, int total, Map<String, Object> overrides) throws Exception {
        Map<String, Object> k = BadFitsFilesTest.rawKeys();
        k.put("NINTS", total);
        k.put("EXSEGNUM", seg);
        k.put("EXSEGTOT", 3);
        k.put("INTSTART", first);
        k.put("INTEND", first + n - 1);
        k.putAll(overrides);
        short[][][][] sci = new short[n][3][4][8];
        int[] number = new int[n];
        double[] mid = new double[n];
        for (int i = 0; i < n; i++) {
            number[i] = first + i;
            mid[i] = 60000 + (first + i) * 0.01;
            for (int g = 0; g < 3; g++) {
                for (short[] row : sci[i][g]) {
                    java.util.Arrays.fill(row, (short) ((first + i) * 100 + g - 32768));
                }
            }
        }
        BinaryTable t = new BinaryTable();
        t.addColumn(number);
        t.addColumn(mid);
        BinaryTableHDU th = t.toHDU();
        th.setColumnName(0, "integration_number", null);
        th.setColumnName(1, "int_mid_MJD_UTC", null);
        th.getHeader().addValue(Standard.EXTNAME, "INT_TIMES");
        Path p = dir.resolve("x-seg00" + seg + "_uncal.fits");
        TestFits.write(p, TestFits.primary(k), TestFits.image("SCI", sci, 32768), th);
        return p;
    }

    @Test
    void segmentsInAnyOrderReadAsOneExposure() throws Exception {
        Path s1 = segment(1, 1, 2, 7, Map.of());
        Path s2 = segment(2, 3, 3, 7, Map.of());
        Path s3 = segment(3, 6, 2, 7, Map.of());
        try (MultiSegmentExposure e = MultiSegmentExposure.open(List.of(s3, s1, s2))) {
            assertEquals(7, e.integrationCount());
            assertEquals(1, e.metadata().intStart());
            assertEquals(7, e.metadata().intEnd());
            for (int i = 0; i < 7; i++) {
                Ramp r = e.readIntegration(i);
                assertEquals(i, r.integration());
                assertEquals((i + 1) * 100 + 2, r.sample(2, 3, 7));
                assertEquals((i + 1) * 100 + 1, e.readGroup(i, 1)[0]);
            }
            assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7}, e.integrationTimes().integrationNumber());
            assertEquals(60000.05, e.integrationTimes().midMjdUtc()[4], 1e-9);
            assertTrue(Double.isNaN(e.integrationTimes().startBjdTdb()[0]));
            assertThrows(IndexOutOfBoundsException.class, () -> e.readIntegration(7));
        }
    }

    @Test
    void aSegmentOfAnotherExposureOrWithAGapIsNamed() throws Exception {
        Path s1 = segment(1, 1, 2, 7, Map.of());
        Path other = segment(2, 3, 3, 7, Map.of("SUBSTRT2", 1793));
        BadInputException e = assertThrows(BadInputException.class, () -> MultiSegmentExposure.open(List.of(s1, other)));
        assertEquals(other.getFileName().toString(), e.file());
        assertTrue(e.problem().contains("not a segment of the same exposure") && e.problem().contains("window"),
                e.getMessage());
        Path s3 = segment(3, 6, 2, 7, Map.of());
        BadInputException gap = assertThrows(BadInputException.class, () -> MultiSegmentExposure.open(List.of(s1, s3)));
        assertTrue(gap.problem().contains("starts at integration 6"), gap.getMessage());
    }
}
