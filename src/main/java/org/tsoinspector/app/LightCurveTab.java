package org.tsoinspector.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import org.tsoinspector.analysis.LightCurve;
import org.tsoinspector.analysis.LightCurveBuilder;
import org.tsoinspector.analysis.LightCurveMode;
import org.tsoinspector.analysis.Region;
import org.tsoinspector.analysis.Staged;
import org.tsoinspector.render.Caption;
import org.tsoinspector.render.LightCurveCharts;
import org.tsoinspector.render.PlotTables;
import org.tsoinspector.render.LightCurveCharts;

/**
 * Summed flux per integration over the brightest trace rows (found on the first integration), at
 * stages A and B, against INT_TIMES: the transit shows as a dip.
 */
final class LightCurveTab implements PlotTab {

    private final ComboBox<LightCurveMode> mode = new ComboBox<>();
    private final Spinner<Integer> rows = new Spinner<>(1, 2048, Region.DEFAULT_TRACE_ROWS);
    private final CheckBox normalized = new CheckBox("Normalized");
    private final HBox box;

    LightCurveTab() {
        mode.getItems().setAll(LightCurveMode.values());
        mode.setValue(LightCurveMode.LAST_MINUS_FIRST);
        rows.setEditable(true);
        rows.setPrefWidth(80);
        normalized.setSelected(true);
        box = new HBox(6, new Label("Flux from"), mode, new Label("over the brightest"), rows, new Label("rows"),
                normalized);
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    public String title() {
        return "Light curve";
    }

    @Override
    public Node controls() {
        return box;
    }

    @Override
    public boolean wholeSegment() {
        return true;
    }

    @Override
    public BackgroundJob<PlotResult> job(PlotContext c) {
        LightCurveMode how = mode.getValue();
        int nRows = rows.getValue();
        boolean norm = normalized.isSelected();
        return m -> {
            ExposureSession s = c.session();
            var md = s.metadata();
            List<RampStage> stages = c.stages();
            Region region = Region.brightestRows(s.ramp(stages.get(0), 0, m), s.pixelDq(stages.get(0)),
                    Math.min(nRows, md.ny()));
            List<LightCurveBuilder> builders = new ArrayList<>();
            for (RampStage st : stages) {
                builders.add(new LightCurveBuilder(region, how, s.pixelDq(st), md.ny(), md.nx(), md.intStart() - 1,
                        s.integrationCount()));
            }
            s.scan(stages, (k, ramp) -> builders.get(k).add(ramp), m, "light curve");
            List<Staged<LightCurve>> curves = new ArrayList<>();
            for (int k = 0; k < stages.size(); k++) {
                curves.add(new Staged<>(stages.get(k).label(), builders.get(k).build(s.source().integrationTimes())));
            }
            return new PlotResult(LightCurveCharts.of(curves, norm),
                    new Caption(s.name(), 0, 0, "region " + region), PlotTables.lightCurves(curves));
        };
    }
}
