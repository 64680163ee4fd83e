package org.tsoinspector.app;

import java.util.Arrays;
import org.tsoinspector.cli.CommandLine;

/**
 * The jar's entry point. Not a JavaFX Application subclass, so that the classpath launch works and the
 * batch commands never start the toolkit.
 */
public final class Main {

    private Main() {
    }

    /**
     * Why the window cannot open here, or null when it can: without this check JavaFX dies with a
     * stack trace ("Unable to open DISPLAY") on a server without a screen.
     */
    static String missingDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean headlessGlass = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
        if (!linux || headlessGlass || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null) {
            return null;
        }
        return "the window needs a graphical display and DISPLAY is not set (run it under xvfb-run,"
                + " or use the command line: java -jar tso-inspector.jar help)";
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("gui")) {
            String[] files = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
            String missing = missingDisplay();
            if (missing != null) {
                System.err.println("error: " + missing);
                System.exit(CommandLine.EXIT_BAD_INPUT);
            }
            InspectorApplication.start(files);
        } else {
            System.exit(new CommandLine(System.out, System.err).run(args));
        }
    }
}
