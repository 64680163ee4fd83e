package org.tsoinspector.analysis;

import java.util.Arrays;

/** Order statistics that ignore NaN, as numpy's nanmedian/nanpercentile do. */
public final class Statistics {

    private Statistics() {
    }

    /** The finite values of an array, in a new array. */
    public static double[] finite(double[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Median of the finite values (mean of the two middle ones for an even count), NaN when none. */
    public static double nanMedian(double[] values) {
        return nanPercentile(values, 50);
    }

    /**
     * Percentile p (0..100) of the finite values with numpy's default linear interpolation between
     * closest ranks; NaN when there are none.
     */
    public static double nanPercentile(double[] values, double p) {
        double[] v = finite(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        return sortedPercentile(v, p);
    }

    /** Percentile p of an already sorted array of finite values (numpy "linear" method). */
    public static double sortedPercentile(double[] sorted, double p) {
        double pos = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }
}
