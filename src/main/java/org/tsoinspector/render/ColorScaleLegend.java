package org.tsoinspector.render;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
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

    /**
     * A logarithmic colorbar for values low..high (both above 0): the strip is laid out in log10(value),
     * so each decade gets the same height and its colours change along it (a linear strip on a log
     * axis put 255 of its 256 steps in the top decades and one flat colour below); ticks at decades,
     * labelled as the values they stand for (1, 10, 100, 1,000).
     */
    static PaintScaleLegend logOf(String label, double low, double high, java.util.function.DoubleToIntFunction argb) {
        NumberAxis decades = new NumberAxis(label);
        decades.setTickUnit(new NumberTickUnit(1));
        decades.setMinorTickCount(0);
        decades.setNumberFormatOverride(new DecadeFormat());
        return of(decades, Math.log10(low), Math.log10(high), v -> argb.applyAsInt(Math.pow(10, v)));
    }

    /** Labels a log10 value by the value itself: 3 reads "1,000". */
    private static final class DecadeFormat extends java.text.NumberFormat {
        private final java.text.DecimalFormat plain = new java.text.DecimalFormat("#,##0.###");

        @Override
        public StringBuffer format(double log10, StringBuffer to, java.text.FieldPosition pos) {
            return plain.format(Math.pow(10, log10), to, pos);
        }

        @Override
        public StringBuffer format(long log10, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) log10, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            Number n = plain.parse(source, pos);
            return n == null ? null : Math.log10(n.doubleValue());
        }
    }

    /** The colorbar of a frame renderer. */
    static PaintScaleLegend of(FrameRenderer renderer, String label) {
        return of(ChartStyle.axis(label), renderer.range().low(), renderer.range().high(), renderer::color);
    }
}
