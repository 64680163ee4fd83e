package org.tsoinspector.calib;

import org.tsoinspector.model.DqFlag;

/**
 * The read-level linearity correction (spec 10.2; stcal linearity._linearity_correction_tile) for groups
 * that average several frames: each pixel's count rate comes from its first and last usable groups,
 * linearized; the frames of each group are rebuilt on that rate, taken back to raw counts through
 * INV_COEFFS, shifted to match the group as measured, linearized frame by frame and averaged. SATURATED
 * groups keep their value. The arithmetic follows numpy's types: float32 where the reference's arrays
 * are float32, double where numpy promotes to float64.
 */
final class ReadLevelLinearity {

    private static final int SAT = DqFlag.SATURATED.value();

    private ReadLevelLinearity() {
    }

    /**
     * Corrects one integration in place.
     *
     * @param coeffs      COEFFS (coefficient-major, already fixed up for NO_LIN_CORR, NaN, zero linear term)
     * @param inverse     INV_COEFFS, fixed up the same way
     * @param readPattern the 1-based frame numbers averaged into each group
     */
    static void correct(float[] d, byte[] gdq, int nGroups, int npix, float[] coeffs, int nCoeffs, float[] inverse,
            int nInverse, int[][] readPattern) {
        double[] meanRead = new double[nGroups];
        for (int g = 0; g < nGroups; g++) {
            long sum = 0;
            for (int r : readPattern[g]) {
                sum += r;
            }
            meanRead[g] = (double) sum / readPattern[g].length;
        }
        int maxReads = 0;
        for (int[] reads : readPattern) {
            maxReads = Math.max(maxReads, reads.length);
        }
        double[] frames = new double[maxReads];
        float[] original = new float[nGroups];
        for (int p = 0; p < npix; p++) {
            int unsaturated = 0;
            for (int g = 0; g < nGroups; g++) {
                original[g] = d[g * npix + p];
                unsaturated += (gdq[g * npix + p] & SAT) == 0 ? 1 : 0;
            }
            // the last unsaturated group is treated as saturated too (it may be partly), at least 2 are used
            int used = Math.max(2, unsaturated - 1);
            int last = Math.min(used - 1, nGroups - 1);
            float firstLin = (gdq[p] & SAT) != 0 ? original[0] : hornerFloat(coeffs, nCoeffs, npix, p, original[0]);
            float lastLin = (gdq[last * npix + p] & SAT) != 0 ? original[last]
                    : hornerFloat(coeffs, nCoeffs, npix, p, original[last]);
            double rate = (lastLin - firstLin) / (meanRead[last] - meanRead[0]);
            for (int g = 0; g < nGroups; g++) {
                int[] reads = readPattern[g];
                int n = reads.length;
                double predicted = 0;
                for (int k = 0; k < n; k++) {
                    double linearized = firstLin + rate * (reads[k] - meanRead[0]);
                    frames[k] = hornerDouble(inverse, nInverse, npix, p, linearized);
                    predicted += frames[k];
                }
                predicted /= n;
                double offset = original[g] - predicted;
                double corrected = 0;
                for (int k = 0; k < n; k++) {
                    corrected += hornerDouble(coeffs, nCoeffs, npix, p, frames[k] + offset);
                }
                if ((gdq[g * npix + p] & SAT) == 0) {
                    d[g * npix + p] = (float) (corrected / n);
                }
            }
        }
    }

    /** c0 + c1 x + ... by Horner's rule in float32, as numpy on float32 arrays. */
    private static float hornerFloat(float[] c, int n, int npix, int p, float x) {
        float r = c[(n - 1) * npix + p] * x;
        for (int j = n - 2; j >= 1; j--) {
            r = (r + c[j * npix + p]) * x;
        }
        return r + c[p];
    }

    /** The same with float32 coefficients on float64 values: numpy promotes to float64. */
    private static double hornerDouble(float[] c, int n, int npix, int p, double x) {
        double r = c[(n - 1) * npix + p] * x;
        for (int j = n - 2; j >= 1; j--) {
            r = (r + c[j * npix + p]) * x;
        }
        return r + c[p];
    }
}
