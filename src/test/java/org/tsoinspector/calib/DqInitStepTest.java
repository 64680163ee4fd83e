package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SubarrayWindow;

class DqInitStepTest {

    private static final int DNU = DqFlag.DO_NOT_USE.value();
    private static final int HOT = DqFlag.HOT.value();
    private static final int REF = DqFlag.REFERENCE_PIXEL.value();

    @Test
    void onlyDoNotUseReachesTheGroups() throws Exception {
        ExposureMetadata e = TestExposures.small(2, 3, 3);
        int[] mask = {DNU | HOT, HOT, 0, REF, DNU | REF, 0};
        PreparedStep step = new DqInitStep(TestExposures.mask(e, mask)).prepare(e, new int[] {0, 0, 0, 0, 0, DNU});
        assertArrayEquals(new int[] {DNU | HOT, HOT, 0, REF, DNU | REF, DNU}, step.pixelDq());

        Ramp ramp = Ramp.zeros(0, 3, 2, 3, false);
        ramp.data()[7] = 123f;
        ramp.groupDq()[6 + 1] = (byte) DqFlag.JUMP_DET.value();
        step.apply(ramp);
        for (int g = 0; g < 3; g++) {
            assertEquals(DNU, ramp.groupDq(g, 0, 0), "mask DO_NOT_USE in group " + g);
            assertEquals(g == 1 ? DqFlag.JUMP_DET.value() : 0, ramp.groupDq(g, 0, 1), "HOT is not a group flag");
            assertEquals(DNU, ramp.groupDq(g, 1, 1));
            assertEquals(0, ramp.groupDq(g, 1, 2), "input pixel DQ does not reach the groups");
        }
        assertEquals(123f, ramp.data()[7]);
    }

    @Test
    void userSuppliedDqIsOredIntoTheMask() throws Exception {
        ExposureMetadata e = TestExposures.small(1, 2, 1);
        PreparedStep step = new DqInitStep(TestExposures.mask(e, new int[] {HOT, 0}), new int[] {0, DNU})
                .prepare(e, new int[2]);
        assertArrayEquals(new int[] {HOT, DNU}, step.pixelDq());
        Ramp ramp = Ramp.zeros(0, 1, 1, 2, false);
        step.apply(ramp);
        assertEquals(DNU, ramp.groupDq(0, 0, 1));
    }

    @Test
    void maskForAnotherWindowIsRejectedWithItsName() {
        ExposureMetadata e = TestExposures.small(2, 2, 1);
        SubarrayWindow other = new SubarrayWindow(1, 2, 2, 2);
        MaskReference mask = new MaskReference(TestExposures.header("mask", other), other, new int[4]);
        BadInputException ex = assertThrows(BadInputException.class, () -> new DqInitStep(mask).prepare(e, new int[4]));
        assertTrue(ex.getMessage().startsWith("test_mask.fits: MASK reference covers"), ex.getMessage());
    }

    @Test
    void maskForAnotherDetectorIsRejected() {
        ExposureMetadata e = TestExposures.small(1, 1, 1);
        MaskReference nircam = new MaskReference(new org.tsoinspector.model.ReferenceHeader("nrca.fits", "mask",
                "NIRCAM", "NRCA1", "FULL", e.window(), "", ""), e.window(), new int[1]);
        BadInputException ex = assertThrows(BadInputException.class, () -> new DqInitStep(nircam).prepare(e, new int[1]));
        assertTrue(ex.getMessage().contains("instrument NIRCAM"), ex.getMessage());
    }
}
