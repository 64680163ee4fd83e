package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Overlay colours stay apart from every colormap's colours and from each other. */
class OverlayColorsTest {

    private static final int[] PREFERRED = {0xFF3030, 0xFFB000, 0xFF00FF, 0x00D0FF};

    @Test
    void onEveryColormapAndItsInverseEachOverlayIsFarFromTheMapAndTheOthers() {
        for (String name : Colormap.NAMES) {
            for (Colormap map : new Colormap[] {Colormap.named(name), Colormap.named(name).inverted()}) {
                int[] chosen = OverlayColors.choose(map, PREFERRED);
                for (int i = 0; i < chosen.length; i++) {
                    for (int s = 0; s <= 255; s++) {
                        double d = OverlayColors.distance(chosen[i], map.colorAt(s / 255.0) & 0xFFFFFF);
                        assertTrue(d >= OverlayColors.MIN_DISTANCE - 15, name + " overlay " + i + " "
                                + Integer.toHexString(chosen[i]) + " is " + d + " from the map at " + s);
                    }
                    for (int j = 0; j < i; j++) {
                        assertTrue(OverlayColors.distance(chosen[i], chosen[j]) >= OverlayColors.MIN_DISTANCE,
                                name + " overlays " + i + " and " + j);
                    }
                }
            }
        }
    }

    @Test
    void anOverlayKeepsItsColourWhereTheMapHasNoneLikeIt() {
        int[] gray = OverlayColors.choose(Colormap.named("gray"), PREFERRED);
        assertEquals(0xFF3030, gray[0], "red special pixels on gray");
        int[] coolwarm = OverlayColors.choose(Colormap.named("coolwarm"), PREFERRED);
        assertNotEquals(0xFF3030, coolwarm[0], "not red on the red half of the difference map");
    }
}
