package org.tsoinspector.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.tsoinspector.samp.SampLink;
import org.tsoinspector.inspect.BuiltInSamples;

/** The JavaFX application: the inspector window on the files given, or on the built-in sample. */
public class InspectorApplication extends Application {

    /** Preferences node of the real window (tests use their own). */
    static final String SETTINGS_NODE = "/org/tsoinspector/app";

    /**
     * Why the window cannot open here, or null when it can: without this check JavaFX dies with a
     * stack trace ("Unable to open DISPLAY") on a server without a screen.
     */
    public static String missingDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean headlessGlass = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
        if (!linux || headlessGlass || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null) {
            return null;
        }
        return "the window needs a graphical display and DISPLAY is not set (run it under xvfb-run,"
                + " or use the command line: java -jar tso-inspector.jar help)";
    }

    /** Starts the toolkit and opens the window; returns when the window closes. */
    public static void start(String[] files) {
        Application.launch(InspectorApplication.class, files);
    }

    @Override
    public void start(Stage stage) {
        InspectorWindow window = new InspectorWindow(stage, AppSettings.forNode(SETTINGS_NODE),
                ExposureOpener.FITS);
        window.show();
        window.useSamp(SampLink::standard);
        List<Path> files = new ArrayList<>();
        for (String f : getParameters().getRaw()) {
            files.add(Path.of(f));
        }
        if (files.isEmpty()) {
            window.openSample(BuiltInSamples.DEFAULT);
        } else {
            window.open(files);
        }
    }
}
