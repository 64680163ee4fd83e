package org.tsoinspector.render;

/**
 * Turns a float frame into ARGB pixels through display limits, a stretch and a colormap, row 0 at
 * the top as the notebook's imshow draws it. Values go through a 4096-step lookup table so a
 * 256 x 2048 frame takes about a millisecond; NaN pixels are transparent.
 */
public final class FrameRenderer {

    /** Lookup steps between the limits: finer than any colormap, coarse enough to stay in cache. */
    private static final int STEPS = 4096;
    /** Colour of NaN samples (no data): transparent, so the background shows. */
    public static final int NAN_ARGB = 0x00000000;

    private final Colormap colormap;
    private final Stretch stretch;
    private final DisplayRange range;
    private final int[] lut;

    public FrameRenderer(Colormap colormap, Stretch stretch, DisplayRange range) {
        this.colormap = colormap;
        this.stretch = stretch;
        this.range = range;
        this.lut = new int[STEPS];
        for (int k = 0; k < STEPS; k++) {
            lut[k] = colormap.colorAt(stretch.apply(k / (double) (STEPS - 1)));
        }
    }

    public Colormap colormap() {
        return colormap;
    }

    public Stretch stretch() {
        return stretch;
    }

    public DisplayRange range() {
        return range;
    }

    /** The ARGB colour one value is drawn with. */
    public int color(double v) {
        if (Double.isNaN(v)) {
            return NAN_ARGB;
        }
        return lut[step(v)];
    }

    private int step(double v) {
        double k = (v - range.low()) * ((STEPS - 1) / (range.high() - range.low())) + 0.5;
        return k <= 0 ? 0 : k >= STEPS - 1 ? STEPS - 1 : (int) k;
    }

    /** Renders a row-major ny x nx frame. */
    public ArgbImage render(float[] frame, int ny, int nx) {
        if (frame.length != ny * nx) {
            throw new IllegalArgumentException("frame has " + frame.length + " samples, not " + ny + " x " + nx);
        }
        int[] out = new int[frame.length];
        renderInto(frame, out);
        return new ArgbImage(nx, ny, out);
    }

    /** Renders into a caller's buffer of the same length (the window reuses one per view). */
    public void renderInto(float[] frame, int[] out) {
        final double low = range.low();
        final double k = (STEPS - 1) / (range.high() - range.low());
        final int[] table = lut;
        for (int i = 0; i < frame.length; i++) {
            float v = frame[i];
            if (v != v) {
                out[i] = NAN_ARGB;
                continue;
            }
            double s = (v - low) * k + 0.5;
            out[i] = table[s <= 0 ? 0 : s >= STEPS - 1 ? STEPS - 1 : (int) s];
        }
    }
}
