package org.tsoinspector.app;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.inspect.StageFrame;
import org.tsoinspector.model.SaturationMark;

/**
 * The "Region..." dialog: a rectangle of pixels (starting around the crosshair), the first group
 * and whether every integration is meant, returned as a {@link SaturationMark}.
 */
final class SaturationRegionDialog {

    private SaturationRegionDialog() {
    }

    /** Asks about the frame shown; empty when cancelled. */
    static Optional<SaturationMark> ask(Window owner, StageFrame shown, PixelPosition around) {
        int nx = shown.nx();
        int ny = shown.ny();
        Spinner<Integer> x0 = spinner("region-x0", 0, nx - 1, Math.max(0, around.x() - 2));
        Spinner<Integer> x1 = spinner("region-x1", 0, nx - 1, Math.min(nx - 1, around.x() + 2));
        Spinner<Integer> y0 = spinner("region-y0", 0, ny - 1, Math.max(0, around.y() - 2));
        Spinner<Integer> y1 = spinner("region-y1", 0, ny - 1, Math.min(ny - 1, around.y() + 2));
        Spinner<Integer> from = spinner("region-from", 1, shown.ramp().nGroups(), shown.group() + 1);
        CheckBox every = new CheckBox("every integration (else integration " + (shown.integration() + 1) + ")");
        every.setId("region-every");
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.addRow(0, new Label("x from"), x0, new Label("to"), x1);
        g.addRow(1, new Label("y from"), y0, new Label("to"), y1);
        g.addRow(2, new Label("groups from"), from);
        g.add(every, 0, 3, 4, 1);
        Dialog<SaturationMark> d = new Dialog<>();
        d.setTitle("Mark saturated");
        d.initOwner(owner);
        d.getDialogPane().setId("region-dialog");
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b != ButtonType.OK ? null : new SaturationMark(
                every.isSelected() ? -1 : shown.integration(), Math.min(x0.getValue(), x1.getValue()),
                Math.min(y0.getValue(), y1.getValue()), Math.max(x0.getValue(), x1.getValue()),
                Math.max(y0.getValue(), y1.getValue()), from.getValue() - 1));
        return d.showAndWait();
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(90);
        return s;
    }
}
