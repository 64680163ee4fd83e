package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.tsoinspector.analysis.PixelMask;

class FrameRendererTest {

    @Test
    void colormapTablesLoadWithKnownEndColours() {
        for (String name : Colormap.NAMES) {
            assertEquals(256, Colormap.named(name).argb().length, name);
        }
        // matplotlib's viridis runs from #440154 to #fde725; gray from black to white
        assertEquals(0xFF440154, Colormap.named("viridis").argb()[0]);
        assertEquals(0xFFFDE725, Colormap.named("viridis").argb()[255]);
        assertEquals(0xFF000000, Colormap.named("gray").colorAt(0));
        assertEquals(0xFFFFFFFF, Colormap.named("gray").colorAt(1));
        assertTrue(Colormap.named("coolwarm").isDiverging());
        assertThrows(IllegalArgumentException.class, () -> Colormap.named("jet"));
    }

    @Test
    void stretchesMapEndsToEndsAndBendTheMiddle() {
        for (Stretch s : Stretch.values()) {
            assertEquals(0, s.apply(0), 1e-12, s.id());
            assertEquals(1, s.apply(1), 1e-12, s.id());
            assertEquals(0.3, s.apply(s.inverse(0.3)), 1e-9, s.id());
        }
        assertEquals(0.25, Stretch.LINEAR.apply(0.25), 0);
        assertEquals(0.5, Stretch.SQRT.apply(0.25), 1e-12);
        assertEquals(Math.log(251) / Math.log(1001), Stretch.LOG.apply(0.25), 1e-12);
        double asinh25 = Math.log(2.5 + Math.sqrt(2.5 * 2.5 + 1));
        double asinh10 = Math.log(10 + Math.sqrt(101));
        assertEquals(asinh25 / asinh10, Stretch.ASINH.apply(0.25), 1e-12);
        assertEquals(Stretch.ASINH, Stretch.fromId("asinh"));
    }

    @Test
    void grayLinearRenderingGivesExpectedGreysAndTransparentNan() {
        FrameRenderer r = new FrameRenderer(Colormap.named("gray"), Stretch.LINEAR, new DisplayRange(0, 100));
        ArgbImage img = r.render(new float[] {-5, 0, 50, 100, 1e9f, Float.NaN}, 2, 3);
        assertEquals(3, img.width());
        assertEquals(2, img.height());
        assertEquals(0xFF000000, img.pixel(0, 0));
        assertEquals(0xFF000000, img.pixel(1, 0));
        int mid = img.pixel(2, 0) & 0xFF;
        assertTrue(mid == 127 || mid == 128, "mid grey was " + mid);
        assertEquals(0xFFFFFFFF, img.pixel(0, 1));
        assertEquals(0xFFFFFFFF, img.pixel(1, 1));
        assertEquals(FrameRenderer.NAN_ARGB, img.pixel(2, 1));
    }

    @Test
    void renderingAFullSubstripIsFast() {
        // not a timing assertion: a smoke check that the whole 256 x 2048 buffer is filled
        float[] f = new float[256 * 2048];
        for (int i = 0; i < f.length; i++) {
            f[i] = i % 2048;
        }
        FrameRenderer r = new FrameRenderer(Colormap.named("viridis"), Stretch.ASINH,
                Limits.MINMAX.of(f, new DisplayRange(0, 1)));
        ArgbImage img = r.render(f, 256, 2048);
        assertEquals(Colormap.named("viridis").argb()[0], img.pixel(0, 255));
        assertEquals(Colormap.named("viridis").argb()[255], img.pixel(2047, 0));
        BufferedImage b = img.toBufferedImage();
        assertEquals(2048, b.getWidth());
        assertEquals(img.pixel(5, 7), b.getRGB(5, 7));
    }

    @Test
    void limitsFollowNumpyPercentiles() {
        float[] v = new float[101];
        for (int i = 0; i <= 100; i++) {
            v[i] = i;
        }
        v[3] = Float.NaN; // ignored: 100 finite values 0..100 without 3
        DisplayRange none = new DisplayRange(-1, 1);
        assertEquals(new DisplayRange(0, 100), Limits.MINMAX.of(v, none));
        float[] w = new float[101];
        for (int i = 0; i <= 100; i++) {
            w[i] = i;
        }
        DisplayRange p95 = Limits.PERCENTILE_95.of(w, none);
        assertEquals(2.5, p95.low(), 1e-9);
        assertEquals(97.5, p95.high(), 1e-9);
        DisplayRange p995 = Limits.PERCENTILE_99_5.of(w, none);
        assertEquals(0.25, p995.low(), 1e-9);
        assertEquals(99.75, p995.high(), 1e-9);
        assertEquals(none, Limits.MANUAL.of(w, none));
        assertEquals(none, Limits.PERCENTILE_99.of(new float[] {Float.NaN}, none));
        assertEquals(Limits.PERCENTILE_99_5, Limits.fromLabel("99.5"));
    }

    @Test
    void zscaleOfALinearRampIsItsFullRangeAndIgnoresOutliers() {
        float[] v = new float[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        DisplayRange z = Limits.ZSCALE.of(v, new DisplayRange(0, 1));
        // slope 1 / contrast 0.25 = 4 around median 499.5: clipped to the data range
        assertEquals(0, z.low(), 1e-6);
        assertEquals(999, z.high(), 1e-6);
        // flat noise-free background with a few huge outliers: zscale stays on the background
        float[] flat = new float[1000];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) (100 + rnd.nextGaussian());
        }
        flat[10] = 1e6f;
        flat[500] = -1e6f;
        DisplayRange zf = Limits.ZSCALE.of(flat, new DisplayRange(0, 1));
        assertTrue(zf.low() > 90 && zf.high() < 110, "zscale " + zf);
    }

    @Test
    void maskOverlayBlendsOverTheImage() {
        PixelMask m = new PixelMask("m", 1, 2, new boolean[] {true, false});
        ArgbImage over = MaskOverlay.of(m, 0xFF0000, 0.5);
        assertEquals(0x80FF0000, over.pixel(0, 0));
        assertEquals(0, over.pixel(1, 0));
        ArgbImage base = new ArgbImage(2, 1, new int[] {0xFF0000FF, 0xFF00FF00});
        ArgbImage out = base.over(over);
        assertEquals(0xFF80007F, out.pixel(0, 0));
        assertEquals(0xFF00FF00, out.pixel(1, 0));
        assertArrayEquals(new float[] {1, 0}, MaskOverlay.asFrame(m));
    }

    @Test
    void colorbarRunsFromLowToHighAndTicksAreRound() {
        FrameRenderer r = new FrameRenderer(Colormap.named("gray"), Stretch.LINEAR, new DisplayRange(0, 10));
        ArgbImage bar = Colorbar.strip(r, 100, 8, true);
        assertEquals(8, bar.width());
        assertEquals(100, bar.height());
        assertEquals(0xFFFFFFFF, bar.pixel(0, 0));
        assertEquals(0xFF000000, bar.pixel(7, 99));
        assertArrayEquals(new double[] {0, 2, 4, 6, 8, 10}, Colorbar.ticks(new DisplayRange(0, 10), 5), 1e-12);
        assertArrayEquals(new double[] {-200, 0, 200}, Colorbar.ticks(new DisplayRange(-250, 250), 3), 1e-12);
    }
}
