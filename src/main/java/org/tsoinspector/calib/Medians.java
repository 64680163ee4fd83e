package org.tsoinspector.calib;

/**
 * numpy's median of the first n values of an array (reordered in place): the middle value, or the mean
 * of the two middle ones for an even count; NaN for none. Selection (Hoare's quickselect) instead of a
 * sort: jump takes a median of every pixel's differences over the whole segment.
 */
public final class Medians {

    private Medians() {
    }

    /** The median of a[0 .. n) (mean of the two middle values for even n), NaN for none; reorders a. */
    public static double median(double[] a, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int half = n / 2;
        double upper = select(a, n, half);
        if (n % 2 == 1) {
            return upper;
        }
        double lower = a[0];
        for (int k = 1; k < half; k++) { // after selection a[0 .. half) holds the values below a[half]
            lower = Math.max(lower, a[k]);
        }
        return (lower + upper) / 2;
    }

    /**
     * Whether the median of a[0 .. n) (n > 0) lies in [low, high], by counting alone: the lower middle
     * value is at least low when at most that many values are below low, and the upper middle value at
     * most high when more than half are at most high.
     */
    static boolean medianWithin(double[] a, int n, double low, double high) {
        int below = 0;
        int atMost = 0;
        for (int k = 0; k < n; k++) {
            double v = a[k];
            below += v < low ? 1 : 0;
            atMost += v <= high ? 1 : 0;
        }
        int upperMiddle = n / 2;
        int lowerMiddle = n % 2 == 1 ? upperMiddle : upperMiddle - 1;
        return below <= lowerMiddle && atMost > upperMiddle;
    }

    /**
     * The k-th smallest of a[0 .. n), leaving smaller values before index k and larger after it.
     * Partitions without branches on the data (Lomuto with a conditional advance): these arrays are
     * noise, where a branch per comparison mispredicts half the time and costs twice the whole select.
     * Values equal to the pivot are gathered in a second pass so that many ties still make progress.
     */
    static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > SMALL) {
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int less = lo;
            for (int i = lo; i <= hi; i++) {
                double v = a[i];
                a[i] = a[less];
                a[less] = v;
                less += v < pivot ? 1 : 0;
            }
            if (k < less) {
                hi = less - 1;
                continue;
            }
            int equal = less;
            for (int i = less; i <= hi; i++) {
                double v = a[i];
                a[i] = a[equal];
                a[equal] = v;
                equal += v == pivot ? 1 : 0;
            }
            if (k < equal) {
                return pivot;
            }
            lo = equal;
        }
        for (int i = lo + 1; i <= hi; i++) { // insertion sort of the short rest
            double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return a[k];
    }

    /** Below this many values, insertion sort is quicker than another partition. */
    private static final int SMALL = 16;

    private static double medianOfThree(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
