package org.tsoinspector.app;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.inspect.RatePlane;
import org.tsoinspector.render.PlotKind;

/**
 * The shown integration's rate image after jump and ramp_fit (SCI, ERR or DQ). The first Compute runs
 * jump over every integration; from then on the tab follows the integration at once.
 */
final class RateTab extends PlotTab {

    private final ComboBox<RatePlane> plane = new ComboBox<>();

    RateTab(Runnable changed) {
        super("Rate", true);
        plane.setId("rate-plane");
        plane.getItems().setAll(RatePlane.values());
        plane.setValue(RatePlane.SCI);
        plane.valueProperty().addListener((o, a, b) -> changed.run());
        addControls(new Label("Rate image of the shown integration:"), plane,
                new Label("(the first Compute runs jump over every integration)"));
    }

    @Override
    PlotRequest request(PlotContext c) {
        return PlotRequest.of(PlotKind.RATE).withIntegration(c.integration() + 1).withRatePlane(plane.getValue());
    }

    /** Once the rates are made, another integration or plane is one fit: follow the window. */
    @Override
    boolean followsNow(PlotContext c) {
        return c.inspection().ratesReady();
    }
}
