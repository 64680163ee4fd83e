package org.tsoinspector.render;

import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tsoinspector.analysis.DqSummary;
import org.tsoinspector.model.DqFlag;

/** The DQ summary: counts per flag (pixel DQ and group DQ) and saturated pixels per integration and group. */
public final class DqCharts {

    private DqCharts() {
    }

    /** Two panels: flag counts (log scale) and saturated pixels per integration, one line per group. */
    public static Figure summary(DqSummary s) {
        return new Figure("dq", List.of(flagCounts(s), saturation(s)), 2);
    }

    private static JFreeChart flagCounts(DqSummary s) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        long max = 1;
        for (DqFlag f : DqFlag.values()) {
            long p = s.pixelCount(f);
            long g = f.isGroupFlag() ? s.groupCount(f) : 0;
            if (p == 0 && g == 0) {
                continue;
            }
            // zero has no place on a log axis: leave the bar out
            data.addValue(p > 0 ? (Number) p : null, "pixels (pixel DQ)", f.name());
            data.addValue(g > 0 ? (Number) g : null, "group samples (group DQ)", f.name());
            max = Math.max(max, Math.max(p, g));
        }
        CategoryAxis flags = new CategoryAxis("Flag");
        flags.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        flags.setTickLabelFont(ChartStyle.TICK_FONT);
        flags.setLabelFont(ChartStyle.LABEL_FONT);
        LogAxis counts = ChartStyle.decadeAxis("Count");
        counts.setRange(0.5, max * 2.0);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setBase(0.5);
        bars.setSeriesPaint(0, ChartStyle.stageColor(0));
        bars.setSeriesPaint(1, ChartStyle.stageColor(1));
        CategoryPlot plot = new CategoryPlot(data, flags, counts, bars);
        ChartStyle.style(plot);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        if (data.getColumnCount() == 0) {
            plot.setNoDataMessage("no DQ flag set");
        }
        return ChartStyle.chart("Counts per DQ flag (" + s.nx() + " x " + s.ny() + " pixels)", plot, true);
    }

    private static JFreeChart saturation(DqSummary s) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = ChartStyle.lines(true, s.integrationNumbers().length < 60);
        for (int g = 0; g < s.nGroups(); g++) {
            XYSeries series = new XYSeries("group " + (g + 1), false, true);
            for (int i = 0; i < s.integrationNumbers().length; i++) {
                series.add(s.integrationNumbers()[i], s.saturatedPerGroup()[i][g]);
            }
            data.addSeries(series);
            ChartStyle.manySeriesLook(r, g, s.integrationNumbers().length < 60);
        }
        NumberAxis x = ChartStyle.axis("Integration");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = ChartStyle.axis("Saturated pixels");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = ChartStyle.xyPlot(data, x, y, r);
        return ChartStyle.chart("Saturated pixels per integration and group", plot, true);
    }

    /** Pixel flags that occur, for a text summary beside the chart. */
    public static String describe(DqSummary s) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<DqFlag, Long> e : s.pixelFlagsPresent().entrySet()) {
            sb.append(String.format("%-16s %,10d pixels%n", e.getKey().name(), e.getValue()));
        }
        return sb.toString();
    }
}
