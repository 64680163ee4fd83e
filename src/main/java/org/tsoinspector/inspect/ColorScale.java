package org.tsoinspector.inspect;

import org.tsoinspector.render.ArgbImage;
import org.tsoinspector.render.Colorbar;
import org.tsoinspector.render.DisplayRange;
import org.tsoinspector.render.FrameRenderer;

/**
 * The colour scale a picture was drawn with, for its colour bar: the strip at any length (the bar
 * follows the window's width), the range and tick values.
 */
public record ColorScale(FrameRenderer renderer) {

    public DisplayRange range() {
        return renderer.range();
    }

    /** A one-pixel-high strip of {@code length} colours from the range's low end to its high end. */
    public ArgbImage strip(int length) {
        return Colorbar.strip(renderer, length, 1, false);
    }

    /** About {@code count} round values within the range. */
    public double[] ticks(int count) {
        return Colorbar.ticks(renderer.range(), count);
    }

    /** A tick's text, as the read-out writes values (integers without decimals). */
    public static String tickLabel(double t) {
        return PixelReadout.formatValue((float) t);
    }
}
