package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;
import org.tsoinspector.analysis.DqSummary;
import org.tsoinspector.analysis.DqSummaryBuilder;
import org.tsoinspector.model.Ramp;

/** The DQ summary's saturation panel: every group looks different (colour, marker and line together). */
class DqChartsTest {

    @Test
    void twelveGroupsGetTwelveDifferentLooks() {
        int groups = 12;
        DqSummaryBuilder b = new DqSummaryBuilder(new int[4], 2, 2, groups, 0, 3); // integrations 1 to 3
        for (int i = 0; i < 3; i++) {
            b.add(Ramp.zeros(i, groups, 2, 2, false));
        }
        DqSummary s = b.build();
        List<JFreeChart> panels = DqCharts.summary(s).panels();
        XYPlot plot = panels.get(panels.size() - 1).getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        assertEquals(groups, plot.getDataset().getSeriesCount());
        Set<String> looks = new HashSet<>();
        for (int g = 0; g < groups; g++) {
            looks.add(r.getSeriesPaint(g) + "|" + r.getSeriesShape(g).getBounds2D() + r.getSeriesShape(g).getClass()
                    + "|" + r.getSeriesStroke(g));
        }
        assertEquals(groups, looks.size(), "group 1 and group 6 used to share a colour");
        assertEquals(r.getSeriesPaint(0).equals(r.getSeriesPaint(5)), false);
    }
}
