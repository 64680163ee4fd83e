package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.tsoinspector.analysis.RampBuilder;
import org.tsoinspector.analysis.RampFit;
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
}
