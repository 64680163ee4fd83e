package org.tsoinspector.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A frame drawn inside a chart's axes, pixel (x, y) centred on data coordinates (x, y) as imshow
 * does. It is coloured at draw time at the resolution it occupies on screen: when shrinking, a
 * mask keeps every set pixel visible (maximum of each block) instead of dropping most of them.
 */
final class FrameAnnotation extends AbstractXYAnnotation {

    private final float[] frame;
    private final int ny;
    private final int nx;
    private final FrameRenderer renderer;
    private final boolean maxWhenShrinking;

    FrameAnnotation(float[] frame, int ny, int nx, FrameRenderer renderer, boolean maxWhenShrinking) {
        this.frame = frame;
        this.ny = ny;
        this.nx = nx;
        this.renderer = renderer;
        this.maxWhenShrinking = maxWhenShrinking;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double x0 = domainAxis.valueToJava2D(-0.5, dataArea, xEdge);
        double x1 = domainAxis.valueToJava2D(nx - 0.5, dataArea, xEdge);
        double y0 = rangeAxis.valueToJava2D(-0.5, dataArea, yEdge);
        double y1 = rangeAxis.valueToJava2D(ny - 0.5, dataArea, yEdge);
        int left = (int) Math.round(Math.min(x0, x1));
        int top = (int) Math.round(Math.min(y0, y1));
        int w = Math.max(1, (int) Math.round(Math.abs(x1 - x0)));
        int h = Math.max(1, (int) Math.round(Math.abs(y1 - y0)));
        int fx = maxWhenShrinking ? Math.max(1, nx / w) : 1;
        int fy = maxWhenShrinking ? Math.max(1, ny / h) : 1;
        ArgbImage img = fx == 1 && fy == 1 ? renderer.render(frame, ny, nx) : pooledMax(fx, fy);
        // Row 0 is the image's top row; when the axis puts row 0 at the bottom, flip on drawing.
        boolean flip = y0 > y1;
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        // the rows are flipped in the picture, not by a mirrored destination: JavaFX's Graphics2D (a chart in
        // the window) refuses a negative height
        g2.drawImage((flip ? upsideDown(img) : img).toBufferedImage(), left, top, w, h, null);
    }

    private static ArgbImage upsideDown(ArgbImage img) {
        int[] out = new int[img.argb().length];
        for (int y = 0; y < img.height(); y++) {
            System.arraycopy(img.argb(), y * img.width(), out, (img.height() - 1 - y) * img.width(), img.width());
        }
        return new ArgbImage(img.width(), img.height(), out);
    }

    /** The frame reduced by fx x fy blocks to their largest finite value, then coloured. */
    private ArgbImage pooledMax(int fx, int fy) {
        int py = (ny + fy - 1) / fy;
        int px = (nx + fx - 1) / fx;
        float[] pooled = new float[py * px];
        java.util.Arrays.fill(pooled, Float.NaN);
        for (int y = 0; y < ny; y++) {
            int row = (y / fy) * px;
            for (int x = 0; x < nx; x++) {
                float v = frame[y * nx + x];
                int k = row + x / fx;
                if (v == v && !(pooled[k] >= v)) {
                    pooled[k] = v;
                }
            }
        }
        return renderer.render(pooled, py, px);
    }
}
