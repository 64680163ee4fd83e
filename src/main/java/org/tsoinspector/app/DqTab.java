package org.tsoinspector.app;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.tsoinspector.analysis.DqSummaryBuilder;
import org.tsoinspector.render.Caption;
import org.tsoinspector.render.DqCharts;
import org.tsoinspector.render.PlotTables;

/** Counts per DQ flag and saturated pixels per group and integration, at stage A, over the whole segment. */
final class DqTab implements PlotTab {

    private final Label note = new Label("Counts at stage A over every integration of the exposure.");

    @Override
    public String title() {
        return "DQ summary";
    }

    @Override
    public Node controls() {
        return note;
    }

    @Override
    public boolean wholeSegment() {
        return true;
    }

    @Override
    public BackgroundJob<PlotResult> job(PlotContext c) {
        return m -> {
            ExposureSession s = c.session();
            var md = s.metadata();
            DqSummaryBuilder b = new DqSummaryBuilder(s.pixelDq(c.stageA()), md.ny(), md.nx(), md.nGroups(),
                    md.intStart() - 1, s.integrationCount());
            s.scan(java.util.List.of(c.stageA()), (k, ramp) -> b.add(ramp), m, "DQ summary");
            var summary = b.build();
            return new PlotResult(DqCharts.summary(summary), new Caption(s.name(), 0, 0, c.stageA().label()),
                    PlotTables.dq(summary));
        };
    }
}
