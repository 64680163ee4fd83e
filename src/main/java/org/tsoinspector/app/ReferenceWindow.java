package org.tsoinspector.app;

import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.render.FrameRenderer;

/** A small window showing a reference file as an image, with its own zoom, colour bar and read-out. */
final class ReferenceWindow {

    private ReferenceWindow() {
    }

    /** Rendering runs on the window's job runner; only the finished picture reaches the FX thread. */
    static void show(Window owner, ReferenceImage image, DisplaySettings display, SubarrayWindow window,
            JobRunner jobs) {
        FrameView view = new FrameView(new ViewPort(), new SimpleObjectProperty<>());
        view.setPrefSize(1000, 300);
        ColorbarView colorbar = new ColorbarView();
        Label readout = new Label(" ");
        readout.setStyle("-fx-font-family: monospace;");
        ComboBox<String> plane = new ComboBox<>();
        plane.getItems().setAll(image.planeNames());
        plane.getSelectionModel().select(0);
        Runnable paint = () -> {
            float[] values = image.planes().get(plane.getSelectionModel().getSelectedIndex());
            String caption = image.fileName() + "  " + plane.getValue();
            jobs.submit("reference-" + image.fileName(), m -> {
                FrameRenderer r = display.rendererFor(values);
                return new ShownFrames.Picture(r.render(values, image.ny(), image.nx()), r, java.util.Map.of());
            }, p -> {
                view.setFrame(image.nx(), image.ny(), p.image().argb(), caption);
                colorbar.show(p.renderer(), image.what());
            });
        };
        plane.valueProperty().addListener((o, a, b) -> paint.run());
        view.hoveredProperty().addListener((o, a, p) -> {
            if (p == null) {
                readout.setText(" ");
                return;
            }
            float v = image.planes().get(plane.getSelectionModel().getSelectedIndex())[p.y() * image.nx() + p.x()];
            readout.setText("x " + p.x() + "  y " + p.y() + "  (full frame x " + (window.x0() + p.x()) + "  y "
                    + (window.y0() + p.y()) + ")   " + plane.getValue() + " " + PixelReadout.formatValue(v));
        });
        HBox top = new HBox(8, new Label(image.what()), plane);
        top.setPadding(new Insets(6));
        BorderPane root = new BorderPane(view);
        root.setTop(top);
        VBox bottom = new VBox(colorbar, readout);
        bottom.setPadding(new Insets(4, 8, 6, 8));
        root.setBottom(bottom);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(image.fileName() + " - TSO Inspector");
        stage.getIcons().setAll(Icons.application());
        stage.setScene(new Scene(root, 1100, 420));
        stage.show();
        paint.run();
    }
}
