package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MediansTest {

    /** Against the sorted array's middle (mean of the two middle values for even counts), ties included. */
    @Test
    void selectionGivesTheSortedMedian() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 5000; trial++) {
            // short arrays end in the insertion sort at once; long ones (jump's 855 differences) partition
            int n = 1 + rng.nextInt(trial % 3 == 0 ? 40 : 900);
            double[] a = new double[n + 3];
            for (int k = 0; k < n; k++) {
                a[k] = rng.nextInt(trial % 2 == 0 ? 5 : 1000) - 2.5;
            }
            double[] sorted = Arrays.copyOf(a, n);
            Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertEquals(expected, Medians.median(a, n), Arrays.toString(sorted));
        }
        assertEquals(Double.NaN, Medians.median(new double[3], 0));
        double[] ties = new double[500];
        Arrays.fill(ties, 7);
        assertEquals(7, Medians.median(ties, ties.length), "all equal");
    }

    /** The bracket test agrees with the sorted median for brackets on, beside and around it, ties included. */
    @Test
    void theMedianIsWithinABracketExactlyWhenTheSortedMedianIs() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 5000; trial++) {
            int n = 1 + rng.nextInt(200);
            double[] a = new double[n];
            for (int k = 0; k < n; k++) {
                a[k] = rng.nextInt(trial % 2 == 0 ? 6 : 400);
            }
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            double low = median - rng.nextInt(3) + 1;
            double high = low + rng.nextInt(3);
            // for an even count the two middle values must both lie in the bracket
            boolean expected = n % 2 == 1 ? low <= median && median <= high
                    : low <= sorted[n / 2 - 1] && sorted[n / 2] <= high;
            assertEquals(expected, Medians.medianWithin(a, n, low, high),
                    "[" + low + ", " + high + "] of " + Arrays.toString(sorted));
        }
    }
}
