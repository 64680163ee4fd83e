package org.tsoinspector.app;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.tsoinspector.analysis.DqSummary;
import org.tsoinspector.analysis.SegmentScan;
import org.tsoinspector.render.Caption;
import org.tsoinspector.render.DqCharts;
import org.tsoinspector.render.PlotTables;

/** Counts per DQ flag and saturated pixels per group and integration, at stage A, over the whole segment. */
final class DqTab extends PlotTab {

    private final Label note = new Label("Counts at stage A over every integration of the exposure.");

    DqTab() {
        super("DQ summary", true);
    }

    @Override
    Node controls() {
        return note;
    }

    @Override
    BackgroundJob<PlotResult> job(PlotContext c) {
        return m -> {
            ExposureSession s = c.session();
            DqSummary summary = s.scan(c.stageA(), c.stageA(), new SegmentScan.Request(null, null, null, true), m).dq();
            return new PlotResult(DqCharts.summary(summary), new Caption(s.name(), 0, 0, c.stageA().label()),
                    PlotTables.dq(summary));
        };
    }
}
