package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SubarrayWindow;

class LinearityStepTest {

    private static final int NO_LIN_CORR = DqFlag.NO_LIN_CORR.value();

    /** Coefficient-major: 3 coefficients of 5 pixels. */
    private static float[] coeffs(float[][] perPixel) {
        int n = perPixel.length;
        float[] c = new float[3 * n];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < 3; k++) {
                c[k * n + p] = perPixel[p][k];
            }
        }
        return c;
    }

    @Test
    void hornerPolynomialExceptSaturatedGroupsAndBadCoefficients() throws Exception {
        ExposureMetadata e = TestExposures.small(1, 5, 2);
        float[] c = coeffs(new float[][] {
            {1f, 1.5f, 0.001f},       // 1 + 1.5*100 + 0.001*100^2 = 161
            {Float.NaN, 1f, 0f},      // NaN coefficient -> identity + NO_LIN_CORR
            {5f, 0f, 0.5f},           // zero linear term -> identity + NO_LIN_CORR
            {2f, 2f, 2f},             // NO_LIN_CORR in the reference -> identity
            {-10f, 1f, 0.0001f}});    // group 1 of this pixel is SATURATED
        int[] dq = {0, 0, 0, NO_LIN_CORR, DqFlag.NONLINEAR.value()};
        PreparedStep step = new LinearityStep(TestExposures.linearity(e, 3, c, dq)).prepare(e, new int[] {0, 0, 4, 0, 0});
        assertArrayEquals(new int[] {0, NO_LIN_CORR, 4 | NO_LIN_CORR, NO_LIN_CORR, DqFlag.NONLINEAR.value()},
                step.pixelDq());
        Ramp r = Ramp.zeros(0, 2, 1, 5, false);
        java.util.Arrays.fill(r.data(), 100f);
        r.groupDq()[5 + 4] = (byte) DqFlag.SATURATED.value();
        r.groupDq()[0] = (byte) (DqFlag.DO_NOT_USE.value() | DqFlag.AD_FLOOR.value());
        step.apply(r);
        float expect4 = (0.0001f * 100f + 1f) * 100f + -10f;
        assertArrayEquals(new float[] {161f, 100f, 100f, 100f, expect4, 161f, 100f, 100f, 100f, 100f}, r.data());
    }

    @Test
    void hornerRunsInFloat() throws Exception {
        ExposureMetadata e = TestExposures.small(1, 1, 1);
        float c0 = 0.1f;
        float c1 = 1.0000001f;
        float c2 = 3.3e-6f;
        PreparedStep step = new LinearityStep(TestExposures.linearity(e, 3, new float[] {c0, c1, c2}, new int[1]))
                .prepare(e, new int[1]);
        Ramp r = Ramp.zeros(0, 1, 1, 1, false);
        float d = 12345.678f;
        r.data()[0] = d;
        step.apply(r);
        assertEquals((c2 * d + c1) * d + c0, r.data()[0], 0f);
    }

    @Test
    void zeroFrameZerosAreKept() throws Exception {
        ExposureMetadata e = TestExposures.exposure(new SubarrayWindow(1, 1, 2, 1), TestExposures.NIRISS, 1, 1, 1,
                true);
        PreparedStep step = new LinearityStep(TestExposures.linearity(e, 2, new float[] {3f, 3f, 2f, 2f},
                new int[2])).prepare(e, new int[2]);
        Ramp r = Ramp.zeros(0, 1, 1, 2, true);
        r.zeroFrame()[1] = 10f;
        step.apply(r);
        assertArrayEquals(new float[] {0f, 23f}, r.zeroFrame());
    }
}
