package org.tsoinspector.app;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import org.tsoinspector.analysis.LightCurve;
import org.tsoinspector.analysis.LightCurveMode;
import org.tsoinspector.analysis.Region;
import org.tsoinspector.analysis.SegmentScan;
import org.tsoinspector.analysis.Staged;
import org.tsoinspector.render.Caption;
import org.tsoinspector.render.LightCurveCharts;
import org.tsoinspector.render.PlotTables;

/**
 * Summed flux per integration over the brightest trace rows (found on the first integration), at
 * stages A and B, against INT_TIMES: the transit shows as a dip.
 */
final class LightCurveTab extends PlotTab {

    private final ComboBox<LightCurveMode> mode = new ComboBox<>();
    private final Spinner<Integer> rows = new Spinner<>(1, 2048, Region.DEFAULT_TRACE_ROWS);
    private final CheckBox normalized = new CheckBox("Normalized");
    private final HBox box;

    LightCurveTab() {
        super("Light curve", true);
        mode.getItems().setAll(LightCurveMode.values());
        mode.setValue(LightCurveMode.LAST_MINUS_FIRST);
        mode.setConverter(LabelConverter.of(LightCurveMode::unitLabel));
        rows.setEditable(true);
        rows.setPrefWidth(80);
        normalized.setSelected(true);
        box = new HBox(6, new Label("Flux from"), mode, new Label("over the brightest"), rows, new Label("rows"),
                normalized);
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    Node controls() {
        return box;
    }

    @Override
    BackgroundJob<PlotResult> job(PlotContext c) {
        LightCurveMode how = mode.getValue();
        int nRows = rows.getValue();
        boolean norm = normalized.isSelected();
        return m -> {
            ExposureSession s = c.session();
            // The region is found on the first integration at the earlier stage, as the scan would.
            RampStage first = ExposureSession.earlier(c.stageA(), c.stageB());
            Region region = Region.brightestRows(s.ramp(first, 0, m), s.pixelDq(first),
                    Math.min(nRows, s.metadata().ny()));
            List<Staged<LightCurve>> curves = s.scan(c.stageA(), c.stageB(),
                    new SegmentScan.Request(null, how, region, false), m).lightCurves();
            return new PlotResult(LightCurveCharts.of(curves, norm),
                    new Caption(s.name(), 0, 0, "region " + region), PlotTables.lightCurves(curves));
        };
    }
}
