package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SubarrayWindow;

/**
 * Spec 10.2: a LINEARITY file with INV_COEFFS and groups of NFRAMES = 4 frames take the read-level path.
 * The expected values below were computed with the reference implementation itself, stcal bb256db's
 * linearity_correction (ilin_coeffs and the read pattern jwst builds), on numpy 2.4.6, for this case:
 * a 2 x 3 window, 5 groups of 4 frames of a slightly non-linear ramp (rates 800..6000 DN per frame, counts
 * minus 2e-6 counts^2, on an 11000 DN bias, rounded), COEFFS [-11000, 1, 2.2e-6] with INV_COEFFS
 * [11000, 1, -2.1e-6], one pixel linear (1.02 and 1/1.02), one SATURATED from group 4, one with a NaN
 * inverse coefficient.
 */
class ReadLevelLinearityTest {

    private static final float[][][] DATA = {
        {{13485, 17156, 20760}, {25460, 12990, 18365}},
        {{17413, 26706, 35608}, {46868, 16144, 29717}},
        {{21277, 35856, 49432}, {65972, 19257, 40493}},
        {{25077, 44606, 62232}, {82772, 22329, 50693}},
        {{28813, 52956, 74008}, {97268, 25360, 60317}}};

    private static final float[][][] READ_LEVEL = {
        {{2888.0068359375f, 6821.04296875f, 10751.8173828125f}, {15969.8310546875f, 13249.7998046875f, 8133.48486328125f}},
        {{7082.91064453125f, 17291.044921875f, 27434.9375f}, {40767.42578125f, 16466.87890625f, 20686.3046875f}},
        {{11275.7041015625f, 27698.94921875f, 43839.5390625f}, {64598.97265625f, 19642.138671875f, 33126.78515625f}},
        {{15463.1240234375f, 37996.4453125f, 62232.0f}, {86883.4609375f, 22775.580078125f, 45373.0f}},
        {{19641.95703125f, 48137.33203125f, 74008.0f}, {107109.96875f, 25867.19921875f, 57347.390625f}}};

    /** The same data through the classic polynomial (stcal without ilin_coeffs): what NFRAMES = 1 gets. */
    private static final float[][][] CLASSIC = {
        {{2885.0595703125f, 6803.5234375f, 10708.150390625f}, {15886.06640625f, 13249.7998046875f, 8107.001953125f}},
        {{7080.068359375f, 17275.064453125f, 27397.4453125f}, {40700.5390625f, 16466.87890625f, 20659.818359375f}},
        {{11272.96484375f, 27684.43359375f, 43807.74609375f}, {64547.0703125f, 19642.138671875f, 33100.3046875f}},
        {{15460.482421875f, 37983.328125f, 62232.0f}, {86844.6484375f, 22775.580078125f, 45346.515625f}},
        {{19639.416015625f, 48125.546875f, 74008.0f}, {107082.34375f, 25867.19921875f, 57320.90625f}}};

    private static final int NY = 2;
    private static final int NX = 3;
    private static final int NPIX = NY * NX;

    private static ExposureMetadata exposure(int nFrames) {
        return TestExposures.exposure(new SubarrayWindow(1, 1, NX, NY), TestExposures.NIRISS, 1, 5, nFrames, false);
    }

    private static LinearityReference reference(ExposureMetadata e, boolean withInverse) {
        float[] c = new float[3 * NPIX];
        float[] inv = new float[3 * NPIX];
        for (int p = 0; p < NPIX; p++) {
            c[p] = -11000f;
            c[NPIX + p] = 1f;
            c[2 * NPIX + p] = 2.2e-6f;
            inv[p] = 11000f;
            inv[NPIX + p] = 1f;
            inv[2 * NPIX + p] = -2.1e-6f;
        }
        int linear = 1 * NX + 1;
        c[linear] = 0f;
        c[NPIX + linear] = 1.02f;
        c[2 * NPIX + linear] = 0f;
        inv[linear] = 0f;
        inv[NPIX + linear] = (float) (1 / 1.02);
        inv[2 * NPIX + linear] = 0f;
        inv[2 * NPIX + 1 * NX + 2] = Float.NaN;
        LinearityReference plain = TestExposures.linearity(e, 3, c, new int[NPIX]);
        return withInverse ? new LinearityReference(plain.header(), plain.window(), 3, c, plain.dq(), 3, inv) : plain;
    }

    private static Ramp ramp() {
        Ramp r = Ramp.zeros(0, 5, NY, NX, false);
        for (int g = 0; g < 5; g++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    r.data()[r.index(g, y, x)] = DATA[g][y][x];
                }
            }
        }
        for (int g = 3; g < 5; g++) {
            r.groupDq()[r.index(g, 0, 2)] = (byte) DqFlag.SATURATED.value();
        }
        return r;
    }

    private static float[] flat(float[][][] v) {
        float[] out = new float[5 * NPIX];
        for (int g = 0; g < 5; g++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    out[g * NPIX + y * NX + x] = v[g][y][x];
                }
            }
        }
        return out;
    }

    @Test
    void groupsOfFourFramesWithInverseCoefficientsAgreeWithStcal() throws Exception {
        ExposureMetadata e = exposure(4);
        PreparedStep step = new LinearityStep(reference(e, true)).prepare(e, new int[NPIX]);
        assertTrue(step.note().startsWith("read-level correction"), step.note());
        Ramp r = ramp();
        step.apply(r);
        float[] expected = flat(READ_LEVEL);
        double worst = 0;
        for (int k = 0; k < expected.length; k++) {
            worst = Math.max(worst, Math.abs(expected[k] - r.data()[k]) / Math.abs(expected[k]));
        }
        assertTrue(worst <= 1e-7, "largest relative difference " + worst);
        assertArrayEquals(expected, r.data(), "bit for bit, as numpy computes it");
        int[] dq = new int[NPIX];
        dq[1 * NX + 2] = DqFlag.NO_LIN_CORR.value();
        assertArrayEquals(dq, step.pixelDq(), "a NaN inverse coefficient flags NO_LIN_CORR, as stcal does");
        assertEquals(DATA[3][0][2], r.sample(3, 0, 2), "a SATURATED group keeps its value");
    }

    @Test
    void oneFramePerGroupOrNoInverseCoefficientsIsTheClassicPolynomial() throws Exception {
        float[] classic = flat(CLASSIC);
        for (boolean withInverse : new boolean[] {true, false}) {
            ExposureMetadata e = exposure(withInverse ? 1 : 4);
            Ramp r = ramp();
            PreparedStep step = new LinearityStep(reference(e, withInverse)).prepare(e, new int[NPIX]);
            assertEquals("", step.note());
            step.apply(r);
            assertArrayEquals(classic, r.data(), "NFRAMES " + (withInverse ? 1 : 4) + ", inverse " + withInverse);
        }
    }
}
