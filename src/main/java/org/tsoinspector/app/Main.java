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

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("gui")) {
            String[] files = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
            InspectorApplication.start(files);
        } else {
            System.exit(new CommandLine(System.out, System.err).run(args));
        }
    }
}
