package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;
import org.tsoinspector.analysis.PixelMask;

/** Exported frames are drawn the way the window shows them; yes/no maps get a two-entry legend. */
class ImageChartsTest {

    /** viridis: neither end is the white or black of the chart around the image. */
    private static final FrameRenderer VIRIDIS = new FrameRenderer(Colormap.named("viridis"), Stretch.LINEAR,
            new DisplayRange(0, 1));

    /** Row 0 yellow, the others purple: where the white row lands in the PNG says where row 0 is drawn. */
    @Test
    void rowZeroIsAtTheBottomWhenTheOriginIsAndAtTheTopOtherwise() {
        int ny = 8;
        int nx = 8;
        float[] frame = new float[ny * nx];
        for (int x = 0; x < nx; x++) {
            frame[x] = 1;
        }
        assertTrue(whiteRowNearBottom(ImageCharts.frame("t", frame, ny, nx, VIRIDIS, "DN", true)));
        assertFalse(whiteRowNearBottom(ImageCharts.frame("t", frame, ny, nx, VIRIDIS, "DN", false)));
    }

    /** True when, down the chart's middle column, the row-0 colour lies below the colour of the other rows. */
    private static boolean whiteRowNearBottom(JFreeChart chart) {
        BufferedImage img = chart.createBufferedImage(400, 400);
        int bright = VIRIDIS.color(1) & 0xFFFFFF;
        int dark = VIRIDIS.color(0) & 0xFFFFFF;
        double brightY = 0;
        double darkY = 0;
        int nb = 0;
        int nd = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            int rgb = img.getRGB(150, y) & 0xFFFFFF;
            if (rgb == dark) {
                darkY += y;
                nd++;
            } else if (rgb == bright) {
                brightY += y;
                nb++;
            }
        }
        return nb > 0 && nd > 0 && brightY / nb > darkY / nd;
    }

    @Test
    void aMaskHasALegendOfTwoEntriesAndNoColourBar() {
        boolean[] set = new boolean[16];
        set[3] = true;
        set[9] = true;
        JFreeChart chart = ImageCharts.mask("Special pixels", new PixelMask("special pixels", 4, 4, set));
        int legends = 0;
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            assertFalse(chart.getSubtitle(i) instanceof PaintScaleLegend, "no 0..1 colour bar");
            if (chart.getSubtitle(i) instanceof LegendTitle l) {
                legends++;
                assertEquals(2, l.getSources()[0].getLegendItems().getItemCount());
                assertEquals("special pixels (2)", l.getSources()[0].getLegendItems().get(0).getLabel());
            }
        }
        assertEquals(1, legends);
    }
}
