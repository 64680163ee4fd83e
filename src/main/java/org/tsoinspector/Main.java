package org.tsoinspector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.tsoinspector.app.InspectorApplication;
import org.tsoinspector.cli.CommandLine;
import org.tsoinspector.cli.WindowJvm;

/**
 * The jar's entry point: the window, or a batch command. Not a JavaFX Application subclass, so that the
 * classpath launch works and the batch commands never start the toolkit. It sits above both {@code app}
 * and {@code cli} so that neither needs the other.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        logToFile();
        if (args.length == 0 || args[0].equals("gui")) {
            String[] files = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
            String missing = InspectorApplication.missingDisplay();
            if (missing != null) {
                System.err.println("error: " + missing);
                System.exit(CommandLine.EXIT_BAD_INPUT);
            }
            if (!WindowJvm.isBounded()) {
                System.exit(relaunched(args));
            }
            InspectorApplication.start(files);
        } else {
            System.exit(new CommandLine(System.out, System.err).run(args));
        }
    }

    /** The window in a JVM of bounded memory ({@link WindowJvm}); its exit status, or 1 when it cannot start. */
    private static int relaunched(String[] args) {
        try {
            return WindowJvm.run(WindowJvm.command(Main.class.getName(), Arrays.asList(args)));
        } catch (IOException e) {
            System.err.println("error: could not start the window's JVM: " + e.getMessage());
            return CommandLine.EXIT_BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CommandLine.EXIT_CANCELLED;
        }
    }

    /**
     * Sends the log (slf4j-simple) to {@code ~/.cache/tso-inspector/tso-inspector.log}, or the folder given
     * with -Dtso.cache, unless a log file was chosen with -Dorg.slf4j.simpleLogger.logFile: the screen
     * shows one sentence per failure, the log keeps the stack traces for a bug report.
     */
    private static void logToFile() {
        String key = "org.slf4j.simpleLogger.logFile";
        if (System.getProperty(key) != null) {
            return;
        }
        String cache = System.getProperty("tso.cache");
        Path dir = cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "tso-inspector");
        try {
            Files.createDirectories(dir);
            System.setProperty(key, dir.resolve("tso-inspector.log").toString());
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
        } catch (IOException e) {
            // no writable cache folder: the log stays on stderr, where slf4j-simple puts it by default
        }
        // JSAMP and STIL log through java.util.logging: into the same log, not onto the console
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
    }
}
