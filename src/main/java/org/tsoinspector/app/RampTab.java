package org.tsoinspector.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import org.tsoinspector.analysis.RampExtraction;
import org.tsoinspector.analysis.Region;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.render.PlotKind;

/**
 * Up the ramp at stages A and B, each on its own axis, with the best-fit line and the residuals: of
 * the crosshair pixel, or the mean or median of a box about it (Rampviz's extraction), with other
 * pixels' ramps pinned over it.
 */
final class RampTab extends PlotTab {

    private final CheckBox skipFlagged = new CheckBox("Leave flagged groups out of the fit");
    private final ComboBox<RampExtraction> extraction = new ComboBox<>();
    private final Spinner<Integer> boxSize = new Spinner<>(3, 101, 9, 2);
    private final Label pinnedLabel = new Label();
    private final List<PixelPosition> pinned = new ArrayList<>();
    private final Runnable changed;
    private PixelPosition crosshair;

    RampTab(Runnable changed) {
        super("Ramp", false);
        this.changed = changed;
        skipFlagged.setId("ramp-skip-flagged");
        skipFlagged.setSelected(true);
        skipFlagged.selectedProperty().addListener((o, a, b) -> changed.run());
        extraction.setId("ramp-extraction");
        extraction.getItems().setAll(RampExtraction.values());
        extraction.setValue(RampExtraction.PIXEL);
        extraction.valueProperty().addListener((o, a, b) -> {
            boxSize.setDisable(b == RampExtraction.PIXEL);
            changed.run();
        });
        boxSize.setId("ramp-box");
        boxSize.setEditable(true);
        boxSize.setPrefWidth(75);
        boxSize.setDisable(true);
        boxSize.setTooltip(new Tooltip("Side of the square box about the crosshair, in pixels (odd)"));
        boxSize.valueProperty().addListener((o, a, b) -> changed.run());
        Button pin = new Button("Pin");
        pin.setId("ramp-pin");
        pin.setTooltip(new Tooltip("Keep the crosshair pixel's ramp on the plot; click other pixels to compare"));
        pin.setOnAction(e -> pin());
        Button clear = new Button("Clear pins");
        clear.setId("ramp-clear-pins");
        clear.setOnAction(e -> {
            pinned.clear();
            showPinned();
            changed.run();
        });
        showPinned();
        addControls(new Label("Ramp of"), extraction, boxSize, pin, clear, pinnedLabel, skipFlagged);
    }

    private void pin() {
        if (crosshair != null && !pinned.contains(crosshair)) {
            pinned.add(crosshair);
            showPinned();
            changed.run();
        }
    }

    private void showPinned() {
        pinnedLabel.setText(pinned.isEmpty() ? "" : pinned.size() + " pinned");
    }

    /** The pixels pinned so far (tests). */
    List<PixelPosition> pinned() {
        return List.copyOf(pinned);
    }

    @Override
    PlotRequest request(PlotContext c) {
        PixelPosition p = c.pixel();
        crosshair = p;
        if (p == null) {
            throw new IllegalArgumentException("click a pixel on the frame first");
        }
        PlotRequest r = PlotRequest.of(PlotKind.RAMP).withStages(c.stageA(), c.stageB())
                .withIntegration(c.integration() + 1).withPixel(p.x(), p.y()).withSkipFlagged(skipFlagged.isSelected())
                .withPinned(pinned);
        RampExtraction how = extraction.getValue();
        if (how == RampExtraction.PIXEL) {
            return r;
        }
        var md = c.inspection().metadata();
        return r.withRampExtraction(how, box(p, boxSize.getValue(), md.ny(), md.nx()));
    }

    /** A side x side box centred on p, moved (not cut) to lie inside the frame where it can. */
    static Region box(PixelPosition p, int side, int ny, int nx) {
        int w = Math.min(side, nx);
        int h = Math.min(side, ny);
        int x0 = Math.max(0, Math.min(nx - w, p.x() - w / 2));
        int y0 = Math.max(0, Math.min(ny - h, p.y() - h / 2));
        return new Region(y0, y0 + h, x0, x0 + w);
    }

    @Override
    void reset(PlotContext context) {
        pinned.clear();
        showPinned();
    }
}
