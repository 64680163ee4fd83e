package org.tsoinspector.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import java.text.DecimalFormat;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;

/** The look shared by every figure: matplotlib-like colours, white background, light grid. */
final class ChartStyle {

    /** matplotlib's first colours (tab:blue, tab:orange, ...), so stage 1 and 2 look as in the notebook. */
    static final Color[] STAGE_COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)};
    static final Color FIT_COLOR = new Color(0xd62728);
    static final Color GRID = new Color(0xdddddd);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final BasicStroke LINE = new BasicStroke(1.5f);
    static final BasicStroke THIN = new BasicStroke(1.0f);
    static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    static final Shape DOT = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
    static final Shape FLAG_MARK = new Rectangle2D.Double(-6, -6, 12, 12);

    private ChartStyle() {
    }

    static Color stageColor(int i) {
        return STAGE_COLORS[i % STAGE_COLORS.length];
    }

    /** A numeric axis that does not force zero into its range. */
    static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        style(a);
        return a;
    }

    /** A logarithmic axis ticked at whole decades labelled as plain numbers (10, 100, 1,000). */
    static LogAxis decadeAxis(String label) {
        LogAxis a = new LogAxis(label);
        a.setTickUnit(new NumberTickUnit(1));
        a.setMinorTickCount(9);
        a.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        style(a);
        return a;
    }

    static void style(ValueAxis a) {
        a.setLabelFont(LABEL_FONT);
        a.setTickLabelFont(TICK_FONT);
    }

    /** An XY plot with the shared grid and background. */
    static XYPlot xyPlot(XYDataset data, ValueAxis x, ValueAxis y, XYLineAndShapeRenderer renderer) {
        XYPlot p = new XYPlot(data, x, y, renderer);
        // later series (the later stage) on top, as matplotlib draws them
        p.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        style(p);
        p.setDomainGridlinePaint(GRID);
        p.setRangeGridlinePaint(GRID);
        return p;
    }

    static void style(Plot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlinePaint(Color.DARK_GRAY);
    }

    /** A chart around a plot, with a title and (optionally) a legend, drawn with crisp pixels. */
    static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart c = new JFreeChart(title, TITLE_FONT, plot, legend);
        c.setBackgroundPaint(Color.WHITE);
        c.setTitle(new TextTitle(title, TITLE_FONT));
        // pixels of images must stay pixels when scaled up, not blur
        c.getRenderingHints().put(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        return c;
    }

    /** A renderer drawing series with lines and/or markers. */
    static XYLineAndShapeRenderer lines(boolean lines, boolean shapes) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, shapes);
        r.setDefaultStroke(LINE);
        r.setAutoPopulateSeriesStroke(false);
        r.setDefaultShape(DOT);
        r.setAutoPopulateSeriesShape(false);
        return r;
    }

    /** matplotlib's tab10: ten colours told apart, for series that are many (groups). */
    static final Color[] SERIES_COLORS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /** Seven markers; with ten colours no two of the first 70 series look alike. */
    static final Shape[] MARKERS = {
        new Ellipse2D.Double(-3.5, -3.5, 7, 7),
        new Rectangle2D.Double(-3, -3, 6, 6),
        polygon(0, -4, 4, 3, -4, 3),
        polygon(0, -4.5, 4.5, 0, 0, 4.5, -4.5, 0),
        polygon(0, 4, 4, -3, -4, -3),
        polygon(-4, -1.2, 4, -1.2, 4, 1.2, -4, 1.2),
        polygon(-1.2, -4, 1.2, -4, 1.2, 4, -1.2, 4)};

    private static Shape polygon(double... xy) {
        java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    /**
     * The look of series {@code i} of many (a group of the DQ summary): its own colour and marker, and
     * dashed from the eleventh on, so no two groups share a look.
     */
    static void manySeriesLook(XYLineAndShapeRenderer r, int i, boolean markers) {
        seriesLook(r, i, SERIES_COLORS[i % SERIES_COLORS.length], i < SERIES_COLORS.length ? LINE : DASHED, true,
                markers);
        r.setSeriesShape(i, MARKERS[i % MARKERS.length]);
    }

    static void seriesLook(XYLineAndShapeRenderer r, int series, Paint paint, BasicStroke stroke, boolean line,
            boolean shape) {
        r.setSeriesPaint(series, paint);
        r.setSeriesStroke(series, stroke);
        r.setSeriesLinesVisible(series, line);
        r.setSeriesShapesVisible(series, shape);
    }
}
