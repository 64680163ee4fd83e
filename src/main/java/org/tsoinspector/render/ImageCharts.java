package org.tsoinspector.render;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.DefaultXYDataset;
import org.tsoinspector.analysis.PixelMask;

/**
 * Images inside axes with a colorbar, as the notebook's imshow figures: a frame of one
 * integration and group, or a mask (special or saturated pixels) drawn 0/1.
 */
public final class ImageCharts {

    private ImageCharts() {
    }

    /**
     * A frame through a renderer, with a colorbar labelled valueLabel.
     *
     * @param originAtBottom row 0 at the bottom, as DS9 and the window by default draw it; else at the top
     */
    public static JFreeChart frame(String title, float[] frame, int ny, int nx, FrameRenderer renderer,
            String valueLabel, boolean originAtBottom) {
        JFreeChart chart = image(title, frame, ny, nx, renderer, false, originAtBottom);
        chart.addSubtitle(ColorScaleLegend.of(renderer, valueLabel));
        return chart;
    }

    /**
     * A mask drawn as the notebook does (viridis, 0 = clear, 1 = set), row 0 at the bottom; set pixels
     * never vanish when shrunk. A yes/no map gets a two-entry legend, not a colour bar of 0 to 1.
     */
    public static JFreeChart mask(String title, PixelMask mask) {
        Colormap viridis = Colormap.named("viridis");
        FrameRenderer r = new FrameRenderer(viridis, Stretch.LINEAR, new DisplayRange(0, 1));
        JFreeChart chart = image(title + " (" + mask.count() + " pixels)", MaskOverlay.asFrame(mask), mask.ny(),
                mask.nx(), r, true, true);
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        java.awt.Shape swatch = new java.awt.geom.Rectangle2D.Double(-6, -6, 12, 12);
        items.add(new org.jfree.chart.LegendItem(mask.name() + " (" + mask.count() + ")", null, null, null, swatch,
                new java.awt.Color(viridis.colorAt(1), true)));
        items.add(new org.jfree.chart.LegendItem("other pixels", null, null, null, swatch,
                new java.awt.Color(viridis.colorAt(0), true)));
        org.jfree.chart.title.LegendTitle legend = new org.jfree.chart.title.LegendTitle(() -> items);
        legend.setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
        legend.setItemFont(ChartStyle.LABEL_FONT);
        legend.setBackgroundPaint(java.awt.Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    private static JFreeChart image(String title, float[] frame, int ny, int nx, FrameRenderer renderer,
            boolean keepSetPixels, boolean originAtBottom) {
        NumberAxis x = ChartStyle.axis("Column pixel index");
        x.setRange(-0.5, nx - 0.5);
        NumberAxis y = ChartStyle.axis("Row pixel index");
        y.setRange(-0.5, ny - 0.5);
        y.setInverted(!originAtBottom);
        XYPlot plot = ChartStyle.xyPlot(new DefaultXYDataset(), x, y, ChartStyle.lines(false, false));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.addAnnotation(new FrameAnnotation(frame, ny, nx, renderer, keepSetPixels));
        return ChartStyle.chart(title, plot, false);
    }
}
