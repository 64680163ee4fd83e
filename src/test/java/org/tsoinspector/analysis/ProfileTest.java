package org.tsoinspector.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProfileTest {

    // 3 rows x 4 columns, value = 10*y + x, with one NaN
    private final float[] frame = {0, 1, 2, 3, 10, Float.NaN, 12, 13, 20, 21, 22, 23};

    @Test
    void columnProfileFollowsRowsAndIgnoresNanInMedian() {
        Profile p = Profile.column(frame, 3, 4, 1);
        assertArrayEquals(new double[] {1, Double.NaN, 21}, p.values());
        assertEquals(11.0, p.median(), 0); // median of 1 and 21
        assertArrayEquals(new double[] {-10, Double.NaN, 10}, p.medianSubtracted());
        assertEquals(ProfileAxis.COLUMN, p.axis());
    }

    @Test
    void rowProfileFollowsColumns() {
        Profile p = Profile.of(ProfileAxis.ROW, frame, 3, 4, 2);
        assertArrayEquals(new double[] {20, 21, 22, 23}, p.values());
        assertEquals(21.5, p.median(), 0);
        assertEquals(4, p.length());
    }

    @Test
    void columnOutsideTheFrameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Profile.column(frame, 3, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> Profile.row(frame, 3, 4, -1));
    }
}
