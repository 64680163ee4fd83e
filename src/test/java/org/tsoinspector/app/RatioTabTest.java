package org.tsoinspector.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The ratio tab's axis follows the chosen pairs, so pairs of unequal spans still show. */
@ExtendWith(ApplicationExtension.class)
class RatioTabTest {

    private RatioTab tab;

    @Start
    void start(Stage stage) {
        tab = new RatioTab();
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(tab.controls()), 900, 80));
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private static void set(FxRobot robot, String id, int value) {
        robot.interact(() -> robot.lookup(id).queryAs(Spinner.class).getValueFactory().setValue(value));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    @Test
    void theRatioAxisSpansHalfToOneAndAHalfTimesTheLinearRatio(FxRobot robot) {
        robot.interact(() -> tab.setGroups(6));
        assertEquals("0.5", text(robot, "#ratio-min"), "(G6 - G5) / (G2 - G1) is 1 on a linear ramp");
        assertEquals("1.5", text(robot, "#ratio-max"));
        set(robot, "#ratio-last-a", 1);
        set(robot, "#ratio-last-b", 5);
        assertEquals("2", text(robot, "#ratio-min"), "(G5 - G1) / (G2 - G1) is 4");
        assertEquals("6", text(robot, "#ratio-max"));
        set(robot, "#ratio-last-b", 1);
        assertEquals("2", text(robot, "#ratio-min"), "a pair of one group leaves the axis alone");
    }
}
