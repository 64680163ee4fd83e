package org.tsoinspector.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.tsoinspector.sim.SampleLibrary;

/** The JavaFX application: the inspector window on the files given, or on the built-in sample. */
public class InspectorApplication extends Application {

    /** Preferences node of the real window (tests use their own). */
    static final String SETTINGS_NODE = "/org/tsoinspector/app";

    /** Starts the toolkit and opens the window; returns when the window closes. */
    public static void start(String[] files) {
        Application.launch(InspectorApplication.class, files);
    }

    @Override
    public void start(Stage stage) {
        InspectorWindow window = new InspectorWindow(stage, AppSettings.forNode(SETTINGS_NODE),
                new FitsExposureOpener());
        window.show();
        List<Path> files = new ArrayList<>();
        for (String f : getParameters().getRaw()) {
            files.add(Path.of(f));
        }
        if (files.isEmpty()) {
            window.openSample(SampleLibrary.DEFAULT_SAMPLE);
        } else {
            window.open(files);
        }
    }
}
