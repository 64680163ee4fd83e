package org.tsoinspector.render;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tsoinspector.analysis.Profile;
import org.tsoinspector.analysis.Staged;

/**
 * The notebook's profile comparison: a column (or row) at several stages overlaid, raw counts on
 * the left and median-subtracted counts on the right.
 */
public final class ProfileCharts {

    private ProfileCharts() {
    }

    /** The two side-by-side panels for profiles of the same line at different stages. */
    public static Figure comparison(List<Staged<Profile>> profiles) {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("no profile to plot");
        }
        Profile first = profiles.get(0).value();
        String what = first.axis().label() + " " + first.index();
        String stages = String.join(" / ", profiles.stream().map(Staged::stage).toList());
        JFreeChart raw = panel(what + ": " + stages, first.axis().alongLabel(), "Counts", profiles, false);
        JFreeChart sub = panel("Same, but median-subtracted counts", first.axis().alongLabel(),
                "Counts - Median Counts", profiles, true);
        return new Figure("profile", List.of(raw, sub), 2);
    }

    private static JFreeChart panel(String title, String xLabel, String yLabel, List<Staged<Profile>> profiles,
            boolean subtractMedian) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = ChartStyle.lines(true, false);
        for (int s = 0; s < profiles.size(); s++) {
            Profile p = profiles.get(s).value();
            double[] v = subtractMedian ? p.medianSubtracted() : p.values();
            XYSeries series = new XYSeries(profiles.get(s).stage(), false, true);
            for (int i = 0; i < v.length; i++) {
                // NaN leaves a gap, as matplotlib does
                series.add(i, Double.isFinite(v[i]) ? v[i] : null);
            }
            data.addSeries(series);
            ChartStyle.seriesLook(r, s, ChartStyle.stageColor(s), ChartStyle.LINE, true, false);
        }
        XYPlot plot = ChartStyle.xyPlot(data, ChartStyle.axis(xLabel), ChartStyle.axis(yLabel), r);
        return ChartStyle.chart(title, plot, true);
    }
}
