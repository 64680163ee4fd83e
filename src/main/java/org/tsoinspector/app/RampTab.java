package org.tsoinspector.app;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.render.PlotKind;

/** The crosshair pixel up the ramp at stages A and B, with the best-fit line and the residuals. */
final class RampTab extends PlotTab {

    private final CheckBox skipFlagged = new CheckBox("Leave flagged groups out of the fit");

    RampTab(Runnable changed) {
        super("Ramp", false);
        skipFlagged.setId("ramp-skip-flagged");
        skipFlagged.setSelected(true);
        skipFlagged.selectedProperty().addListener((o, a, b) -> changed.run());
        addControls(new Label("Pixel: click on the frame."), skipFlagged);
    }

    @Override
    PlotRequest request(PlotContext c) {
        PixelPosition p = c.pixel();
        if (p == null) {
            throw new IllegalArgumentException("click a pixel on the frame first");
        }
        return PlotRequest.of(PlotKind.RAMP).withStages(c.stageA(), c.stageB()).withIntegration(c.integration() + 1)
                .withPixel(p.x(), p.y()).withSkipFlagged(skipFlagged.isSelected());
    }
}
