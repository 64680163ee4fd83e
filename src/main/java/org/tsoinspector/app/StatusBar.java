package org.tsoinspector.app;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The bottom lines: hover read-out, the last message or error, and job progress with a cancel button. */
final class StatusBar extends VBox {

    private final Label readout = new Label(" ");
    private final Label message = new Label("Ready");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button cancel = new Button("Cancel");
    private final Label samp = new Label("SAMP: off");
    private boolean showsError;
    private long errorsShown;

    StatusBar(JobRunner jobs) {
        readout.setId("readout");
        message.setId("status-message");
        progress.setId("progress");
        cancel.setId("cancel");
        readout.setStyle("-fx-font-family: monospace;");
        readout.setMaxWidth(Double.MAX_VALUE);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        progress.setPrefWidth(180);
        progress.progressProperty().bind(jobs.progressProperty());
        progressText.textProperty().bind(jobs.progressTextProperty());
        cancel.setGraphic(Icons.toolbar("cancel"));
        cancel.setOnAction(e -> jobs.cancelAll());
        Region gap = new Region();
        samp.setId("samp-state");
        // the message line gives way (it ends in "..."); the job, Cancel and the SAMP state keep their words
        samp.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        progress.setMinWidth(120); // beside a long job text ("segment 4 of 5: integration 3 of 41") it shrank to 28 px
        samp.setTooltip(new javafx.scene.control.Tooltip("Messaging with DS9, TOPCAT and astropy.samp:"
                + " File > Connect to SAMP hub, File > Send frame to"));
        HBox line = new HBox(8, message, gap, samp);
        // Progress and cancel are in the line only while jobs run (not merely hidden: a hidden
        // progress bar left a stale stroke under the GTK software pipeline).
        // Quick jobs (a frame after a slider move) finish before the delay, so the bar does not flicker.
        PauseTransition delay = new PauseTransition(Duration.millis(250));
        delay.setOnFinished(e -> {
            if (jobs.activeJobsProperty().get() > 0 && !line.getChildren().contains(progress)) {
                line.getChildren().addAll(line.getChildren().indexOf(samp), List.of(progressText, progress, cancel));
            }
        });
        jobs.activeJobsProperty().addListener((o, a, b) -> {
            if (b.intValue() > 0) {
                delay.playFromStart();
            } else {
                delay.stop();
                line.getChildren().removeAll(progressText, progress, cancel);
            }
        });
        line.setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 8, 4, 8));
        setSpacing(2);
        getChildren().addAll(readout, line);
        getStyleClass().add("status-bar");
    }

    void info(String text) {
        showsError = false;
        message.setStyle("");
        message.setText(text);
    }

    /** How many errors have been shown; an error stays until the user acts after it (see InspectorWindow). */
    long errorsShown() {
        return errorsShown;
    }

    /** True while the message line shows error number {@code n} (counting from 1). */
    boolean showsError(long n) {
        return showsError && errorsShown == n;
    }

    /** One sentence, shown in red; the window stays usable. */
    void error(String text) {
        showsError = true;
        errorsShown++;
        message.setStyle("-fx-text-fill: #c0392b; -fx-font-weight: bold;");
        message.setText(text);
    }

    /** The SAMP connection's state, at the right of the message line. */
    void samp(String state) {
        samp.setText(state);
    }

    String sampText() {
        return samp.getText();
    }

    void readout(String text) {
        readout.setText(text == null || text.isEmpty() ? " " : text);
    }

    String messageText() {
        return message.getText();
    }
}
