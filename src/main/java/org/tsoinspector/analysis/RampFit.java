package org.tsoinspector.analysis;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

/**
 * One pixel's samples up the ramp with a least-squares straight line through them and the residuals,
 * as the notebook's {@code np.polyfit(np.arange(ngroups) + 1, data[0, :, y, x], 1)}.
 *
 * @param groupNumbers 1-based group numbers (the x of the fit, as in the notebook)
 * @param samples      the pixel's value in each group
 * @param groupDq      the pixel's group DQ byte in each group (0..255)
 * @param used         whether each group entered the fit
 * @param slope        counts per group; NaN when fewer than two groups were usable
 * @param intercept    value of the line at group number 0
 * @param residuals    sample minus line, for every group (also those left out of the fit)
 */
public record RampFit(int y, int x, double[] groupNumbers, double[] samples, int[] groupDq, boolean[] used,
        double slope, double intercept, double[] residuals) {

    /** Group DQ that makes a sample unfit for a line: saturated or marked do-not-use. */
    private static final int EXCLUDED = DqFlag.SATURATED.value() | DqFlag.DO_NOT_USE.value();

    /**
     * Fits pixel (y, x) of a ramp.
     *
     * @param skipFlagged leave out groups flagged SATURATED or DO_NOT_USE (and NaN samples, always),
     *                    like ramp fitting does; false fits every finite sample, like the notebook
     */
    public static RampFit of(Ramp ramp, int y, int x, boolean skipFlagged) {
        if (y < 0 || y >= ramp.ny() || x < 0 || x >= ramp.nx()) {
            throw new IllegalArgumentException("pixel (" + x + ", " + y + ") is outside the "
                    + ramp.nx() + " x " + ramp.ny() + " frame");
        }
        int n = ramp.nGroups();
        double[] groups = new double[n];
        double[] samples = new double[n];
        int[] dq = new int[n];
        boolean[] used = new boolean[n];
        SimpleRegression regression = new SimpleRegression(true);
        for (int g = 0; g < n; g++) {
            groups[g] = g + 1;
            samples[g] = ramp.sample(g, y, x);
            dq[g] = ramp.groupDq(g, y, x);
            used[g] = Double.isFinite(samples[g]) && !(skipFlagged && (dq[g] & EXCLUDED) != 0);
            if (used[g]) {
                regression.addData(groups[g], samples[g]);
            }
        }
        return fitted(y, x, groups, samples, dq, used, regression);
    }

    /**
     * The ramp of a box: in each group the mean or median of the box's pixels (those not flagged
     * SATURATED or DO_NOT_USE in that group when {@code skipFlagged}, and never NaN ones), fitted like
     * one pixel's; a group with no usable pixel is NaN and left out. The group DQ is 0: the flags
     * belong to pixels, not to the box. (y, x) of the result is the box's first row and column.
     */
    public static RampFit ofRegion(Ramp ramp, Region box, RampExtraction how, boolean skipFlagged) {
        if (how == RampExtraction.PIXEL) {
            throw new IllegalArgumentException("a box is reduced by its mean or median, not " + how);
        }
        box.checkInside(ramp.ny(), ramp.nx());
        int n = ramp.nGroups();
        double[] groups = new double[n];
        double[] samples = new double[n];
        boolean[] used = new boolean[n];
        double[] values = new double[box.height() * box.width()];
        SimpleRegression regression = new SimpleRegression(true);
        for (int g = 0; g < n; g++) {
            groups[g] = g + 1;
            int k = 0;
            for (int y = box.y0(); y < box.y1(); y++) {
                for (int x = box.x0(); x < box.x1(); x++) {
                    double v = ramp.sample(g, y, x);
                    if (Double.isFinite(v) && !(skipFlagged && (ramp.groupDq(g, y, x) & EXCLUDED) != 0)) {
                        values[k++] = v;
                    }
                }
            }
            samples[g] = k == 0 ? Double.NaN : how == RampExtraction.MEAN ? mean(values, k)
                    : Statistics.nanMedian(java.util.Arrays.copyOf(values, k));
            used[g] = k > 0;
            if (used[g]) {
                regression.addData(groups[g], samples[g]);
            }
        }
        return fitted(box.y0(), box.x0(), groups, samples, new int[n], used, regression);
    }

    private static double mean(double[] v, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += v[i];
        }
        return sum / n;
    }

    private static RampFit fitted(int y, int x, double[] groups, double[] samples, int[] dq, boolean[] used,
            SimpleRegression regression) {
        double slope = regression.getN() >= 2 ? regression.getSlope() : Double.NaN;
        double intercept = regression.getN() >= 2 ? regression.getIntercept() : Double.NaN;
        double[] residuals = new double[groups.length];
        for (int g = 0; g < groups.length; g++) {
            residuals[g] = samples[g] - (intercept + slope * groups[g]);
        }
        return new RampFit(y, x, groups, samples, dq, used, slope, intercept, residuals);
    }

    /** The line's value at each group number. */
    public double[] fitted() {
        double[] out = new double[groupNumbers.length];
        for (int g = 0; g < out.length; g++) {
            out[g] = intercept + slope * groupNumbers[g];
        }
        return out;
    }

    /** Number of groups that entered the fit. */
    public int usedCount() {
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        return n;
    }
}
