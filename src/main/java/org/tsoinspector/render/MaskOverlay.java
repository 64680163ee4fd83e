package org.tsoinspector.render;

import org.tsoinspector.analysis.PixelMask;

/** Draws a pixel mask as a layer: one colour with its own opacity where set, transparent elsewhere. */
public final class MaskOverlay {

    private MaskOverlay() {
    }

    /**
     * The overlay of a mask.
     *
     * @param rgb     colour, 0xRRGGBB
     * @param opacity 0 (invisible) .. 1 (opaque)
     */
    public static ArgbImage of(PixelMask mask, int rgb, double opacity) {
        int alpha = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        int color = alpha << 24 | (rgb & 0xFFFFFF);
        boolean[] set = mask.set();
        int[] out = new int[set.length];
        for (int i = 0; i < set.length; i++) {
            if (set[i]) {
                out[i] = color;
            }
        }
        return new ArgbImage(mask.nx(), mask.ny(), out);
    }

    /** The mask as 0/1 values, to draw it as an image the way the notebook does (clim 0..1). */
    public static float[] asFrame(PixelMask mask) {
        boolean[] set = mask.set();
        float[] out = new float[set.length];
        for (int i = 0; i < set.length; i++) {
            out[i] = set[i] ? 1f : 0f;
        }
        return out;
    }
}
