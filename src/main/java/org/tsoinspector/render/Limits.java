package org.tsoinspector.render;

import java.util.Arrays;

/**
 * How an image's display range is chosen from its finite values (NaN ignored): min/max, a central
 * percentile interval as astropy's PercentileInterval, zscale, or limits the user typed.
 */
public enum Limits {
    MINMAX("minmax", 100),
    PERCENTILE_99_5("99.5%", 99.5),
    PERCENTILE_99("99%", 99),
    PERCENTILE_95("95%", 95),
    ZSCALE("zscale", Double.NaN),
    MANUAL("manual", Double.NaN);

    /** Above this many values, percentiles are taken on an evenly strided sample: fast enough to follow a slider. */
    private static final int MAX_SORTED = 1 << 20;

    private final String label;
    private final double percent;

    Limits(String label, double percent) {
        this.label = label;
        this.percent = percent;
    }

    /** Menu label ("99.5%", "zscale", ...). */
    public String label() {
        return label;
    }

    /**
     * The display range of a frame.
     *
     * @param manual used for {@link #MANUAL}, and returned when the frame has no finite value
     */
    public DisplayRange of(float[] values, DisplayRange manual) {
        if (this == MANUAL) {
            return manual;
        }
        if (this == ZSCALE) {
            DisplayRange z = ZScale.of(values);
            return z == null ? manual : z;
        }
        float[] v = finiteSample(values, MAX_SORTED);
        if (v.length == 0) {
            return manual;
        }
        if (this == MINMAX) {
            float lo = v[0];
            float hi = v[0];
            for (float x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            return new DisplayRange(lo, hi);
        }
        Arrays.sort(v);
        double tail = (100 - percent) / 2;
        return new DisplayRange(sortedPercentile(v, tail), sortedPercentile(v, 100 - tail));
    }

    /** The finite values, or for MINMAX all of them; an evenly strided subset when there are more than max. */
    private float[] finiteSample(float[] values, int max) {
        int stride = this == MINMAX ? 1 : Math.max(1, values.length / max);
        float[] out = new float[(values.length + stride - 1) / stride];
        int n = 0;
        for (int i = 0; i < values.length; i += stride) {
            if (Float.isFinite(values[i])) {
                out[n++] = values[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** numpy's default (linear) percentile of sorted values. */
    static double sortedPercentile(float[] sorted, double p) {
        double pos = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /** The limits of a menu label or option name ("minmax", "99.5", "99.5%", "zscale", "manual"). */
    public static Limits fromLabel(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        for (Limits l : values()) {
            if (l.label.equals(t) || l.label.equals(t + "%")) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown limits '" + s + "' (expected minmax, 99.5, 99, 95, zscale or manual)");
    }
}
