package org.tsoinspector.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the command line (info, calibrate, simulate, plot, bench). */
public interface Command {

    /** The word that selects it, e.g. "info". */
    String name();

    /** One usage line, e.g. "info FILE". */
    String usage();

    /**
     * Runs the command.
     *
     * @return the exit status (0 done)
     * @throws UsageException for bad arguments (exit 2 with the usage text)
     * @throws org.tsoinspector.model.BadInputException for bad input (exit 1, one line)
     * @throws org.tsoinspector.model.CancelledException when interrupted (exit 130)
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
