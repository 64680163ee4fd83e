package org.tsoinspector.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: the inspector window on the files given, or on the built-in sample. */
public class InspectorApplication extends Application {

    /** Starts the toolkit and opens the window; returns when the window closes. */
    public static void start(String[] files) {
        Application.launch(InspectorApplication.class, files);
    }

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("TSO Inspector"));
        stage.setTitle("TSO Inspector");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
