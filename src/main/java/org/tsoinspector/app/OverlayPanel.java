package org.tsoinspector.app;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.inspect.OverlayKind;

/**
 * The overlay switches, each with its colour and its own opacity slider, and the DQ flags chosen for
 * the "chosen flags" overlay. Opacity changes only repaint; switching a mask on recomputes it.
 */
final class OverlayPanel extends GridPane {

    private final Map<OverlayKind, CheckBox> enabled = new EnumMap<>(OverlayKind.class);
    private final Map<OverlayKind, Slider> opacity = new EnumMap<>(OverlayKind.class);
    private final ObjectProperty<Set<DqFlag>> chosenFlags =
            new SimpleObjectProperty<>(EnumSet.of(DqFlag.DO_NOT_USE));
    private final ObjectProperty<Set<OverlayKind>> shown = new SimpleObjectProperty<>(EnumSet.noneOf(OverlayKind.class));
    private Runnable onOpacity = () -> { };

    private final Map<OverlayKind, Rectangle> swatches = new java.util.EnumMap<>(OverlayKind.class);

    private static Color color(int rgb) {
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }

    /** The swatches take the colours the overlays are drawn in over the frame shown (they follow the colormap). */
    void showColors(Map<OverlayKind, Integer> colors) {
        colors.forEach((k, rgb) -> swatches.get(k).setFill(color(rgb)));
    }

    OverlayPanel() {
        setHgap(6);
        setVgap(4);
        setPadding(new Insets(6));
        int row = 0;
        for (OverlayKind k : OverlayKind.values()) {
            CheckBox box = new CheckBox(k.label());
            box.setId("overlay-" + k.name().toLowerCase(java.util.Locale.ROOT));
            box.setWrapText(true);
            box.setMnemonicParsing(false); // "JUMP_DET" keeps its underscore
            Rectangle swatch = new Rectangle(12, 12, color(k.rgb()));
            swatch.setId("swatch-" + k.name().toLowerCase(java.util.Locale.ROOT));
            swatches.put(k, swatch);
            Slider alpha = new Slider(0, 1, 0.7);
            alpha.setId("opacity-" + k.name().toLowerCase(java.util.Locale.ROOT));
            alpha.setPrefWidth(70);
            alpha.setTooltip(new Tooltip("Opacity of this overlay"));
            alpha.setFocusTraversable(false);
            enabled.put(k, box);
            opacity.put(k, alpha);
            box.selectedProperty().addListener((o, a, b) -> updateShown());
            alpha.valueProperty().addListener((o, a, b) -> onOpacity.run());
            add(swatch, 0, row);
            add(box, 1, row);
            add(alpha, 2, row);
            GridPane.setHgrow(box, Priority.ALWAYS);
            row++;
        }
        MenuButton flags = new MenuButton();
        flags.setId("dq-flags");
        for (DqFlag f : DqFlag.values()) {
            CheckMenuItem item = new CheckMenuItem(f.name() + (f.isGroupFlag() ? "  (pixel or group)" : ""));
            item.setMnemonicParsing(false);
            item.setSelected(chosenFlags.get().contains(f));
            item.selectedProperty().addListener((o, a, b) -> {
                Set<DqFlag> s = EnumSet.noneOf(DqFlag.class);
                s.addAll(chosenFlags.get());
                if (b) {
                    s.add(f);
                } else {
                    s.remove(f);
                }
                chosenFlags.set(s);
                flags.setText(describe(s));
            });
            flags.getItems().add(item);
        }
        flags.setMnemonicParsing(false);
        flags.setText(describe(chosenFlags.get()));
        flags.setMaxWidth(Double.MAX_VALUE);
        add(flags, 1, row, 2, 1);
    }

    private static String describe(Set<DqFlag> s) {
        return s.isEmpty() ? "Flags: none" : "Flags: " + DqFlag.describe(java.util.List.copyOf(s));
    }

    private void updateShown() {
        Set<OverlayKind> s = EnumSet.noneOf(OverlayKind.class);
        enabled.forEach((k, box) -> {
            if (box.isSelected()) {
                s.add(k);
            }
        });
        shown.set(s);
    }

    /** The overlays switched on. */
    ObjectProperty<Set<OverlayKind>> shownProperty() {
        return shown;
    }

    ObjectProperty<Set<DqFlag>> chosenFlagsProperty() {
        return chosenFlags;
    }

    double opacity(OverlayKind k) {
        return opacity.get(k).getValue();
    }

    void setOnOpacityChanged(Runnable r) {
        onOpacity = r;
    }

    void setEnabled(OverlayKind k, boolean on) {
        enabled.get(k).setSelected(on);
    }
}
