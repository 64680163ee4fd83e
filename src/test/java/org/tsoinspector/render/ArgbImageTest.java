package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Shrinking a mask for a zoomed-out view: every set pixel still shows, the most opaque wins its block. */
class ArgbImageTest {

    @Test
    void maxPoolingKeepsEverySetPixelAndTheMostOpaqueOfABlock() {
        int w = 2048;
        int h = 256;
        int[] argb = new int[w * h];
        Random rnd = new Random(7);
        for (int n = 0; n < 2328; n++) {
            argb[rnd.nextInt(argb.length)] = 0xFFFF3030;
        }
        ArgbImage mask = new ArgbImage(w, h, argb);
        for (int k : new int[] {2, 3, 5}) {
            ArgbImage p = mask.maxPooled(k);
            assertEquals((w + k - 1) / k, p.width());
            assertEquals((h + k - 1) / k, p.height());
            for (int i = 0; i < argb.length; i++) {
                if (argb[i] != 0) {
                    assertEquals(0xFFFF3030, p.pixel((i % w) / k, (i / w) / k), "pixel " + i + " at factor " + k);
                }
            }
        }
        ArgbImage two = new ArgbImage(2, 1, new int[] {0x40FF0000, 0xC000FF00});
        assertEquals(0xC000FF00, two.maxPooled(2).pixel(0, 0), "the most opaque of the block");
        assertSame(mask, mask.maxPooled(1));
    }
}
