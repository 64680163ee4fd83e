package org.tsoinspector.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsoinspector.inspect.ErrorMessage;
import org.tsoinspector.model.CancelledException;

/** Entry point of the batch commands: dispatches, and maps failures to one line and an exit status. */
public final class CommandLine {

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_CANCELLED = 130;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommandLine.class);

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;

    public CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        for (Command c : List.<Command>of(new InfoCommand(), new CalibrateCommand(), new SimulateCommand(),
                new PlotCommand(), new BenchCommand())) {
            commands.put(c.name(), c);
        }
    }

    /** True when the first argument names a batch command (not the window). */
    public static boolean isBatchCommand(String word) {
        return new CommandLine(System.out, System.err).commands.containsKey(word)
                || word.equals("help") || word.equals("--help") || word.equals("-h");
    }

    public String usageText() {
        StringBuilder sb = new StringBuilder("usage: java -jar tso-inspector.jar [COMMAND] [ARGS]\n\n");
        sb.append("  (no command)            the window, on the built-in sample\n");
        sb.append("  gui [FILE...]           the window, on these files\n");
        for (Command c : commands.values()) {
            sb.append("  ").append(c.usage()).append('\n');
        }
        sb.append("\nAdd --debug to any command for a stack trace on failure.\n");
        return sb.toString();
    }

    /** Runs the command named by args[0] and returns the process exit status. */
    public int run(String... argv) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        boolean debug = args.remove("--debug");
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
            out.print(usageText());
            return args.isEmpty() ? EXIT_USAGE : EXIT_OK;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("error: unknown command '" + args.get(0) + "'");
            err.print(usageText());
            return EXIT_USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println("usage: java -jar tso-inspector.jar " + command.usage());
            return EXIT_OK;
        }
        try {
            return command.run(rest, out);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: java -jar tso-inspector.jar " + command.usage());
            return EXIT_USAGE;
        } catch (CancelledException e) {
            err.println("cancelled");
            return EXIT_CANCELLED;
        } catch (Exception | OutOfMemoryError e) {
            return fail(e, debug);
        }
    }

    private int fail(Throwable t, boolean debug) {
        String message = ErrorMessage.of(t);
        err.println("error: " + message);
        if (t instanceof org.tsoinspector.model.BadInputException) {
            LOG.info("bad input: {}", message);
        } else {
            LOG.error("failed: {}", message, t);
        }
        if (debug) {
            t.printStackTrace(err);
        }
        return EXIT_BAD_INPUT;
    }
}
