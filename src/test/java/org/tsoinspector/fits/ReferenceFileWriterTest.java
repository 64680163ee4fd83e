package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.model.SuperbiasReference;

class ReferenceFileWriterTest {

    @TempDir
    Path dir;

    static final SubarrayWindow W = new SubarrayWindow(1, 1793, 5, 3);
    final ReferenceFileWriter writer = new ReferenceFileWriter(new DetectorOrientation(-2, -1), "test");

    private static ReferenceHeader header(String name, String type) {
        return new ReferenceHeader(name, type, "NIRISS", "NIS", "SUBSTRIP256", W, "2022-01-01T00:00:00", "test " + type);
    }

    @Test
    void maskKeepsBit31AndTheSelectors() throws Exception {
        int[] dq = new int[15];
        dq[0] = DqFlag.REFERENCE_PIXEL.value() | DqFlag.DO_NOT_USE.value();
        dq[7] = DqFlag.HOT.value() | DqFlag.DO_NOT_USE.value();
        Path f = dir.resolve("sim_mask_0001.fits");
        writer.writeMask(f, new MaskReference(header(f.getFileName().toString(), "mask"), W, dq));
        try (Fits fits = new Fits(f.toFile())) {
            Header p = fits.getHDU(0).getHeader();
            assertEquals("MASK", p.getStringValue("REFTYPE"));
            assertEquals("MaskModel", p.getStringValue("DATAMODL"));
            assertEquals("NIRISS", p.getStringValue("INSTRUME"));
            assertEquals("NIS", p.getStringValue("DETECTOR"));
            assertEquals(1793, p.getIntValue("SUBSTRT2"));
            assertEquals(3, p.getIntValue("SUBSIZE2"));
            assertEquals(-2, p.getIntValue("FASTAXIS"));
            assertEquals("2022-01-01T00:00:00", p.getStringValue("USEAFTER"));
            ImageHDU dqHdu = (ImageHDU) fits.getHDU(1);
            assertEquals("DQ", dqHdu.getHeader().getStringValue("EXTNAME"));
            int[][] raw = (int[][]) dqHdu.getKernel();
            long bzero = (long) dqHdu.getBZero();
            assertEquals(2147483649L, raw[0][0] + bzero);
            assertEquals(2049L, raw[1][2] + bzero);
            assertEquals(0L, raw[2][4] + bzero);
            BinaryTableHDU def = (BinaryTableHDU) fits.getHDU(2);
            assertEquals("DQ_DEF", def.getHeader().getStringValue("EXTNAME"));
            BinaryTable t = def.getData();
            assertEquals(32, t.getNRows());
            assertEquals(31, t.getLong(31, 0));
            assertEquals(2147483648L, t.getLong(31, 1) + def.getHeader().getLongValue("TZERO2"));
            assertEquals("REFERENCE_PIXEL", t.getString(31, 2));
        }
    }

    @Test
    void inverseLinearityCoefficientsAreWrittenAndReadBackCutToTheExposure() throws Exception {
        float[] c = new float[2 * 15];
        float[] inv = new float[2 * 15];
        for (int p = 0; p < 15; p++) {
            c[15 + p] = 1f + p / 100f;
            inv[15 + p] = 1f / (1f + p / 100f);
            inv[p] = p;
        }
        Path f = dir.resolve("lin_inv.fits");
        writer.writeLinearity(f, new LinearityReference(header("lin_inv.fits", "linearity"), W, 2, c, new int[15], 2,
                inv));
        ExposureMetadata exposure = new ExposureMetadata("NIRISS", "NIS", "NIS_SOSS", "GENERIC",
                new SubarrayWindow(2, 1794, 3, 2), new DetectorOrientation(-2, -1), 1, 1, 4, 4, 0, 1, 4, "NISRAPID", 1,
                1, 1, 1, "", false, java.util.Set.of());
        LinearityReference back = ReferenceFiles.readLinearity(f, exposure);
        assertEquals(2, back.nInverse());
        // pixel (x 1, y 1) of the file is pixel 0 of the exposure's 2 x 3 window
        assertEquals(6f, back.inverseCoeffs()[0]);
        assertEquals(1f / 1.06f, back.inverseCoeffs()[6]);
        assertEquals(1.06f, back.coeffs()[6]);
    }

    @Test
    void saturationSuperbiasAndLinearityHaveTheirExtensions() throws Exception {
        float[] thr = new float[15];
        java.util.Arrays.fill(thr, 61000f);
        thr[4] = Float.NaN;
        Path sat = dir.resolve("sim_saturation_0001.fits");
        writer.writeSaturation(sat, new SaturationReference(header("s", "saturation"), W, thr, new int[15]));
        Path bias = dir.resolve("sim_superbias_0001.fits");
        float[] b = new float[15];
        b[14] = 13500.25f;
        writer.writeSuperbias(bias, new SuperbiasReference(header("b", "superbias"), W, b, new int[15]), new float[15]);
        Path lin = dir.resolve("sim_linearity_0001.fits");
        float[] c = new float[4 * 15];
        for (int k = 0; k < 15; k++) {
            c[15 + k] = 1f;
            c[2 * 15 + k] = 2.5e-7f;
        }
        c[3 * 15 + 6] = Float.NaN;
        writer.writeLinearity(lin, new LinearityReference(header("l", "linearity"), W, 4, c, new int[15]));

        try (Fits fits = new Fits(sat.toFile())) {
            assertEquals("SATURATION", fits.getHDU(0).getHeader().getStringValue("REFTYPE"));
            float[][] s = (float[][]) fits.getHDU(1).getKernel();
            assertEquals(61000f, s[0][0]);
            assertTrue(Float.isNaN(s[0][4]));
            assertEquals("DQ", fits.getHDU(2).getHeader().getStringValue("EXTNAME"));
        }
        try (Fits fits = new Fits(bias.toFile())) {
            assertEquals("SuperBiasModel", fits.getHDU(0).getHeader().getStringValue("DATAMODL"));
            assertEquals(13500.25f, ((float[][]) fits.getHDU(1).getKernel())[2][4]);
            assertEquals("ERR", fits.getHDU(2).getHeader().getStringValue("EXTNAME"));
            assertEquals("DQ", fits.getHDU(3).getHeader().getStringValue("EXTNAME"));
            assertEquals("DQ_DEF", fits.getHDU(4).getHeader().getStringValue("EXTNAME"));
        }
        try (Fits fits = new Fits(lin.toFile())) {
            ImageHDU coeffs = (ImageHDU) fits.getHDU(1);
            assertEquals("COEFFS", coeffs.getHeader().getStringValue("EXTNAME"));
            float[][][] k = (float[][][]) coeffs.getKernel();
            assertEquals(4, k.length);
            assertEquals(1f, k[1][2][3]);
            assertEquals(2.5e-7f, k[2][0][0]);
            assertTrue(Float.isNaN(k[3][1][1]));
        }
    }
}
