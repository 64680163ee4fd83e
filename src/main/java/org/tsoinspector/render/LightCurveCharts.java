package org.tsoinspector.render;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tsoinspector.analysis.LightCurve;
import org.tsoinspector.analysis.Staged;

/** The light curve: summed flux per integration against mid-integration BJD (or integration number). */
public final class LightCurveCharts {

    private LightCurveCharts() {
    }

    /**
     * One series per stage.
     *
     * @param normalized divide each stage by its median, so stages with different levels share an axis
     */
    public static Figure of(List<Staged<LightCurve>> curves, boolean normalized) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no light curve to plot");
        }
        LightCurve first = curves.get(0).value();
        boolean byTime = curves.stream().allMatch(c -> c.value().hasTimes());
        // BJDs are ~2.46e6 days: plot them from a whole day so the ticks stay readable
        double t0 = byTime ? Math.floor(first.timesBjd()[0]) : 0;
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = ChartStyle.lines(false, true);
        for (int s = 0; s < curves.size(); s++) {
            LightCurve c = curves.get(s).value();
            double[] y = normalized ? c.normalized() : c.flux();
            XYSeries series = new XYSeries(curves.get(s).stage(), false, true);
            for (int i = 0; i < c.size(); i++) {
                series.add(byTime ? c.timesBjd()[i] - t0 : c.integrationNumbers()[i], y[i]);
            }
            data.addSeries(series);
            ChartStyle.seriesLook(r, s, ChartStyle.stageColor(s), ChartStyle.LINE, false, true);
            r.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        }
        NumberAxis x = ChartStyle.axis(byTime ? String.format("BJD (TDB) - %.0f", t0) : "Integration");
        NumberAxis y = ChartStyle.axis(normalized ? "Relative flux (/ median)" : "Summed " + first.mode().unitLabel());
        XYPlot plot = ChartStyle.xyPlot(data, x, y, r);
        // every measure drawn, in order: "last - first group (DN) and rate after ramp_fit (DN/s)"
        java.util.LinkedHashSet<String> measures = new java.util.LinkedHashSet<>();
        for (Staged<LightCurve> c : curves) {
            measures.add(c.value().mode().unitLabel());
        }
        String title = "Light curve: " + String.join(" and ", measures) + " summed over " + first.region() + " ("
                + first.pixels() + " pixels)";
        return Figure.of("lightcurve", ChartStyle.chart(title, plot, true));
    }
}
