package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.header.Standard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.SubarrayWindow;

/**
 * Spec section 8: every reference DQ array is remapped through the file's DQ_DEF when it is read.
 * The expected values are worked out from the rule, by hand, for small files written here.
 */
class DqDefinitionsTest {

    @TempDir
    Path dir;

    private static final SubarrayWindow WINDOW = new SubarrayWindow(1, 1, 4, 1);
    private static final ExposureMetadata EXPOSURE = new ExposureMetadata("NIRISS", "NIS", "NIS_SOSS", "GENERIC",
            WINDOW, new DetectorOrientation(-2, -1), 1, 1, 4, 1, 0, 1.0, 1.0, "NISRAPID", 1, 1, 1, 1, "", false,
            Set.of());

    /** A DQ_DEF table of (bit, value, name) rows. */
    private static BinaryTableHDU table(Object[][] rows) throws Exception {
        int n = rows.length;
        int[] bits = new int[n];
        long[] values = new long[n];
        String[] names = new String[n];
        String[] descriptions = new String[n];
        for (int r = 0; r < n; r++) {
            bits[r] = (Integer) rows[r][0];
            values[r] = (Long) rows[r][1];
            names[r] = String.format("%-40s", rows[r][2]);
            descriptions[r] = String.format("%-80s", "row " + r);
        }
        BinaryTableHDU hdu = BinaryTable.fromColumnMajor(new Object[] {bits, values, names, descriptions}).toHDU();
        String[] columns = {"BIT", "VALUE", "NAME", "DESCRIPTION"};
        for (int c = 0; c < columns.length; c++) {
            hdu.getHeader().addValue("TTYPE" + (c + 1), columns[c], "");
        }
        hdu.getHeader().addValue(Standard.EXTNAME, "DQ_DEF");
        return hdu;
    }

    private Path mask(String name, int[] stored, Object[][] rows) throws Exception {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("REFTYPE", "MASK");
        k.put("INSTRUME", "NIRISS");
        k.put("DETECTOR", "NIS");
        k.put("SUBARRAY", "GENERIC");
        k.put("SUBSTRT1", 1);
        k.put("SUBSTRT2", 1);
        k.put("SUBSIZE1", 4);
        k.put("SUBSIZE2", 1);
        Path p = dir.resolve(name);
        if (rows == null) {
            TestFits.write(p, TestFits.primary(k), TestFits.image("DQ", new int[][] {stored}));
        } else {
            TestFits.write(p, TestFits.primary(k), TestFits.image("DQ", new int[][] {stored}), table(rows));
        }
        return p;
    }

    @Test
    void aTablePermutingBitsGivesTheStandardFlags() throws Exception {
        // this file stores DEAD as 2 and HOT as 4: the reference pipeline sees 1024 and 2048
        Path p = mask("permuted.fits", new int[] {0, 2, 4, 6}, new Object[][] {
            {0, 1L, "DO_NOT_USE"}, {1, 2L, "DEAD"}, {2, 4L, "HOT"}});
        MaskReference m = ReferenceFiles.readMask(p, EXPOSURE);
        int dead = DqFlag.DEAD.value();
        int hot = DqFlag.HOT.value();
        assertArrayEquals(new int[] {0, dead, hot, dead | hot}, m.dq());
        assertTrue(ReferenceFiles.dqDefinitions(p).remapsAnything());
    }

    @Test
    void aRowWithAnUnknownNameIsIgnoredWithANoteAndBitsNoRowListsAreDropped() throws Exception {
        Path p = mask("unknown.fits", new int[] {1, 8, 16, 9}, new Object[][] {
            {0, 1L, "DO_NOT_USE"}, {3, 8L, "SPARKLY"}});
        MaskReference m = ReferenceFiles.readMask(p, EXPOSURE);
        // 8 names no standard flag: ignored; 16 is in no row: dropped
        assertArrayEquals(new int[] {1, 0, 0, 1}, m.dq());
        assertEquals("unknown.fits: DQ_DEF row 'SPARKLY' (value 8) is not a standard DQ flag: ignored, as the"
                + " reference pipeline ignores it", ReferenceFiles.dqDefinitions(p).note("unknown.fits"));
    }

    @Test
    void noTableOrAnEmptyOneKeepsTheStoredValues() throws Exception {
        int[] stored = {0, 2, 1 << 20, 12345};
        assertArrayEquals(stored, ReferenceFiles.readMask(mask("none.fits", stored, null), EXPOSURE).dq());
        assertArrayEquals(stored, ReferenceFiles.readMask(mask("empty.fits", stored, new Object[0][]), EXPOSURE).dq());
    }

    @Test
    void theReferencePixelFlagAndGoodRoundTripAsUnsigned() throws Exception {
        Path p = mask("ref.fits", new int[] {0, 1, Integer.MIN_VALUE, Integer.MIN_VALUE | 1}, new Object[][] {
            {0, 0L, "GOOD"}, {31, 2147483648L, "REFERENCE_PIXEL"}, {0, 1L, "DO_NOT_USE"}});
        assertArrayEquals(new int[] {0, 1, DqFlag.REFERENCE_PIXEL.value(), DqFlag.REFERENCE_PIXEL.value() | 1},
                ReferenceFiles.readMask(p, EXPOSURE).dq());
        assertEquals(false, ReferenceFiles.dqDefinitions(p).remapsAnything());
    }

    @Test
    void aSaturationTableMappingValueTwoToNoSatCheckIsRemappedBeforeTheStepSeesIt() throws Exception {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("REFTYPE", "SATURATION");
        k.put("INSTRUME", "NIRISS");
        k.put("DETECTOR", "NIS");
        k.put("SUBSTRT1", 1);
        k.put("SUBSTRT2", 1);
        k.put("SUBSIZE1", 4);
        k.put("SUBSIZE2", 1);
        Path p = dir.resolve("sat.fits");
        TestFits.write(p, TestFits.primary(k), TestFits.image("SCI", new float[][] {{100, 100, 100, 100}}),
                TestFits.image("DQ", new int[][] {{0, 2, 0, 2}}), table(new Object[][] {{21, 2L, "NO_SAT_CHECK"}}));
        SaturationReference s = ReferenceFiles.readSaturation(p, EXPOSURE);
        int noCheck = DqFlag.NO_SAT_CHECK.value();
        assertArrayEquals(new int[] {0, noCheck, 0, noCheck}, s.dq(), "value 2 means NO_SAT_CHECK here, not SATURATED");
        // every pixel reaches the threshold of 100 in group 3; the NO_SAT_CHECK ones are not checked
        org.tsoinspector.model.Ramp ramp = org.tsoinspector.model.Ramp.zeros(0, 4, 1, 4, false);
        for (int g = 0; g < 4; g++) {
            for (int x = 0; x < 4; x++) {
                ramp.data()[ramp.index(g, 0, x)] = 40 * (g + 1);
            }
        }
        var step = new org.tsoinspector.calib.SaturationStep(s, null,
                org.tsoinspector.calib.SaturationStep.Parameters.DEFAULTS.withNPixGrowSat(0)).prepare(EXPOSURE, new int[4]);
        step.apply(ramp);
        int sat = DqFlag.SATURATED.value();
        for (int g = 0; g < 4; g++) {
            for (int x = 0; x < 4; x++) {
                boolean expected = g >= 2 && (x == 0 || x == 2);
                assertEquals(expected, (ramp.groupDq(g, 0, x) & sat) != 0, "group " + (g + 1) + ", x " + x);
            }
        }
        assertEquals(noCheck, step.pixelDq()[1] & noCheck);
    }
}
