package org.tsoinspector.render;

/** The values drawn with the lowest and the highest colour; values outside are clamped. */
public record DisplayRange(double low, double high) {

    public DisplayRange {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("display limits must be finite, not " + low + ", " + high);
        }
        if (high <= low) {
            // A flat frame still has to draw: widen it symmetrically.
            double pad = Math.max(Math.abs(low) * 1e-6, 0.5);
            double mid = 0.5 * (low + high);
            low = mid - pad;
            high = mid + pad;
        }
    }

    /** Position of v between the limits, not clamped. */
    public double fraction(double v) {
        return (v - low) / (high - low);
    }

    /** The smallest range that holds this one and another. */
    public DisplayRange union(DisplayRange other) {
        return new DisplayRange(Math.min(low, other.low), Math.max(high, other.high));
    }

    /** A range symmetric about 0 that holds this one: for a diverging colormap on a difference. */
    public DisplayRange symmetric() {
        double m = Math.max(Math.abs(low), Math.abs(high));
        return new DisplayRange(-m, m);
    }
}
