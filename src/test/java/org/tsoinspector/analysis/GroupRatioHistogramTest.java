package org.tsoinspector.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

class GroupRatioHistogramTest {

    /**
     * A quadratic non-linearity: measured = F - c F^2 with F = rate * t and t = group number.
     * Then (m6 - m5)/(m2 - m1) = (1 - c*rate*11)/(1 - c*rate*3), exactly.
     */
    private static double measured(double rate, double c, int groupIndex) {
        double f = rate * (groupIndex + 1);
        return f - c * f * f;
    }

    /** Ratios 1 + sigma * z at normal quantiles z, all in one fluence bin: the scatter curve is sigma. */
    private static GroupRatioHistogram normalRatios(double sigma) {
        int n = 2000;
        org.apache.commons.math3.distribution.NormalDistribution z =
                new org.apache.commons.math3.distribution.NormalDistribution();
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            ratio[i] = 1 + sigma * z.inverseCumulativeProbability((i + 0.5) / n);
        }
        // (G4 - G3) / (G2 - G1) with G1 = 0, G2 = 100, G3 = 1000, G4 = 1000 + 100 * ratio
        Ramp r = RampBuilder.of(0, 4, 1, n, (g, i) -> g == 0 ? 0 : g == 1 ? 100 : g == 2 ? 1000 : 1000 + 100 * ratio[i]);
        GroupRatioHistogram h = new GroupRatioHistogram(new RatioHistogramSpec(GroupPairs.lastOverFirst(4),
                BinAxis.linear(0, 4000, 2), BinAxis.linear(0.5, 1.5, 1000), true)); // every point in bin 0
        h.accumulate(r);
        return h;
    }

    @Test
    void theScatterCurveIsTheRobustSigmaOfOnePointsRatioAndNaNWhenWiderThanTheAxis() {
        GroupRatioHistogram narrow = normalRatios(0.1);
        int f = narrow.spec().fluence().bin(1100);
        assertEquals(0.1, narrow.scatterCurve(1)[f], 0.002);
        assertEquals(1.0, narrow.medianCurve(1)[f], 0.001);
        GroupRatioHistogram wide = normalRatios(0.6); // the 16th percentile, 0.4, lies below the axis (0.5)
        assertTrue(Double.isNaN(wide.scatterCurve(1)[f]));
        assertEquals(1.0, wide.medianCurve(1)[f], 0.001, "the median itself is still on the axis");
        assertTrue(Double.isNaN(narrow.scatterCurve(1)[1]), "an empty bin has no scatter");
    }

    @Test
    void knownNonLinearityGivesKnownRatio() {
        double c = 2e-6;
        double rate = 1000; // fluence at group 6 = 6000 - 72 = 5928
        Ramp r = RampBuilder.of(0, 6, 4, 4, (g, i) -> measured(rate, c, g));
        GroupRatioHistogram h = new GroupRatioHistogram(new RatioHistogramSpec(GroupPairs.lastOverFirst(6),
                BinAxis.linear(0, 10000, 10), BinAxis.linear(0.9, 1.0, 1000), true));
        h.accumulate(r);
        double expected = (1 - c * rate * 11) / (1 - c * rate * 3); // 0.978/0.994 = 0.98390...
        int f = h.spec().fluence().bin(measured(rate, c, 5));
        assertEquals(5, f);
        int rb = h.spec().ratio().bin(expected);
        assertEquals(16, h.count(f, rb));
        assertEquals(16, h.inRange());
        assertEquals(16, h.accumulated());
        double median = h.medianCurve(1)[f];
        assertEquals(expected, median, h.spec().ratio().upperEdge(0) - 0.9);
    }

    @Test
    void linearRampsGiveRatioOneInTheRightLogBin() {
        // rate depends on pixel: 100, 200, ..., fluence at group 4 = 4*rate
        Ramp r = RampBuilder.of(0, 4, 1, 8, (g, i) -> (i + 1) * 100.0 * (g + 1));
        GroupRatioHistogram h = new GroupRatioHistogram(RatioHistogramSpec.defaults(4));
        h.accumulate(r);
        BinAxis fa = h.spec().fluence();
        BinAxis ra = h.spec().ratio();
        for (int i = 0; i < 8; i++) {
            assertEquals(1, h.count(fa.bin(4 * (i + 1) * 100.0), ra.bin(1.0)), "pixel " + i);
        }
        assertEquals(8, h.inRange());
    }

    @Test
    void flaggedZeroAndOutOfRangePixelsAreCountedApart() {
        Ramp r = RampBuilder.of(0, 3, 1, 4, (g, i) -> i == 1 ? 500 : i == 3 ? 3.0 * g : 1000.0 * g);
        r.groupDq()[2 * 4] = (byte) DqFlag.SATURATED.value(); // pixel 0 saturated in the last group
        GroupRatioHistogram h = new GroupRatioHistogram(RatioHistogramSpec.defaults(3));
        h.accumulate(r);
        assertEquals(1, h.flagged());
        assertEquals(1, h.invalid()); // pixel 1: flat, first difference 0
        assertEquals(1, h.fluenceOutside()); // pixel 3: fluence 6 < 10
        assertEquals(1, h.inRange()); // pixel 2
    }

    @Test
    void mergingPerThreadHistogramsEqualsOneHistogram() {
        RatioHistogramSpec spec = RatioHistogramSpec.defaults(5);
        GroupRatioHistogram all = new GroupRatioHistogram(spec);
        GroupRatioHistogram a = new GroupRatioHistogram(spec);
        GroupRatioHistogram b = new GroupRatioHistogram(spec);
        for (int k = 0; k < 6; k++) {
            final int kk = k;
            Ramp r = RampBuilder.of(k, 5, 8, 8, (g, i) -> (50.0 + 37 * i + kk) * (g + 1) - 0.01 * g * g * i);
            all.accumulate(r);
            (k % 2 == 0 ? a : b).accumulate(r);
        }
        a.merge(b);
        for (int f = 0; f < spec.fluence().bins(); f++) {
            for (int rr = 0; rr < spec.ratio().bins(); rr++) {
                assertEquals(all.count(f, rr), a.count(f, rr));
            }
        }
        assertEquals(6, a.integrations());
        assertEquals(all.inRange(), a.copy().inRange());
        assertThrows(IllegalArgumentException.class,
                () -> a.merge(new GroupRatioHistogram(RatioHistogramSpec.defaults(6))));
    }

    @Test
    void medianCurveCountsPointsOffTheRatioAxis() {
        // 3 pixels at ratio 1.0 (bin inside) and 4 pixels whose ratio is 4 (above the axis):
        // the median lies above the axis, so the curve has no value there.
        Ramp r = RampBuilder.of(0, 3, 1, 7, (g, i) -> i < 3 ? 1000.0 * g : g == 2 ? 2000 + 3000 : 1000.0 * g);
        GroupRatioHistogram h = new GroupRatioHistogram(RatioHistogramSpec.defaults(3));
        h.accumulate(r);
        int f = h.spec().fluence().bin(2000);
        int f2 = h.spec().fluence().bin(5000);
        assertEquals(3, h.columnTotal(f));
        assertEquals(4, h.columnTotal(f2));
        assertTrue(Double.isNaN(h.medianCurve(1)[f2]));
        assertEquals(1.0, h.medianCurve(1)[f], 0.005);
        assertTrue(Double.isNaN(h.medianCurve(5)[f]));
    }

    @Test
    void selectablePairsAreHonoured() {
        // groups 0..4 with increments 1, 2, 3, 4 (times 100): (g3-g2)/(g1-g0) = 3
        Ramp r = RampBuilder.of(0, 5, 1, 1, (g, i) -> 100.0 * g * (g + 1) / 2);
        GroupPairs p = new GroupPairs(0, 1, 2, 3, 4);
        GroupRatioHistogram h = new GroupRatioHistogram(new RatioHistogramSpec(p,
                BinAxis.logarithmic(10, 1e5, 50), BinAxis.linear(0, 5, 50), true));
        h.accumulate(r);
        assertEquals(1, h.count(h.spec().fluence().bin(1000), h.spec().ratio().bin(3.0)));
        assertEquals("(G4 - G3) / (G2 - G1)", p.label());
        assertThrows(IllegalArgumentException.class, () -> h.accumulate(RampBuilder.of(0, 4, 1, 1, (g, i) -> g)));
    }

    @Test
    void logAxisBinsAreEqualInLogarithm() {
        BinAxis a = BinAxis.logarithmic(10, 100000, 4);
        assertEquals(100, a.lowerEdge(1), 1e-4);
        assertEquals(0, a.bin(10));
        assertEquals(1, a.bin(101));
        assertEquals(0, a.bin(99.9));
        assertEquals(3, a.bin(99999));
        assertEquals(4, a.bin(100000));
        assertEquals(BinAxis.BELOW, a.bin(Double.NaN));
        assertEquals(Math.sqrt(1000 * 10000), a.center(2), 1e-2);
    }
}
