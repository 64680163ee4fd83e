package org.tsoinspector.cli;

import java.util.Locale;

/** A long command's progress: a line on stderr every tenth of the work, so a long run shows it is alive. */
final class TenthsOnStderr {

    private final String command;
    private long lastTenth = -1;

    TenthsOnStderr(String command) {
        this.command = command;
    }

    void progress(long done, long total, String message) {
        long tenth = 10 * done / Math.max(1, total);
        if (tenth != lastTenth) {
            lastTenth = tenth;
            System.err.printf(Locale.ROOT, "%s: %d%% (%s)%n", command, 100 * done / Math.max(1, total), message);
        }
    }
}
