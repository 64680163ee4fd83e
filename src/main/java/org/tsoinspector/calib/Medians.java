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

    /** The k-th smallest of a[0 .. n), leaving smaller values before index k and larger after it. */
    private static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (hi > lo) {
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double medianOfThree(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
