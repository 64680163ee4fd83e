package org.tsoinspector.app;

import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.RampStage;
import org.tsoinspector.model.StepName;

/**
 * The two stages a whole-segment plot compares, chosen in its tab and not taken from the frame's stages:
 * the notebook's linearity check compares after refpix with after linearity whatever the frame shows
 * (with the frame at "after saturation" the fluence axis would include the ~13k DN bias).
 */
final class StagePairChoice extends HBox {

    private final ComboBox<RampStage> before = new ComboBox<>();
    private final ComboBox<RampStage> after = new ComboBox<>();

    StagePairChoice(String id) {
        super(4);
        before.setId(id + "-before");
        after.setId(id + "-after");
        getChildren().addAll(new Label("Stages"), before, new Label("vs"), after);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    /** A new exposure: its stages, after refpix vs after linearity when it offers them. */
    void reset(Inspection inspection) {
        List<RampStage> stages = inspection.stages();
        before.getItems().setAll(stages);
        after.getItems().setAll(stages);
        before.setValue(offered(stages, StepName.REFPIX, stages.get(0)));
        after.setValue(offered(stages, StepName.LINEARITY, stages.get(stages.size() - 1)));
    }

    private static RampStage offered(List<RampStage> stages, StepName step, RampStage fallback) {
        RampStage wanted = RampStage.after(step);
        return stages.contains(wanted) ? wanted : fallback;
    }

    RampStage before() {
        return before.getValue() == null ? RampStage.RAW : before.getValue();
    }

    RampStage after() {
        return after.getValue() == null ? RampStage.RAW : after.getValue();
    }
}
