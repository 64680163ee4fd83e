package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.tsoinspector.analysis.RampBuilder;
import org.tsoinspector.analysis.RampFit;
import org.tsoinspector.analysis.RampSegment;
import org.tsoinspector.analysis.Staged;
import org.tsoinspector.model.Ramp;

/** Raw (~13,000 DN) and calibrated (~0 DN) ramps each get their own axis, so both slopes show. */
class RampChartsTest {

    @Test
    void eachStageHasItsOwnCountsAxisAndPinnedRampsJoinTheLaterOne() {
        Ramp raw = RampBuilder.of(0, 5, 1, 2, (g, i) -> 13000 + 20.0 * g);
        Ramp cal = RampBuilder.of(0, 5, 1, 2, (g, i) -> 20.0 * g);
        List<Staged<RampFit>> fits = List.of(new Staged<>("raw", RampFit.of(raw, 0, 0, true)),
                new Staged<>("after linearity", RampFit.of(cal, 0, 0, true)));
        List<Staged<RampFit>> pinned = List.of(new Staged<>("pixel (1, 0)", RampFit.of(cal, 0, 1, true)));
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) RampCharts.upTheRamp("t", fits, pinned, List.of()).panels()
                .get(0).getPlot();
        XYPlot samples = (XYPlot) combined.getSubplots().get(0);
        assertEquals(2, samples.getRangeAxisCount());
        assertEquals("raw (DN)", samples.getRangeAxis(0).getLabel());
        assertEquals("after linearity (DN)", samples.getRangeAxis(1).getLabel());
        assertEquals(13000, samples.getRangeAxis(0).getRange().getCentralValue(), 200);
        assertEquals(40, samples.getRangeAxis(1).getRange().getCentralValue(), 200);
        assertEquals(3, samples.getDataset(1).getSeriesCount(), "samples, line and the pinned pixel");
        assertEquals("pixel (1, 0) (after linearity)", samples.getDataset(1).getSeriesKey(2));
        XYPlot one = (XYPlot) ((CombinedDomainXYPlot) RampCharts.upTheRamp("t", fits.subList(0, 1)).panels().get(0)
                .getPlot()).getSubplots().get(0);
        assertEquals("Counts", one.getRangeAxis().getLabel());
    }

    /*
     * A ramp of 10 DN per group that jumps by 500 DN before group 4, fitted by ramp_fit in two segments
     * of slope 10: the segments replace the straight line through the jump, are drawn over the earlier
     * stage, and the residuals are taken from them (zero here: every sample lies on its segment's line).
     */
    @Test
    void rampFitsSegmentsReplaceTheStraightLineOfTheirStage() {
        Ramp raw = RampBuilder.of(0, 6, 1, 1, (g, i) -> 13000 + 10.0 * g + (g >= 3 ? 500 : 0));
        Ramp jumped = RampBuilder.of(0, 6, 1, 1, (g, i) -> 10.0 * g + (g >= 3 ? 500 : 0));
        List<Staged<RampFit>> fits = List.of(new Staged<>("raw", RampFit.of(raw, 0, 0, true)),
                new Staged<>("after jump", RampFit.of(jumped, 0, 0, true)));
        List<RampSegment> segments = List.of(new RampSegment(0, 3, 10), new RampSegment(3, 3, 10));
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) RampCharts.upTheRamp("t", fits, List.of(), segments)
                .panels().get(0).getPlot();
        XYPlot samples = (XYPlot) combined.getSubplots().get(0);
        assertEquals(DatasetRenderingOrder.FORWARD, samples.getDatasetRenderingOrder());
        List<String> keys = new java.util.ArrayList<>();
        for (int k = 0; k < samples.getDataset(1).getSeriesCount(); k++) {
            keys.add(samples.getDataset(1).getSeriesKey(k).toString());
        }
        assertEquals(List.of("after jump: samples up the ramp", "after jump: ramp_fit segment 1",
                "after jump: ramp_fit segment 2"), keys);
        assertEquals("raw: best-fit line", samples.getDataset(0).getSeriesKey(1));
        // segment 2 over groups 4 to 6: through (5, 540) with slope 10
        assertEquals(530, samples.getDataset(1).getYValue(2, 0), 1e-9);
        assertEquals(540 + 10, samples.getDataset(1).getYValue(2, 1), 1e-9);
        XYPlot residuals = (XYPlot) combined.getSubplots().get(1);
        assertEquals("after jump: counts - ramp_fit segments", residuals.getDataset().getSeriesKey(1));
        for (int g = 0; g < 6; g++) {
            assertEquals(0, residuals.getDataset().getYValue(1, g), 1e-9);
        }
        // the straight line of raw misses the jump: its residuals are not all zero
        double largest = 0;
        for (int g = 0; g < 6; g++) {
            largest = Math.max(largest, Math.abs(residuals.getDataset().getYValue(0, g)));
        }
        assertEquals(true, largest > 100, "raw's residual " + largest);
    }
}
