package org.tsoinspector.app;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tsoinspector.inspect.CompareMode;
import org.tsoinspector.inspect.RampStage;

/**
 * The Stages controls: stage A, stage B, how they are compared, whether they share one colour scale,
 * whether a difference loses its median, and how fast blink swaps by itself. Every choice is
 * remembered between runs.
 */
final class StagesPanel extends VBox {

    private static final String MODE_KEY = "compare.mode";
    private static final String SHARED_SCALE_KEY = "compare.shared_scale";
    private static final String STAGE_A_KEY = "stage.a";
    private static final String STAGE_B_KEY = "stage.b";
    private static final String MEDIAN_KEY = "compare.difference_median_removed";
    private static final String AUTO_BLINK_KEY = "compare.blink_auto";
    private static final String BLINK_SECONDS_KEY = "compare.blink_seconds";

    private final AppSettings settings;
    private final ComboBox<RampStage> stageA = new ComboBox<>();
    private final ComboBox<RampStage> stageB = new ComboBox<>();
    private final ComboBox<CompareMode> mode = new ComboBox<>();
    private final CheckBox sharedScale = new CheckBox("One colour scale for A and B");
    private final CheckBox medianRemoved = new CheckBox("Difference without its median");
    private final CheckBox autoBlink = new CheckBox("Blink every");
    private final Spinner<Double> blinkSeconds = new Spinner<>(0.1, 10.0, 0.5, 0.1);

    /**
     * @param onPictureChanged a stage or the scale changed: the pictures need recomputing
     * @param onModeChanged    the comparison changed (the views may need rearranging)
     */
    StagesPanel(AppSettings settings, Runnable onPictureChanged, Consumer<CompareMode> onModeChanged) {
        super(6);
        this.settings = settings;
        setPadding(new Insets(6));
        stageA.setValue(RampStage.RAW);
        stageB.setValue(RampStage.RAW);
        stageA.setId("stage-a");
        stageB.setId("stage-b");
        mode.setId("compare-mode");
        mode.getItems().setAll(CompareMode.values());
        mode.setValue(savedMode());
        sharedScale.setId("shared-scale");
        sharedScale.setSelected(settings.getBoolean(SHARED_SCALE_KEY, true));
        sharedScale.setTooltip(new Tooltip("Side by side and blink: equal values get equal colours. "
                + "Off: each stage is scaled to its own range, with its own colour bar."));
        medianRemoved.setId("difference-median");
        medianRemoved.setSelected(settings.getBoolean(MEDIAN_KEY, true));
        medianRemoved.setTooltip(new Tooltip("Difference: take the median of A - B out of the picture, so what a"
                + " step changed besides a common offset shows (refpix's odd/even stripes)"));
        autoBlink.setId("blink-auto");
        autoBlink.setSelected(settings.getBoolean(AUTO_BLINK_KEY, false));
        autoBlink.setTooltip(new Tooltip("Blink: swap A and B by itself at this interval (B swaps by hand)"));
        blinkSeconds.setId("blink-seconds");
        blinkSeconds.setEditable(true);
        blinkSeconds.setPrefWidth(80);
        blinkSeconds.getValueFactory().setValue(settings.getDouble(BLINK_SECONDS_KEY, 0.5));
        HBox blinkLine = new HBox(6, autoBlink, blinkSeconds, new Label("s"));
        blinkLine.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(new Label("Stage A"), stageA, new Label("Compare with (B)"), stageB,
                new Label("Comparison"), mode, sharedScale, medianRemoved, blinkLine);
        medianRemoved.selectedProperty().addListener((o, a, b) -> {
            settings.putBoolean(MEDIAN_KEY, b);
            onPictureChanged.run();
        });
        autoBlink.selectedProperty().addListener((o, a, b) -> settings.putBoolean(AUTO_BLINK_KEY, b));
        blinkSeconds.valueProperty().addListener((o, a, b) -> settings.putDouble(BLINK_SECONDS_KEY, b));
        remember(stageA, STAGE_A_KEY, onPictureChanged);
        remember(stageB, STAGE_B_KEY, onPictureChanged);
        mode.valueProperty().addListener((o, a, b) -> {
            settings.put(MODE_KEY, b.name());
            onModeChanged.accept(b);
        });
        sharedScale.selectedProperty().addListener((o, a, b) -> {
            settings.putBoolean(SHARED_SCALE_KEY, b);
            onPictureChanged.run();
        });
    }

    private void remember(ComboBox<RampStage> box, String key, Runnable onChanged) {
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                settings.put(key, b.label());
                onChanged.run();
            }
        });
    }

    RampStage a() {
        return stageA.getValue();
    }

    RampStage b() {
        return stageB.getValue();
    }

    CompareMode mode() {
        return mode.getValue();
    }

    javafx.beans.value.ObservableValue<CompareMode> modeProperty() {
        return mode.valueProperty();
    }

    void setMode(CompareMode m) {
        mode.setValue(m);
    }

    boolean sharedScale() {
        return sharedScale.isSelected();
    }

    boolean medianRemoved() {
        return medianRemoved.isSelected();
    }

    /** Whether blink swaps by itself; with {@link #blinkSecondsProperty} the window's blink timer follows both. */
    javafx.beans.property.BooleanProperty autoBlinkProperty() {
        return autoBlink.selectedProperty();
    }

    javafx.beans.value.ObservableValue<Double> blinkSecondsProperty() {
        return blinkSeconds.valueProperty();
    }

    /**
     * Offers a newly opened exposure's stages: the first exposure of a run starts at the remembered
     * stages, later ones keep the stages chosen; a stage the exposure does not offer becomes raw (A) or
     * the last stage (B).
     */
    void offer(List<RampStage> stages, boolean first) {
        RampStage wasA = first ? saved(STAGE_A_KEY) : stageA.getValue();
        RampStage wasB = first ? saved(STAGE_B_KEY) : stageB.getValue();
        setItems(stages, stages.contains(wasA) ? wasA : RampStage.RAW,
                stages.contains(wasB) ? wasB : stages.get(stages.size() - 1));
    }

    /**
     * Offers the stages of a new configuration of the same exposure, keeping the stages chosen even when
     * a switched-off step no longer offers one: the inspection shows the stage before it and says so,
     * and the choice comes back with the step.
     */
    void reoffer(List<RampStage> stages) {
        setItems(stages, stageA.getValue(), stageB.getValue());
    }

    private void setItems(List<RampStage> stages, RampStage a, RampStage b) {
        if (stages.equals(stageA.getItems()) && a.equals(stageA.getValue()) && b.equals(stageB.getValue())) {
            return;
        }
        // replacing the items may clear the values, and a value that was missing from them while a step was
        // off keeps a blank button when set again unchanged: clear, then set, so the button shows it
        stageA.getItems().setAll(stages);
        stageB.getItems().setAll(stages);
        stageA.setValue(null);
        stageB.setValue(null);
        stageA.setValue(a);
        stageB.setValue(b);
    }

    private RampStage saved(String key) {
        return RampStage.fromLabel(settings.get(key, ""));
    }

    private CompareMode savedMode() {
        try {
            return CompareMode.valueOf(settings.get(MODE_KEY, CompareMode.SINGLE.name()));
        } catch (IllegalArgumentException e) {
            return CompareMode.SINGLE;
        }
    }
}
