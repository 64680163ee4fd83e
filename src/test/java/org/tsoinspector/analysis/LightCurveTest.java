package org.tsoinspector.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.Ramp;

class LightCurveTest {

    /** 6 rows x 4 columns; rows 2-3 carry a "trace" of rate 100 DN/group, the rest 1 DN/group. */
    private static Ramp ramp(int integration, double depth) {
        return RampBuilder.of(integration, 4, 6, 4, (g, i) -> {
            int y = i / 4;
            double rate = (y == 2 || y == 3) ? 100 * (1 - depth) : 1;
            return 1000 + rate * g;
        });
    }

    @Test
    void brightestRowsFindTheTrace() {
        assertEquals(new Region(2, 4, 0, 4), Region.brightestRows(ramp(0, 0), new int[24], 2));
        assertEquals(new Region(0, 6, 0, 4), Region.brightestRows(ramp(0, 0), new int[24], 40));
    }

    @Test
    void transitShowsAsADipInBothModes() {
        int[] dq = new int[24];
        dq[2 * 4] = DqFlag.REFERENCE_PIXEL.value(); // left out of the sums
        Region band = new Region(2, 4, 0, 4);
        LightCurveBuilder diff = new LightCurveBuilder(band, LightCurveMode.LAST_MINUS_FIRST, dq, 6, 4, 0, 3);
        LightCurveBuilder slope = new LightCurveBuilder(band, LightCurveMode.SLOPE, dq, 6, 4, 0, 3);
        double[] depth = {0, 0.01, 0};
        for (int i = 0; i < 3; i++) {
            diff.add(ramp(i, depth[i]));
            slope.add(ramp(i, depth[i]));
        }
        IntegrationTimes times = new IntegrationTimes(new int[] {1, 2, 3}, new double[3], new double[3],
                new double[3], new double[3], new double[] {2459000.1, 2459000.2, 2459000.3}, new double[3]);
        LightCurve d = diff.build(times);
        assertEquals(7, d.pixels());
        assertArrayEquals(new double[] {7 * 300, 7 * 297, 7 * 300}, d.flux(), 1e-6);
        assertArrayEquals(new double[] {2459000.1, 2459000.2, 2459000.3}, d.timesBjd());
        assertTrue(d.hasTimes());
        assertArrayEquals(new double[] {1, 0.99, 1}, d.normalized(), 1e-12);
        LightCurve s = slope.build(null);
        assertArrayEquals(new double[] {700, 693, 700}, s.flux(), 1e-6);
        assertFalse(s.hasTimes());
        assertArrayEquals(new int[] {1, 2, 3}, s.integrationNumbers());
    }

    @Test
    void slopeSkipsSaturatedGroups() {
        Ramp r = RampBuilder.of(0, 4, 1, 1, (g, i) -> g < 2 ? 10.0 * g : 15);
        r.groupDq()[2] = (byte) DqFlag.SATURATED.value();
        r.groupDq()[3] = (byte) DqFlag.SATURATED.value();
        LightCurveBuilder b = new LightCurveBuilder(Region.whole(1, 1), LightCurveMode.SLOPE, new int[1], 1, 1, 0, 1);
        b.add(r);
        assertEquals(10.0, b.build(null).flux()[0], 1e-9);
    }
}
