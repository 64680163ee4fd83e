package org.tsoinspector.app;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.tsoinspector.inspect.DisplaySettings;
import org.tsoinspector.render.DisplayRange;
import org.tsoinspector.render.Limits;
import org.tsoinspector.render.Stretch;
import org.tsoinspector.inspect.PixelReadout;

/** The limits, stretch and colormap choosers; their value is one {@link DisplaySettings}. */
final class DisplayPanel extends GridPane {

    private final ObjectProperty<DisplaySettings> settings = new SimpleObjectProperty<>(DisplaySettings.DEFAULT);
    private final ComboBox<Limits> limits = new ComboBox<>();
    private final ComboBox<Stretch> stretch = new ComboBox<>();
    private final ComboBox<String> colormap = new ComboBox<>();
    private final TextField low = new TextField();
    private final TextField high = new TextField();
    private final CheckBox invert = new CheckBox("Invert");
    private final CheckBox fromView = new CheckBox("Limits from the visible area");
    private boolean updating;

    DisplayPanel(DisplaySettings initial) {
        setHgap(6);
        setVgap(6);
        setPadding(new Insets(6));
        limits.setId("limits");
        stretch.setId("stretch");
        colormap.setId("colormap");
        low.setId("limit-low");
        high.setId("limit-high");
        limits.getItems().setAll(Limits.values());
        limits.setConverter(LabelConverter.of(Limits::label));
        stretch.getItems().setAll(Stretch.values());
        stretch.setConverter(LabelConverter.of(Stretch::id));
        colormap.getItems().setAll(DisplaySettings.colormapNames());
        low.setPrefColumnCount(6);
        high.setPrefColumnCount(6);
        low.setPromptText("low");
        high.setPromptText("high");
        HBox manual = new HBox(4, low, new Label("-"), high);
        HBox.setHgrow(low, Priority.ALWAYS);
        HBox.setHgrow(high, Priority.ALWAYS);
        addRow(0, new Label("Limits"), limits);
        addRow(1, new Label("Range"), manual);
        addRow(2, new Label("Stretch"), stretch);
        invert.setId("invert-colormap");
        HBox map = new HBox(6, colormap, invert);
        HBox.setHgrow(colormap, Priority.ALWAYS);
        addRow(3, new Label("Colormap"), map);
        fromView.setId("limits-from-view");
        fromView.setTooltip(new javafx.scene.control.Tooltip("Zoomed in, the limits rule looks only at the pixels"
                + " in view (DS9's scale from the visible area)"));
        add(fromView, 0, 4, 2, 1);
        limits.setMaxWidth(Double.MAX_VALUE);
        stretch.setMaxWidth(Double.MAX_VALUE);
        colormap.setMaxWidth(Double.MAX_VALUE);
        GridPane.setHgrow(limits, Priority.ALWAYS);
        set(initial);
        limits.valueProperty().addListener((o, a, b) -> changed(s -> s.withLimits(b)));
        stretch.valueProperty().addListener((o, a, b) -> changed(s -> s.withStretch(b)));
        colormap.valueProperty().addListener((o, a, b) -> changed(s -> s.withColormap(b)));
        invert.selectedProperty().addListener((o, a, b) -> changed(s -> s.withInverted(b)));
        fromView.selectedProperty().addListener((o, a, b) -> changed(s -> s.withLimitsFromView(b)));
        low.setOnAction(e -> manualTyped());
        high.setOnAction(e -> manualTyped());
    }

    ObjectProperty<DisplaySettings> settingsProperty() {
        return settings;
    }

    /** Shows the range actually used for the frame (so "manual" starts from what is on screen). */
    void showRange(DisplayRange r) {
        if (r != null && !low.isFocused() && !high.isFocused()) {
            low.setText(PixelReadout.formatValue((float) r.low()));
            high.setText(PixelReadout.formatValue((float) r.high()));
        }
    }

    void set(DisplaySettings s) {
        updating = true;
        limits.setValue(s.limits());
        stretch.setValue(s.stretch());
        colormap.setValue(s.colormap());
        invert.setSelected(s.inverted());
        fromView.setSelected(s.limitsFromView());
        updating = false;
        settings.set(s);
    }

    private void changed(java.util.function.UnaryOperator<DisplaySettings> f) {
        if (!updating) {
            settings.set(f.apply(settings.get()));
        }
    }

    private void manualTyped() {
        try {
            double lo = Double.parseDouble(low.getText().trim());
            double hi = Double.parseDouble(high.getText().trim());
            if (!(hi > lo)) {
                throw new NumberFormatException();
            }
            set(settings.get().withManual(new DisplayRange(lo, hi)));
        } catch (NumberFormatException e) {
            low.setStyle("-fx-border-color: #c0392b;");
            high.setStyle("-fx-border-color: #c0392b;");
            return;
        }
        low.setStyle("");
        high.setStyle("");
    }
}
