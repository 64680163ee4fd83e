package org.tsoinspector.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.tsoinspector.analysis.RampFit;
import org.tsoinspector.analysis.Staged;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.render.Caption;
import org.tsoinspector.render.PlotTables;
import org.tsoinspector.render.RampCharts;

/** The crosshair pixel up the ramp at stages A and B, with the best-fit line and the residuals. */
final class RampTab extends PlotTab {

    private final CheckBox skipFlagged = new CheckBox("Leave flagged groups out of the fit");
    private final HBox box;

    RampTab(Runnable changed) {
        super("Ramp", false);
        skipFlagged.setId("ramp-skip-flagged");
        skipFlagged.setSelected(true);
        skipFlagged.selectedProperty().addListener((o, a, b) -> changed.run());
        box = new HBox(8, new Label("Pixel: click on the frame."), skipFlagged);
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    Node controls() {
        return box;
    }

    @Override
    BackgroundJob<PlotResult> job(PlotContext c) {
        boolean skip = skipFlagged.isSelected();
        PixelPosition p = c.pixel();
        return m -> {
            if (p == null) {
                throw new BadInputException("ramp plot", "click a pixel on the frame first");
            }
            List<Staged<RampFit>> fits = new ArrayList<>();
            for (RampStage s : c.stages()) {
                fits.add(new Staged<>(s.label(), RampFit.of(c.session().ramp(s, c.integration(), m), p.y(), p.x(), skip)));
            }
            String title = "Pixel x " + p.x() + ", y " + p.y() + ", integration " + (c.integration() + 1);
            return new PlotResult(RampCharts.upTheRamp(title, fits),
                    new Caption(c.session().name(), c.integration() + 1, 0, "pixel x " + p.x() + " y " + p.y()),
                    PlotTables.ramps(fits));
        };
    }
}
