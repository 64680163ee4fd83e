package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nom.tam.fits.ImageData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.model.SuperbiasReference;

/** Reference files: the shared vectors cut to their exposures, and spec section 2's rules on small hand-made files. */
class ReferenceFilesTest {

    @TempDir
    Path dir;

    static ExposureMetadata exposure(String instrument, String detector, SubarrayWindow w) {
        return new ExposureMetadata(instrument, detector, "NIS_SOSS", "SUBSTRIP256", w,
                new DetectorOrientation(-2, -1), 1, 1, 2, 1, 0, 1.0, 1.0, "NISRAPID", 1, 1, 1, 1, "",
                false, Set.of());
    }

    @Test
    void sharedVectorReferencesAreCutToTheSubstrip256Window() throws Exception {
        ExposureMetadata exp;
        try (FitsRampFile f = FitsRampFile.open(TestFits.vector("soss256", "soss256_uncal.fits"))) {
            exp = f.metadata();
        }
        SubarrayWindow w = exp.window();
        assertEquals(new SubarrayWindow(1, 1793, 2048, 256), w);

        Path maskPath = TestFits.vector("soss256", "soss256_mask.fits.gz");
        int[][] mask = (int[][]) TestFits.kernel(maskPath, "DQ");
        MaskReference m = ReferenceFiles.readMask(maskPath, exp);
        assertEquals("MASK", m.header().referenceType());
        assertEquals("soss256_mask.fits.gz", m.header().fileName());
        assertEquals(SubarrayWindow.FULL_FRAME, m.header().window());
        Path satPath = TestFits.vector("soss256", "soss256_saturation.fits.gz");
        float[][] sat = (float[][]) TestFits.kernel(satPath, "SCI");
        SaturationReference s = ReferenceFiles.readSaturation(satPath, exp);
        Path biasPath = TestFits.vector("soss256", "soss256_superbias.fits.gz");
        float[][] bias = (float[][]) TestFits.kernel(biasPath, "SCI");
        SuperbiasReference b = ReferenceFiles.readSuperbias(biasPath, exp);
        assertEquals(w, b.header().window());
        Path linPath = TestFits.vector("soss256", "soss256_linearity.fits.gz");
        float[][][] coeffs = (float[][][]) TestFits.kernel(linPath, "COEFFS");
        int[][] linDq = (int[][]) TestFits.kernel(linPath, "DQ");
        LinearityReference l = ReferenceFiles.readLinearity(linPath, exp);
        assertEquals(coeffs.length, l.nCoeffs());
        int n = w.pixelCount();
        for (int y = 0; y < w.ySize(); y++) {
            for (int x = 0; x < w.xSize(); x++) {
                int i = y * w.xSize() + x;
                int fy = y + w.y0();
                assertEquals(mask[fy][x] ^ 0x80000000, m.dq()[i]);
                assertEquals(Float.floatToIntBits(sat[fy][x]), Float.floatToIntBits(s.threshold()[i]));
                assertEquals(Float.floatToIntBits(bias[y][x]), Float.floatToIntBits(b.bias()[i]));
                assertEquals(linDq[fy][x] ^ 0x80000000, l.dq()[i]);
                for (int k = 0; k < l.nCoeffs(); k++) {
                    assertEquals(Float.floatToIntBits(coeffs[k][fy][x]), Float.floatToIntBits(l.coeffs()[k * n + i]));
                }
            }
        }
    }

    private Map<String, Object> refKeys(String type, String instrument) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("TELESCOP", "JWST");
        k.put("INSTRUME", instrument);
        k.put("DETECTOR", "NIS");
        k.put("REFTYPE", type);
        k.put("USEAFTER", "2022-01-01T00:00:00");
        return k;
    }

    /** A small SUPERBIAS whose value at (row y, column x) of its array is 1000*y + x. */
    private Path smallSuperbias(String name, Map<String, Object> keys, int ny, int nx) throws Exception {
        float[][] sci = new float[ny][nx];
        int[][] dq = new int[ny][nx];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                sci[y][x] = 1000 * y + x;
                dq[y][x] = y == x ? 4194304 : 0;
            }
        }
        Path p = dir.resolve(name);
        TestFits.write(p, TestFits.primary(keys), TestFits.image("SCI", sci), TestFits.image("DQ", dq));
        return p;
    }

    @Test
    void subarrayReferenceIsSlicedAtTheDifferenceOfTheCorners() throws Exception {
        Map<String, Object> k = refKeys("SUPERBIAS", "NIRISS");
        k.put("SUBSTRT1", 5);
        k.put("SUBSTRT2", 10);
        k.put("SUBSIZE1", 20);
        k.put("SUBSIZE2", 30);
        Path p = smallSuperbias("bias.fits", k, 30, 20);
        // Exposure corner (7, 12): x0 = 7 - 5 = 2, y0 = 12 - 10 = 2.
        SuperbiasReference b = ReferenceFiles.readSuperbias(p, exposure("NIRISS", "NIS", new SubarrayWindow(7, 12, 4, 3)));
        assertEquals(new SubarrayWindow(5, 10, 20, 30), b.header().window());
        float[] expected = {2002, 2003, 2004, 2005, 3002, 3003, 3004, 3005, 4002, 4003, 4004, 4005};
        assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(b.bias()));
        // DQ diagonal y == x in the reference: (y=2,x=2), (3,3), (4,4) -> cut (0,0), (1,1), (2,2).
        int flag = 4194304;
        assertEquals(java.util.Arrays.toString(new int[] {flag, 0, 0, 0, 0, flag, 0, 0, 0, 0, flag, 0}),
                java.util.Arrays.toString(b.dq()));
    }

    @Test
    void arrayShapeWinsOverSubsize() throws Exception {
        Map<String, Object> k = refKeys("SUPERBIAS", "NIRISS");
        k.put("SUBSTRT1", 1);
        k.put("SUBSTRT2", 1);
        k.put("SUBSIZE1", 2048);
        k.put("SUBSIZE2", 2048);
        Path p = smallSuperbias("bias.fits", k, 6, 8);
        SuperbiasReference b = ReferenceFiles.readSuperbias(p, exposure("NIRISS", "NIS", new SubarrayWindow(8, 6, 1, 1)));
        assertEquals(new SubarrayWindow(1, 1, 8, 6), b.header().window());
        assertEquals(5007f, b.bias()[0]);
        BadInputException e = assertThrows(BadInputException.class, () -> ReferenceFiles.readSuperbias(p,
                exposure("NIRISS", "NIS", new SubarrayWindow(8, 6, 2, 1))));
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("does not cover"), e.getMessage());
    }

    @Test
    void missingWindowKeywordsDefaultToFullFrameOnlyFor2048Arrays() throws Exception {
        Path small = smallSuperbias("small.fits", refKeys("SUPERBIAS", "NIRISS"), 4, 4);
        BadInputException e = assertThrows(BadInputException.class, () -> ReferenceFiles.readSuperbias(small,
                exposure("NIRISS", "NIS", new SubarrayWindow(1, 1, 2, 2))));
        assertTrue(e.getMessage().contains("can't determine"), e.getMessage());

        int[][] dq = new int[2048][2048];
        dq[1800][3] = 1024;
        dq[2047][2047] = 2048;
        Path full = dir.resolve("mask.fits");
        TestFits.write(full, TestFits.primary(refKeys("MASK", "NIRISS")), TestFits.image("DQ", dq));
        MaskReference m = ReferenceFiles.readMask(full, exposure("NIRISS", "NIS", new SubarrayWindow(1, 1793, 2048, 256)));
        assertEquals(SubarrayWindow.FULL_FRAME, m.header().window());
        assertEquals(1024, m.dq()[(1800 - 1792) * 2048 + 3]);
        assertEquals(2048, m.dq()[255 * 2048 + 2047]);
        assertEquals(2, java.util.Arrays.stream(m.dq()).filter(v -> v != 0).count());
    }

    @Test
    void startBelowOneIsAnError() throws Exception {
        Map<String, Object> k = refKeys("SUPERBIAS", "NIRISS");
        k.put("SUBSTRT1", 0);
        k.put("SUBSTRT2", 1);
        k.put("SUBSIZE1", 4);
        k.put("SUBSIZE2", 4);
        Path p = smallSuperbias("bias.fits", k, 4, 4);
        BadInputException e = assertThrows(BadInputException.class, () -> ReferenceFiles.readSuperbias(p,
                exposure("NIRISS", "NIS", new SubarrayWindow(1, 1, 2, 2))));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }

    @Test
    void wrongInstrumentOrTypeNamesTheFile() throws Exception {
        Map<String, Object> k = refKeys("SUPERBIAS", "NIRCAM");
        k.put("SUBSTRT1", 1);
        k.put("SUBSTRT2", 1);
        k.put("SUBSIZE1", 4);
        k.put("SUBSIZE2", 4);
        Path p = smallSuperbias("nircam_bias.fits", k, 4, 4);
        ExposureMetadata exp = exposure("NIRISS", "NIS", new SubarrayWindow(1, 1, 2, 2));
        BadInputException e = assertThrows(BadInputException.class, () -> ReferenceFiles.readSuperbias(p, exp));
        assertEquals(p.toString(), e.file());
        assertTrue(e.problem().contains("NIRCAM") && e.problem().contains("NIRISS"), e.getMessage());
        BadInputException t = assertThrows(BadInputException.class, () -> ReferenceFiles.readSaturation(p, exp));
        assertTrue(t.problem().contains("SUPERBIAS reference file, not SATURATION"), t.getMessage());
    }

    @Test
    void userDqOfTheWindowsShapeIsReadAsItIs() throws Exception {
        int[][] flags = {{0, 1, 2048}, {4, 0, 1 | 2048}};
        Path p = dir.resolve("user_dq.fits");
        TestFits.write(p, ImageData.from(flags).toHDU());
        ExposureMetadata exp = exposure("NIRISS", "NIS", new SubarrayWindow(5, 7, 3, 2));
        assertArrayEquals(new int[] {0, 1, 2048, 4, 0, 2049}, ReferenceFiles.readUserDq(p, exp));
    }

    @Test
    void fullFrameFloatUserDqIsCutToTheWindowAndCastToIntegers() throws Exception {
        float[][] flags = new float[2048][2048];
        flags[20][10] = 1f;       // window (x 11, y 21) = 0-based column 10, row 20
        flags[20][12] = 2049.7f;  // truncated, as numpy's astype(uint32) does
        flags[21][11] = 4f;
        flags[19][10] = 8f;       // just outside the window
        Path p = dir.resolve("user_dq_full.fits");
        TestFits.write(p, ImageData.from(flags).toHDU());
        ExposureMetadata exp = exposure("NIRISS", "NIS", new SubarrayWindow(11, 21, 3, 2));
        assertArrayEquals(new int[] {1, 0, 2049, 0, 4, 0}, ReferenceFiles.readUserDq(p, exp));
    }

    @Test
    void userDqOfAnotherShapeMissingOrWithoutImageIsOneSentenceNamingTheFile() throws Exception {
        ExposureMetadata exp = exposure("NIRISS", "NIS", new SubarrayWindow(1, 1, 3, 2));
        Path wrong = dir.resolve("wrong.fits");
        TestFits.write(wrong, ImageData.from(new int[3][3]).toHDU());
        BadInputException shape = assertThrows(BadInputException.class, () -> ReferenceFiles.readUserDq(wrong, exp));
        assertEquals(wrong + ": its primary image is 3 x 3; user_supplied_dq must match the exposure's window"
                + " (2 x 3) or be the full 2048 x 2048 detector", shape.getMessage());
        Path missing = dir.resolve("missing.fits");
        assertEquals(missing + ": no such file (given as dq_init.user_supplied_dq)", assertThrows(
                BadInputException.class, () -> ReferenceFiles.readUserDq(missing, exp)).getMessage());
        Path noImage = dir.resolve("no_image.fits");
        TestFits.write(noImage, TestFits.primary(Map.of("ORIGIN", "test")), TestFits.image("DQ", new int[2][3]));
        assertEquals(noImage + ": has no image in its primary HDU; user_supplied_dq needs a 2-D image of DQ flags"
                + " there", assertThrows(BadInputException.class,
                        () -> ReferenceFiles.readUserDq(noImage, exp)).getMessage());
    }
}
