package org.tsoinspector.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

class DqSummaryTest {

    private static final byte SAT = (byte) DqFlag.SATURATED.value();
    private static final byte DNU = (byte) DqFlag.DO_NOT_USE.value();

    @Test
    void countsPerFlagPerGroupAndPerIntegration() {
        int[] pixelDq = new int[6];
        pixelDq[0] = DqFlag.REFERENCE_PIXEL.value();
        pixelDq[1] = DqFlag.DO_NOT_USE.value() | DqFlag.HOT.value();
        pixelDq[2] = DqFlag.HOT.value();
        DqSummaryBuilder b = new DqSummaryBuilder(pixelDq, 2, 3, 3, 10, 2);
        Ramp first = Ramp.zeros(10, 3, 2, 3, false); // integration 11 of the exposure
        // pixel 4 saturates in group 2 (index 1), so groups 1 and 2 are flagged; pixel 5 only in the last
        first.groupDq()[6 + 4] = SAT;
        first.groupDq()[12 + 4] = SAT;
        first.groupDq()[12 + 5] = (byte) (SAT | DNU);
        Ramp second = Ramp.zeros(11, 3, 2, 3, false);
        second.groupDq()[12 + 3] = SAT;
        b.add(second);
        b.add(first);
        DqSummary s = b.build();
        assertEquals(1, s.pixelCount(DqFlag.REFERENCE_PIXEL));
        assertEquals(2, s.pixelCount(DqFlag.HOT));
        assertEquals(1, s.pixelCount(DqFlag.DO_NOT_USE));
        assertEquals(0, s.pixelCount(DqFlag.DEAD));
        assertEquals(3, s.pixelFlagsPresent().size());
        assertEquals(4, s.groupCount(DqFlag.SATURATED));
        assertEquals(1, s.groupCount(DqFlag.DO_NOT_USE));
        assertArrayEquals(new int[] {11, 12}, s.integrationNumbers());
        assertArrayEquals(new long[] {0, 1, 2}, s.saturatedPerGroup()[0]);
        assertArrayEquals(new long[] {0, 0, 1}, s.saturatedPerGroup()[1]);
        assertArrayEquals(new long[] {2, 1}, s.saturatedPerIntegration());
    }

    @Test
    void integrationOutsideTheSegmentIsRefused() {
        DqSummaryBuilder b = new DqSummaryBuilder(new int[4], 2, 2, 2, 0, 3);
        assertThrows(IllegalArgumentException.class, () -> b.add(Ramp.zeros(3, 2, 2, 2, false)));
    }
}
