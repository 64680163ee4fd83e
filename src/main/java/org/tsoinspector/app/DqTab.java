package org.tsoinspector.app;

import javafx.scene.control.Label;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.render.PlotKind;

/** Counts per DQ flag and saturated pixels per group and integration, at stage A, over the whole segment. */
final class DqTab extends PlotTab {

    DqTab() {
        super("DQ summary", true);
        addControls(new Label("Counts at stage A over every integration of the exposure."));
    }

    @Override
    PlotRequest request(PlotContext c) {
        return PlotRequest.of(PlotKind.DQ).withStages(c.stageA(), c.stageA());
    }
}
