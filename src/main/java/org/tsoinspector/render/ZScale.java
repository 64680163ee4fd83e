package org.tsoinspector.render;

import java.util.Arrays;

/**
 * IRAF's zscale display range (as astropy's ZScaleInterval with its defaults): fit a line to the
 * sorted sample with iterative rejection and widen its slope by 1/contrast around the median.
 */
final class ZScale {

    private static final int SAMPLES = 1000;
    private static final double CONTRAST = 0.25;
    private static final double MAX_REJECT = 0.5;
    private static final int MIN_PIXELS = 5;
    private static final double K_REJECT = 2.5;
    private static final int MAX_ITERATIONS = 5;

    private ZScale() {
    }

    /** The zscale range, or null when the frame has no finite value. */
    static DisplayRange of(float[] values) {
        int stride = Math.max(1, values.length / SAMPLES);
        double[] s = new double[Math.min(SAMPLES, values.length)];
        int n = 0;
        for (int i = 0; i < values.length && n < s.length; i += stride) {
            // astropy takes values[::stride][:nsamples] and then drops non-finite ones
            if (Float.isFinite(values[i])) {
                s[n++] = values[i];
            }
        }
        if (n == 0) {
            return null;
        }
        s = Arrays.copyOf(s, n);
        Arrays.sort(s);
        double zmin = s[0];
        double zmax = s[n - 1];
        int minPix = Math.max(MIN_PIXELS, (int) (n * MAX_REJECT));
        int grow = Math.max(1, (int) (n * 0.01));
        boolean[] bad = new boolean[n];
        int good = n;
        int lastGood = n + 1;
        double slope = 0;
        for (int iter = 0; iter < MAX_ITERATIONS && good < lastGood && good >= minPix; iter++) {
            double[] fit = fitLine(s, bad);
            slope = fit[1];
            double sum = 0;
            double sum2 = 0;
            int m = 0;
            double[] flat = new double[n];
            for (int i = 0; i < n; i++) {
                flat[i] = s[i] - (fit[0] + fit[1] * i);
                if (!bad[i]) {
                    sum += flat[i];
                    sum2 += flat[i] * flat[i];
                    m++;
                }
            }
            double mean = sum / m;
            double threshold = K_REJECT * Math.sqrt(Math.max(0, sum2 / m - mean * mean));
            boolean[] rejected = new boolean[n];
            for (int i = 0; i < n; i++) {
                rejected[i] = bad[i] || flat[i] < -threshold || flat[i] > threshold;
            }
            // grow each rejection over a window of `grow` samples (numpy convolve mode 'same')
            int left = (grow - 1) / 2;
            for (int i = 0; i < n; i++) {
                if (rejected[i]) {
                    for (int j = Math.max(0, i - left); j <= Math.min(n - 1, i + grow - 1 - left); j++) {
                        bad[j] = true;
                    }
                }
            }
            lastGood = good;
            good = 0;
            for (boolean b : bad) {
                good += b ? 0 : 1;
            }
        }
        if (good >= minPix) {
            slope /= CONTRAST;
            int center = (n - 1) / 2;
            double median = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
            zmin = Math.max(zmin, median - (center - 1) * slope);
            zmax = Math.min(zmax, median + (n - center) * slope);
        }
        return new DisplayRange(zmin, zmax);
    }

    /** Least-squares intercept and slope of s[i] against i over the samples not marked bad. */
    private static double[] fitLine(double[] s, boolean[] bad) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (!bad[i]) {
                sx += i;
                sy += s[i];
                sxx += (double) i * i;
                sxy += i * s[i];
                m++;
            }
        }
        double den = m * sxx - sx * sx;
        double slope = den == 0 ? 0 : (m * sxy - sx * sy) / den;
        return new double[] {(sy - slope * sx) / m, slope};
    }
}
