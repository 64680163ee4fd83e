package org.tsoinspector.analysis;

/**
 * Equal-width bins over [min, max), in the value itself or in its logarithm (then min must be
 * positive). Used for both axes of the group-difference ratio histogram.
 */
public record BinAxis(double min, double max, int bins, boolean log) {

    /** Returned by {@link #bin} for values below min, NaN included. */
    public static final int BELOW = -1;

    public BinAxis {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one bin, not " + bins);
        }
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("bin range [" + min + ", " + max + ") is empty or not finite");
        }
        if (log && min < Double.MIN_NORMAL) {
            throw new IllegalArgumentException("a logarithmic axis needs a positive minimum, not " + min);
        }
    }

    public static BinAxis linear(double min, double max, int bins) {
        return new BinAxis(min, max, bins, false);
    }

    public static BinAxis logarithmic(double min, double max, int bins) {
        return new BinAxis(min, max, bins, true);
    }

    /** The binned coordinate: the value, or its base-2 logarithm (fast, as the histogram's loop uses it). */
    double forward(double v) {
        return log ? FastLog2.log2(v) : v;
    }

    private double inverse(double u) {
        return log ? Math.pow(2, u) : u;
    }

    /** Bins per unit of the (possibly logarithmic) coordinate. */
    double scale() {
        return bins / (forward(max) - forward(min));
    }

    /**
     * Bin of a value: 0..bins-1 inside, {@link #BELOW} below min (or NaN), {@code bins} at or above max.
     * A value exactly on an inner edge may land on either side of it by rounding.
     */
    public int bin(double v) {
        if (!(v >= min)) {
            return BELOW;
        }
        if (v >= max) {
            return bins;
        }
        int b = (int) ((forward(v) - forward(min)) * scale());
        return Math.min(b, bins - 1);
    }

    /** Lower edge of bin i. */
    public double lowerEdge(int i) {
        return inverse(forward(min) + i / scale());
    }

    /** Upper edge of bin i. */
    public double upperEdge(int i) {
        return lowerEdge(i + 1);
    }

    /** Centre of bin i in the binned coordinate (geometric centre for a log axis). */
    public double center(int i) {
        return inverse(forward(min) + (i + 0.5) / scale());
    }
}
