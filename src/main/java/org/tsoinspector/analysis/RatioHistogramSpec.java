package org.tsoinspector.analysis;

/**
 * What a group-difference ratio histogram counts: the pairs, the binning of fluence (x) and ratio
 * (y), and whether pixels with a flagged group are left out. Equal specs give mergeable histograms.
 *
 * @param skipFlagged leave out a pixel when any group it uses is SATURATED or DO_NOT_USE: a saturated
 *                    difference measures the clipping, not the linearity
 */
public record RatioHistogramSpec(GroupPairs pairs, BinAxis fluence, BinAxis ratio, boolean skipFlagged) {

    /** Fluence from 10 to 100 000 DN on a log axis, 60 bins per decade. */
    public static final BinAxis DEFAULT_FLUENCE = BinAxis.logarithmic(10, 100_000, 240);
    /** Ratio from 0.5 to 1.5 as in the notebook, 200 bins. */
    public static final BinAxis DEFAULT_RATIO = BinAxis.linear(0.5, 1.5, 200);

    /** The notebook's plot: last pair over first pair, default axes, flagged pixels left out. */
    public static RatioHistogramSpec defaults(int nGroups) {
        return new RatioHistogramSpec(GroupPairs.lastOverFirst(nGroups), DEFAULT_FLUENCE, DEFAULT_RATIO, true);
    }

    /**
     * These pairs with the default axes, the ratio axis scaled to their {@link GroupPairs#linearRatio}
     * (0.5 to 1.5 times it), so that pairs of unequal spans still show around their linear value.
     */
    public static RatioHistogramSpec of(GroupPairs p) {
        double linear = p.linearRatio();
        double half = 0.5 * Math.abs(linear);
        return new RatioHistogramSpec(p, DEFAULT_FLUENCE, BinAxis.linear(linear - half, linear + half,
                DEFAULT_RATIO.bins()), true);
    }

    public RatioHistogramSpec withPairs(GroupPairs p) {
        return new RatioHistogramSpec(p, fluence, ratio, skipFlagged);
    }

    public RatioHistogramSpec withAxes(BinAxis fluenceAxis, BinAxis ratioAxis) {
        return new RatioHistogramSpec(pairs, fluenceAxis, ratioAxis, skipFlagged);
    }
}
