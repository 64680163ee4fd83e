package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** A frame exported at the suggested height shows its pixels square. */
class SquarePixelTest {

    @Test
    void theSuggestedHeightGivesTheDataAreaTheFramesAspectRatio() {
        for (int[] shape : new int[][] {{256, 2048}, {96, 2048}, {2048, 2048}, {16, 64}}) {
            int ny = shape[0];
            int nx = shape[1];
            float[] frame = new float[ny * nx];
            for (int p = 0; p < frame.length; p++) {
                frame[p] = p % 977;
            }
            FrameRenderer r = new FrameRenderer(Colormap.named("gray"), Stretch.LINEAR,
                    Limits.MINMAX.of(frame, null));
            JFreeChart chart = ImageCharts.frame("frame " + ny + " x " + nx, frame, ny, nx, r, "DN", true);
            Figure f = Figure.of("frame", chart);
            Caption caption = new Caption("x_uncal.fits", 1, 1, "raw");
            int height = FigureImage.squarePixelHeight(f, caption, 1600, ny, nx);
            // lay the chart out at that size, caption included, and measure its data area
            BufferedImage img = new BufferedImage(1600, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            int captionHeight = g.getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN,
                    Math.max(10, Math.min(14, height / 40)))).getHeight() + 8;
            chart.draw(g, new Rectangle2D.Double(0, 0, 1600, height - captionHeight), info);
            g.dispose();
            Rectangle2D data = info.getPlotInfo().getDataArea();
            double pixelWidth = data.getWidth() / nx;
            double pixelHeight = data.getHeight() / ny;
            assertEquals(1.0, pixelHeight / pixelWidth, 2.0 / Math.min(data.getHeight(), data.getWidth()),
                    ny + " x " + nx + " at 1600 x " + height + ": " + data);
        }
    }
}
