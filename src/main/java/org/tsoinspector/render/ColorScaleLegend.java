package org.tsoinspector.render;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The colorbar of a chart: a {@link FrameRenderer}'s colours along a value axis at the chart's right. */
final class ColorScaleLegend {

    private ColorScaleLegend() {
    }

    /** A colorbar showing values low..high through any value-to-colour function. */
    static PaintScaleLegend of(ValueAxis axis, double low, double high, java.util.function.DoubleToIntFunction argb) {
        PaintScale scale = new PaintScale() {
            @Override
            public double getLowerBound() {
                return low;
            }

            @Override
            public double getUpperBound() {
                return high;
            }

            @Override
            public Paint getPaint(double value) {
                return new Color(argb.applyAsInt(value), true);
            }
        };
        ChartStyle.style(axis);
        axis.setRange(low, high);
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setSubdivisionCount(256);
        legend.setStripWidth(14);
        legend.setAxisOffset(4);
        legend.setMargin(new RectangleInsets(8, 4, 8, 8));
        legend.setBackgroundPaint(Color.WHITE);
        return legend;
    }

    /** The colorbar of a frame renderer. */
    static PaintScaleLegend of(FrameRenderer renderer, String label) {
        return of(ChartStyle.axis(label), renderer.range().low(), renderer.range().high(), renderer::color);
    }
}
