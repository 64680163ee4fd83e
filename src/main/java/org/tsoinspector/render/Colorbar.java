package org.tsoinspector.render;

/** A colour ramp with value ticks, matching how a {@link FrameRenderer} colours values. */
public final class Colorbar {

    private Colorbar() {
    }

    /**
     * The ramp as an image: {@code length} steps from the low to the high limit, drawn through the
     * stretch, low at the bottom (vertical) or at the left (horizontal).
     */
    public static ArgbImage strip(FrameRenderer renderer, int length, int thickness, boolean vertical) {
        DisplayRange r = renderer.range();
        int w = vertical ? thickness : length;
        int h = vertical ? length : thickness;
        int[] out = new int[w * h];
        for (int k = 0; k < length; k++) {
            double v = r.low() + (r.high() - r.low()) * k / Math.max(1, length - 1);
            int c = renderer.color(v);
            for (int t = 0; t < thickness; t++) {
                if (vertical) {
                    out[(length - 1 - k) * w + t] = c;
                } else {
                    out[t * w + k] = c;
                }
            }
        }
        return new ArgbImage(w, h, out);
    }

    /** About {@code count} round tick values (1, 2 or 5 times a power of ten apart) inside the range. */
    public static double[] ticks(DisplayRange range, int count) {
        double span = range.high() - range.low();
        double raw = span / Math.max(1, count);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double first = Math.ceil(range.low() / step) * step;
        int n = (int) Math.floor((range.high() - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
            if (Math.abs(t[i]) < step * 1e-9) {
                t[i] = 0;
            }
        }
        return t;
    }
}
