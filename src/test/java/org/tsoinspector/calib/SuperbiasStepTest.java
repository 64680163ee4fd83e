package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SubarrayWindow;

class SuperbiasStepTest {

    @Test
    void subtractsFromEveryGroupAndLeavesNanBiasPixelsUncorrectedAndUnflagged() throws Exception {
        ExposureMetadata e = TestExposures.small(1, 3, 2);
        int unreliable = DqFlag.UNRELIABLE_BIAS.value();
        PreparedStep step = new SuperbiasStep(TestExposures.superbias(e, new float[] {10.5f, Float.NaN, -2f},
                new int[] {0, 0, unreliable})).prepare(e, new int[] {1, 0, 0});
        assertArrayEquals(new int[] {1, 0, unreliable}, step.pixelDq());
        Ramp r = Ramp.zeros(0, 2, 1, 3, false);
        float[] in = {100f, 200f, 300f, 65535f, 5f, 0f};
        System.arraycopy(in, 0, r.data(), 0, 6);
        r.groupDq()[3] = (byte) DqFlag.SATURATED.value();
        step.apply(r);
        assertArrayEquals(new float[] {89.5f, 200f, 302f, 65524.5f, 5f, 2f}, r.data());
        assertEquals(DqFlag.SATURATED.value(), r.groupDq(1, 0, 0), "group DQ untouched");
    }

    @Test
    void zeroFramePixelsThatAreZeroStayZero() throws Exception {
        ExposureMetadata e = TestExposures.exposure(new SubarrayWindow(1, 1, 3, 1), TestExposures.NIRISS, 1, 1, 1,
                true);
        PreparedStep step = new SuperbiasStep(TestExposures.superbias(e, new float[] {10f, 10f, 10f}, new int[3]))
                .prepare(e, new int[3]);
        Ramp r = Ramp.zeros(0, 1, 1, 3, true);
        System.arraycopy(new float[] {0f, 50f, 10f}, 0, r.zeroFrame(), 0, 3);
        step.apply(r);
        assertArrayEquals(new float[] {0f, 40f, 0f}, r.zeroFrame());
    }
}
