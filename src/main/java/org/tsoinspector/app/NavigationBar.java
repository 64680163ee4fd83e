package org.tsoinspector.app;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** The integration and group sliders (0-based values, shown 1-based) with their labels. */
final class NavigationBar extends GridPane {

    private final Slider integrationSlider = slider("integration-slider");
    private final Slider groupSlider = slider("group-slider");
    private final Label integrationLabel = new Label();
    private final Label groupLabel = new Label();
    private final IntegerProperty integration = new SimpleIntegerProperty(0);
    private final IntegerProperty group = new SimpleIntegerProperty(0);
    private int intStart = 1;

    NavigationBar() {
        setHgap(8);
        setVgap(2);
        setPadding(new Insets(4, 8, 4, 8));
        add(new Label("Integration"), 0, 0);
        add(integrationSlider, 1, 0);
        add(integrationLabel, 2, 0);
        add(new Label("Group"), 0, 1);
        add(groupSlider, 1, 1);
        add(groupLabel, 2, 1);
        GridPane.setHgrow(integrationSlider, Priority.ALWAYS);
        GridPane.setHgrow(groupSlider, Priority.ALWAYS);
        integrationLabel.setId("integration-label");
        groupLabel.setId("group-label");
        integrationLabel.setMinWidth(170);
        integrationLabel.setAlignment(Pos.CENTER_LEFT);
        integrationSlider.valueProperty().addListener((o, a, b) -> integration.set((int) Math.round(b.doubleValue())));
        groupSlider.valueProperty().addListener((o, a, b) -> group.set((int) Math.round(b.doubleValue())));
        integration.addListener((o, a, b) -> {
            integrationSlider.setValue(b.intValue());
            updateLabels();
        });
        group.addListener((o, a, b) -> {
            groupSlider.setValue(b.intValue());
            updateLabels();
        });
        setRanges(1, 1, 1);
    }

    private static Slider slider(String id) {
        Slider s = new Slider(0, 0, 0);
        s.setId(id);
        s.setBlockIncrement(1);
        s.setMajorTickUnit(1);
        s.setMinorTickCount(0);
        s.setSnapToTicks(true);
        // The window handles arrow keys for both sliders at once (DS9 habit), so the sliders do not take focus.
        s.setFocusTraversable(false);
        return s;
    }

    /** 0-based integration index within the exposure. */
    IntegerProperty integrationProperty() {
        return integration;
    }

    IntegerProperty groupProperty() {
        return group;
    }

    /** Sets the slider ranges for an exposure and goes to its first integration and group. */
    void setRanges(int integrations, int groups, int firstIntegrationNumber) {
        intStart = firstIntegrationNumber;
        integrationSlider.setMax(Math.max(0, integrations - 1));
        groupSlider.setMax(Math.max(0, groups - 1));
        integrationSlider.setDisable(integrations <= 1);
        groupSlider.setDisable(groups <= 1);
        integration.set(0);
        group.set(0);
        updateLabels();
    }

    void stepIntegration(int delta) {
        integration.set(clamp(integration.get() + delta, (int) integrationSlider.getMax()));
    }

    void stepGroup(int delta) {
        group.set(clamp(group.get() + delta, (int) groupSlider.getMax()));
    }

    void lastGroup() {
        group.set((int) groupSlider.getMax());
    }

    int groupCount() {
        return (int) groupSlider.getMax() + 1;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    private void updateLabels() {
        integrationLabel.setText((integration.get() + 1) + " / " + ((int) integrationSlider.getMax() + 1)
                + (intStart != 1 ? "  (INT " + (integration.get() + intStart) + ")" : ""));
        groupLabel.setText((group.get() + 1) + " / " + ((int) groupSlider.getMax() + 1));
    }
}
