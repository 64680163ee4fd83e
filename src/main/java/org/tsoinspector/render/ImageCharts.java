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

    /** A frame through a renderer, row 0 at the top, with a colorbar labelled valueLabel. */
    public static JFreeChart frame(String title, float[] frame, int ny, int nx, FrameRenderer renderer,
            String valueLabel) {
        return image(title, frame, ny, nx, renderer, valueLabel, false);
    }

    /** A mask drawn as the notebook does (viridis, 0 = clear, 1 = set); set pixels never vanish when shrunk. */
    public static JFreeChart mask(String title, PixelMask mask) {
        FrameRenderer r = new FrameRenderer(Colormap.named("viridis"), Stretch.LINEAR, new DisplayRange(0, 1));
        return image(title + " (" + mask.count() + " pixels)", MaskOverlay.asFrame(mask), mask.ny(), mask.nx(), r,
                mask.name(), true);
    }

    private static JFreeChart image(String title, float[] frame, int ny, int nx, FrameRenderer renderer,
            String valueLabel, boolean keepSetPixels) {
        NumberAxis x = ChartStyle.axis("Column pixel index");
        x.setRange(-0.5, nx - 0.5);
        NumberAxis y = ChartStyle.axis("Row pixel index");
        y.setRange(-0.5, ny - 0.5);
        y.setInverted(true);
        XYPlot plot = ChartStyle.xyPlot(new DefaultXYDataset(), x, y, ChartStyle.lines(false, false));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.addAnnotation(new FrameAnnotation(frame, ny, nx, renderer, keepSetPixels));
        JFreeChart chart = ChartStyle.chart(title, plot, false);
        chart.addSubtitle(ColorScaleLegend.of(renderer, valueLabel));
        return chart;
    }
}
