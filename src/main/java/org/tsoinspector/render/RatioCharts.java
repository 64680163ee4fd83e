package org.tsoinspector.render;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tsoinspector.analysis.BinAxis;
import org.tsoinspector.analysis.GroupRatioHistogram;
import org.tsoinspector.analysis.Staged;

/**
 * The linearity check as a density plot: the group-difference ratio histogram with a logarithmic
 * colour scale, the line y = 1 and the binned median ratio. Drawing costs one pixel per bin,
 * however many points were counted.
 */
public final class RatioCharts {

    /** Fluence bins need this many points before their median is drawn (fewer give a noisy curve). */
    public static final long MEDIAN_MIN_POINTS = 20;
    /**
     * Above this robust scatter of one point's ratio, a fluence bin's median is noise-dominated: the
     * ratio of two noisy differences is skewed, and binning by the noisy fluence of the last group
     * sorts points by their noise, so the median swings (0.51 to 1.08 between 125 and 400 DN on the
     * built-in sample, where the scatter is wider than the axis) however many points the bin holds.
     * Where the scatter is below it (from about 600 DN there) the medians agree with 1 to 0.5 %.
     */
    public static final double NOISE_LIMIT = 0.25;
    private static final Color MEDIAN_COLOR = new Color(0x00bfff);
    private static final Color NOISY_MEDIAN_COLOR = new Color(0x9a9a9a);

    private RatioCharts() {
    }

    /** One density panel per stage, side by side (before and after linearity). */
    public static Figure comparison(List<Staged<GroupRatioHistogram>> stages) {
        List<JFreeChart> panels = new ArrayList<>();
        for (Staged<GroupRatioHistogram> s : stages) {
            panels.add(density(s.stage(), s.value()));
        }
        return new Figure("ratio", panels, panels.size());
    }

    /** The density panel of one histogram. */
    public static JFreeChart density(String title, GroupRatioHistogram h) {
        BinAxis fa = h.spec().fluence();
        BinAxis ra = h.spec().ratio();
        ValueAxis x = fa.log() ? ChartStyle.decadeAxis("") : new NumberAxis("");
        x.setLabel("Fluence at group " + (h.spec().pairs().fluenceGroup() + 1) + " (counts)");
        ChartStyle.style(x);
        x.setRange(fa.min(), fa.max());
        // the pairs alone: a short plot (the window's tab at 1280 x 800) cut "... group differences" off
        NumberAxis y = ChartStyle.axis(h.spec().pairs().label().replace(" ", ""));
        y.setRange(ra.min(), ra.max());

        XYSeriesCollection data = new XYSeriesCollection();
        String limit = String.format(java.util.Locale.ROOT, "%.2f", NOISE_LIMIT);
        XYSeries median = new XYSeries("median ratio (scatter of a point's ratio \u2264 " + limit + ")", false, true);
        XYSeries noisy = new XYSeries("median where the scatter is > " + limit + ": noise-dominated", false, true);
        double[] m = h.medianCurve(MEDIAN_MIN_POINTS);
        double[] scatter = h.scatterCurve(MEDIAN_MIN_POINTS);
        for (int f = 0; f < m.length; f++) {
            boolean drawn = Double.isFinite(m[f]);
            boolean meaningful = drawn && scatter[f] <= NOISE_LIMIT; // NaN scatter: wider than the axis
            median.add(fa.center(f), meaningful ? m[f] : null);
            noisy.add(fa.center(f), drawn && !meaningful ? m[f] : null);
        }
        data.addSeries(median);
        data.addSeries(noisy);
        XYLineAndShapeRenderer r = ChartStyle.lines(true, false);
        ChartStyle.seriesLook(r, 0, MEDIAN_COLOR, ChartStyle.LINE, true, false);
        ChartStyle.seriesLook(r, 1, NOISY_MEDIAN_COLOR, ChartStyle.DASHED, true, false);
        XYPlot plot = ChartStyle.xyPlot(data, x, y, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        long max = Math.max(h.maxCount(), 2);
        Colormap cmap = Colormap.named("viridis");
        double logMax = Math.log(max);
        java.util.function.DoubleToIntFunction color =
                c -> c < 1 ? 0 : cmap.colorAt(Math.log(c) / logMax);
        // behind the median curve, which must stay visible on top of the density
        r.addAnnotation(new XYDataImageAnnotation(densityImage(h, color).toBufferedImage(), fa.min(), ra.min(),
                fa.max() - fa.min(), ra.max() - ra.min(), false), Layer.BACKGROUND);
        plot.addRangeMarker(new ValueMarker(1.0, Color.RED, ChartStyle.DASHED));

        JFreeChart chart = ChartStyle.chart(title, plot, true);
        chart.addSubtitle(ColorScaleLegend.logOf("points per bin", 1, max, color));
        TextTitle counts = new TextTitle(String.format("%,d of %,d pixel-integrations shown; %,d flagged, %,d off"
                + " the fluence axis, %,d undefined", h.inRange(), h.accumulated(), h.flagged(), h.fluenceOutside(),
                h.invalid()), new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        chart.addSubtitle(counts);
        return chart;
    }

    /** One pixel per bin, highest ratio at the top, empty bins transparent. */
    static ArgbImage densityImage(GroupRatioHistogram h, java.util.function.DoubleToIntFunction color) {
        int nf = h.spec().fluence().bins();
        int nr = h.spec().ratio().bins();
        int[] px = new int[nf * nr];
        for (int r = 0; r < nr; r++) {
            for (int f = 0; f < nf; f++) {
                px[(nr - 1 - r) * nf + f] = color.applyAsInt(h.count(f, r));
            }
        }
        return new ArgbImage(nf, nr, px);
    }
}
