package org.tsoinspector.app;

import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import java.util.function.Supplier;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.samp.SampLink;
import org.tsoinspector.inspect.DisplaySettings;
import org.tsoinspector.inspect.ReferenceImage;

/** A small window showing a reference file as an image, with its own zoom, colour bar and read-out. */
final class ReferenceWindow {

    private ReferenceWindow() {
    }

    /** Sends a plane (its index) to a SAMP client, or to all (null). */
    @FunctionalInterface
    interface PlaneSender {
        void send(int plane, String recipientId);
    }

    /**
     * Rendering runs on the window's job runner; only the finished picture reaches the FX thread.
     *
     * @param samp the main window's SAMP link (the context menu's Send plane to)
     */
    static void show(Window owner, ReferenceImage image, DisplaySettings display, ExposureMetadata md,
            JobRunner jobs, Supplier<SampLink> samp, PlaneSender sender) {
        SubarrayWindow window = md.window();
        FrameView view = new FrameView(new ViewPort(), new SimpleObjectProperty<>());
        view.setPrefSize(1000, 300);
        ColorbarView colorbar = new ColorbarView();
        Label readout = new Label(" ");
        readout.setStyle("-fx-font-family: monospace;");
        ComboBox<String> plane = new ComboBox<>();
        plane.getItems().setAll(image.planeNames());
        plane.getSelectionModel().select(0);
        Runnable paint = () -> {
            int k = plane.getSelectionModel().getSelectedIndex();
            String caption = image.fileName() + "  " + plane.getValue();
            jobs.submit("reference-" + image.fileName(), m -> image.picture(k, display), p -> {
                view.setFrame(image.nx(), image.ny(), p.image().argb(), caption);
                colorbar.show(p.scale(), image.what());
            });
        };
        plane.valueProperty().addListener((o, a, b) -> paint.run());
        ContextMenu menu = new ContextMenu(SendToMenu.of("Send plane to", "send-reference-plane", samp,
                SampLink.IMAGE_LOAD_FITS, id -> sender.send(plane.getSelectionModel().getSelectedIndex(), id)));
        view.setOnMenu((x, y) -> menu.show(view, x, y));
        view.hoveredProperty().addListener((o, a, p) -> {
            if (p == null) {
                readout.setText(" ");
                return;
            }
            readout.setText(image.readout(plane.getSelectionModel().getSelectedIndex(), p, window));
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
