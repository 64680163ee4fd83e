package org.tsoinspector.calib;

/**
 * The refpix step's clipped mean (Dataset.sigma_clip with scipy.stats.sigmaclip): the mean of the
 * values after iteratively dropping those more than k standard deviations (population) from the mean,
 * until an iteration drops nothing. Values with zero spread give their plain mean; any NaN or infinite
 * value makes the result NaN, as in the reference. Accumulates in double.
 */
final class ClippedMean {

    private ClippedMean() {
    }

    /**
     * Clipped mean of {@code frame[indices[k]]}; {@code work} must hold indices.length values.
     * The caller handles an empty index list (the reference's None).
     */
    static double of(float[] frame, int[] indices, double[] work, double sigmaLow, double sigmaHigh) {
        int n = indices.length;
        for (int k = 0; k < n; k++) {
            work[k] = frame[indices[k]];
        }
        return clip(work, n, sigmaLow, sigmaHigh);
    }

    /** Clipped mean of the first n values of c (reordered in place). */
    static double clip(double[] c, int n, double sigmaLow, double sigmaHigh) {
        double mean = mean(c, n);
        double std = std(c, n, mean);
        if (Double.isNaN(mean) || Double.isNaN(std) || Double.isInfinite(mean)) {
            return Double.NaN;
        }
        if (std == 0.0) {
            return mean;
        }
        while (true) {
            double lower = mean - std * sigmaLow;
            double upper = mean + std * sigmaHigh;
            int kept = 0;
            for (int k = 0; k < n; k++) {
                double v = c[k];
                if (v >= lower && v <= upper) {
                    c[kept++] = v;
                }
            }
            if (kept == n || kept == 0) {
                return kept == 0 ? Double.NaN : mean;
            }
            n = kept;
            mean = mean(c, n);
            std = std(c, n, mean);
        }
    }

    private static double mean(double[] c, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += c[k];
        }
        return s / n;
    }

    private static double std(double[] c, int n, double mean) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            double d = c[k] - mean;
            s += d * d;
        }
        return Math.sqrt(s / n);
    }
}
