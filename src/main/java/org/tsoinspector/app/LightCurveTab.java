package org.tsoinspector.app;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import org.tsoinspector.analysis.LightCurveMode;
import org.tsoinspector.analysis.Region;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.render.PlotKind;

/**
 * Summed flux per integration over the brightest trace rows (found on the first integration), at
 * stages A and B, against INT_TIMES: the transit shows as a dip.
 */
final class LightCurveTab extends PlotTab {

    private final ComboBox<LightCurveMode> mode = new ComboBox<>();
    private final Spinner<Integer> rows = new Spinner<>(1, 2048, Region.DEFAULT_TRACE_ROWS);
    private final CheckBox normalized = new CheckBox("Normalized");
    private final StagePairChoice stages = new StagePairChoice("lightcurve-stages");

    LightCurveTab() {
        super("Light curve", true);
        mode.getItems().setAll(LightCurveMode.values());
        mode.setValue(LightCurveMode.LAST_MINUS_FIRST);
        mode.setConverter(LabelConverter.of(LightCurveMode::unitLabel));
        rows.setEditable(true);
        rows.setPrefWidth(80);
        normalized.setSelected(true);
        addControls(stages, new Label("  flux from"), mode, new Label("over the brightest"), rows, new Label("rows"), normalized);
    }

    @Override
    void reset(PlotContext c) {
        stages.reset(c.inspection());
    }

    @Override
    PlotRequest request(PlotContext c) {
        return PlotRequest.of(PlotKind.LIGHTCURVE).withStages(stages.before(), stages.after())
                .withLightCurve(mode.getValue(), null).withTrace(rows.getValue(), normalized.isSelected());
    }
}
