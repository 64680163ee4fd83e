package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClippedMeanTest {

    @Test
    void outlierIsClippedThenTheRestHasNoSpread() {
        // 20 x 10 and one 1000: mean 57.14, std 210.8, upper limit 689.6 -> 1000 goes; the rest is 10
        double[] v = new double[21];
        java.util.Arrays.fill(v, 10.0);
        v[7] = 1000.0;
        assertEquals(10.0, ClippedMean.clip(v, 21, 3, 3), 0.0);
    }

    @Test
    void iteratesUntilNothingMoreIsDropped() {
        // 1..10 plus 30 and 1000: first pass drops 1000 (mean 90.42, std 274.35, upper 913.45);
        // second: mean 7.727, std 7.557, upper 30.398 keeps 30: result mean of 1..10 and 30 = 85/11
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 1000};
        assertEquals(85.0 / 11.0, ClippedMean.clip(v, v.length, 3, 3), 1e-12);
    }

    @Test
    void equalValuesGiveTheirMean() {
        assertEquals(-4.5, ClippedMean.clip(new double[] {-4.5, -4.5, -4.5}, 3, 3, 3), 0.0);
    }

    @Test
    void nanOrInfiniteValuesGiveNan() {
        assertTrue(Double.isNaN(ClippedMean.clip(new double[] {1, Double.NaN, 3}, 3, 3, 3)));
        assertTrue(Double.isNaN(ClippedMean.clip(new double[] {1, Double.POSITIVE_INFINITY, 3}, 3, 3, 3)));
    }

    @Test
    void readsTheIndexedPixelsOfAFrame() {
        float[] frame = {0, 0, 5, 7, 9, 0};
        assertEquals(7.0, ClippedMean.of(frame, new int[] {2, 3, 4}, new double[3], 3, 3), 1e-12);
    }
}
