package org.tsoinspector.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Colours for the overlays drawn over a frame that stay distinct from the frame's colormap and from
 * each other: an overlay keeps its own colour unless the colormap holds one near it (red special
 * pixels on the red half of coolwarm, amber flags on viridis' yellow), then takes the candidate
 * farthest from the colormap and from the overlays already coloured.
 */
public final class OverlayColors {

    /** Nearer than this (RGB distance, 0..441) to a colour of the map, an overlay pixel reads as data. */
    static final double MIN_DISTANCE = 110;

    private static final int[] CANDIDATES = {0xFF3030, 0xFFB000, 0xFF00FF, 0x00D0FF, 0x40FF40, 0xFFFFFF, 0x000000,
        0xFF7000, 0x2040FF, 0x00FFC0};

    private OverlayColors() {
    }

    /**
     * @param preferred each overlay's own colour (0xRRGGBB), in drawing order
     * @return the colours to draw them in, one per preferred colour
     */
    public static int[] choose(Colormap map, int[] preferred) {
        List<Integer> samples = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            samples.add(map.colorAt(i / 63.0) & 0xFFFFFF);
        }
        int[] out = new int[preferred.length];
        List<Integer> taken = new ArrayList<>();
        for (int k = 0; k < preferred.length; k++) {
            int c = preferred[k];
            if (distanceTo(c, samples) < MIN_DISTANCE || distanceTo(c, taken) < MIN_DISTANCE) {
                c = best(samples, taken);
            }
            out[k] = c;
            taken.add(c);
        }
        return out;
    }

    /** The candidate whose nearest colour among the map and the taken overlays is farthest. */
    private static int best(List<Integer> map, List<Integer> taken) {
        int best = CANDIDATES[0];
        double bestDistance = -1;
        for (int c : CANDIDATES) {
            double d = Math.min(distanceTo(c, map), distanceTo(c, taken));
            if (d > bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static double distanceTo(int c, List<Integer> colors) {
        double d = Double.MAX_VALUE;
        for (int o : colors) {
            d = Math.min(d, distance(c, o));
        }
        return d;
    }

    static double distance(int a, int b) {
        int dr = (a >> 16 & 0xFF) - (b >> 16 & 0xFF);
        int dg = (a >> 8 & 0xFF) - (b >> 8 & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
