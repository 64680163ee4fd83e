package org.tsoinspector.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

class PixelMaskTest {

    @Test
    void specialPixelsAreNeitherGoodNorPlainReference() {
        int ref = DqFlag.REFERENCE_PIXEL.value();
        int[] dq = {0, ref, ref | DqFlag.DO_NOT_USE.value(), DqFlag.HOT.value()};
        PixelMask m = PixelMask.special(dq, 2, 2);
        assertFalse(m.get(0, 0));
        assertFalse(m.get(0, 1));
        assertTrue(m.get(1, 0)); // a flagged reference pixel is special, as in the notebook
        assertTrue(m.get(1, 1));
        assertEquals(2, m.count());
        assertEquals(1, PixelMask.withPixelFlags(dq, 2, 2, DqFlag.HOT, DqFlag.DEAD).count());
    }

    @Test
    void saturatedMaskReadsTheChosenGroup() {
        Ramp r = Ramp.zeros(0, 2, 1, 3, false);
        r.groupDq()[3 + 2] = (byte) (DqFlag.SATURATED.value() | DqFlag.DO_NOT_USE.value());
        r.groupDq()[1] = (byte) DqFlag.JUMP_DET.value();
        assertEquals(0, PixelMask.saturated(r, 0).count());
        PixelMask last = PixelMask.saturated(r, 1);
        assertTrue(last.get(0, 2));
        assertEquals(1, last.count());
        assertEquals("SATURATED in group 2", last.name());
        assertEquals(1, PixelMask.withGroupFlag(r, 0, DqFlag.JUMP_DET).count());
        assertThrows(IllegalArgumentException.class, () -> PixelMask.saturated(r, 2));
    }
}
