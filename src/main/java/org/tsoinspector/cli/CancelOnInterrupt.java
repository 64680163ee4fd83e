package org.tsoinspector.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.tsoinspector.model.ProgressMonitor;

/**
 * Cancels a long command (calibrate, simulate) on Ctrl-C and holds the JVM's shutdown until the run
 * has removed its temporary files, so an interrupted command leaves nothing behind. Reports progress
 * a tenth at a time on stderr.
 */
final class CancelOnInterrupt implements ProgressMonitor {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final TenthsOnStderr tenths;

    /** @param command names the command in the progress lines */
    CancelOnInterrupt(String command) {
        tenths = new TenthsOnStderr(command);
        hook = new Thread(this::interrupted, command + "-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void interrupted() {
        cancelled.set(true);
        try {
            finished.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Call when the run has ended, whichever way: a waiting Ctrl-C may then let the JVM exit. */
    void done() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it only waited for this countDown
        }
    }

    @Override
    public void progress(long done, long total, String message) {
        tenths.progress(done, total, message);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }
}
