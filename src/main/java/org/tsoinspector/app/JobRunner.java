package org.tsoinspector.app;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tsoinspector.inspect.ErrorMessage;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ProgressMonitor;

/**
 * Runs background jobs on a small executor and delivers results on the FX thread. Each job has a
 * slot ("frame", "ratio", ...): submitting to a busy slot cancels the older job, so a burst of slider
 * moves becomes one recomputation and a stale result is never shown. Exposes the progress of the
 * most recent long job for the status bar.
 */
public final class JobRunner {

    /** How long a closing window waits for cancelled jobs to clean up before the JVM may end. */
    private static final int CLEANUP_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final ExecutorService executor;
    private final Map<String, Running> slots = new HashMap<>();
    private final IntegerProperty activeJobs = new SimpleIntegerProperty(0);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final Consumer<String> errorSink;
    private final AtomicInteger threadNumber = new AtomicInteger();

    /** Errors (one sentence each) go to errorSink on the FX thread. */
    public JobRunner(Consumer<String> errorSink) {
        this.errorSink = errorSink;
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tso-job-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Jobs submitted and not yet finished (FX thread view). */
    public IntegerProperty activeJobsProperty() {
        return activeJobs;
    }

    /** Fraction done of the latest job that reported progress, or -1 while it does not know. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    /**
     * Runs job on the executor; onSuccess runs on the FX thread unless the job was cancelled or
     * replaced meanwhile. Must be called on the FX thread.
     */
    public <T> void submit(String slot, BackgroundJob<T> job, Consumer<T> onSuccess) {
        submit(slot, job, onSuccess, errorSink);
    }

    /** As {@link #submit(String, BackgroundJob, Consumer)} with a failure handler of its own. */
    public <T> void submit(String slot, BackgroundJob<T> job, Consumer<T> onSuccess, Consumer<String> onFailure) {
        cancel(slot);
        Running running = new Running();
        slots.put(slot, running);
        activeJobs.set(activeJobs.get() + 1);
        progress.set(-1);
        executor.submit(() -> {
            T result;
            try {
                result = job.run(running);
            } catch (CancelledException e) {
                Platform.runLater(() -> finish(slot, running));
                return;
            } catch (Throwable t) {
                String message = ErrorMessage.of(t);
                if (t instanceof org.tsoinspector.model.BadInputException) {
                    LOG.info("job {}: {}", slot, message);
                } else {
                    LOG.error("job {} failed: {}", slot, message, t);
                }
                Platform.runLater(() -> {
                    boolean current = finish(slot, running);
                    if (current && !running.cancelled) {
                        onFailure.accept(message);
                    }
                });
                return;
            }
            Platform.runLater(() -> {
                boolean current = finish(slot, running);
                if (current && !running.cancelled) {
                    onSuccess.accept(result);
                }
            });
        });
    }

    /** Cancels the job in slot, if any; its result will not be delivered. */
    public void cancel(String slot) {
        Running old = slots.remove(slot);
        if (old != null) {
            old.cancelled = true;
            activeJobs.set(activeJobs.get() - 1);
        }
    }

    /** The cancel button: stops every running job. */
    public void cancelAll() {
        for (String slot : slots.keySet().toArray(new String[0])) {
            cancel(slot);
        }
        progress.set(0);
        progressText.set("cancelled");
    }

    public boolean isBusy(String slot) {
        return slots.containsKey(slot);
    }

    /**
     * Stops the executor when the window closes: running jobs see cancellation (and an interrupt). The
     * job threads are daemons, so a non-daemon thread keeps the JVM up until they have finished, at most
     * a few seconds: a job writing a file when the window closes removes its temporary file instead of
     * being cut off mid-write.
     */
    public void shutdown() {
        cancelAll();
        executor.shutdownNow();
        Thread cleanup = new Thread(() -> {
            try {
                executor.awaitTermination(CLEANUP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tso-job-cleanup");
        cleanup.setDaemon(false);
        cleanup.start();
    }

    /** True when this job is still the one in its slot (then it is removed from the slot). */
    private boolean finish(String slot, Running running) {
        if (slots.get(slot) == running) {
            slots.remove(slot);
            activeJobs.set(activeJobs.get() - 1);
            if (slots.isEmpty()) {
                progress.set(0);
                progressText.set("");
            }
            return true;
        }
        return false;
    }

    /** The monitor handed to one job; progress reaches the FX thread at most every 50 ms. */
    private final class Running implements ProgressMonitor {
        volatile boolean cancelled;
        private long lastPost;

        @Override
        public void progress(long done, long total, String message) {
            long now = System.nanoTime();
            if (now - lastPost < 50_000_000L && done < total) {
                return;
            }
            lastPost = now;
            double fraction = total > 0 ? (double) done / total : -1;
            Platform.runLater(() -> {
                if (!cancelled) {
                    progress.set(fraction);
                    progressText.set(message == null ? "" : message);
                }
            });
        }

        @Override
        public boolean isCancelled() {
            return cancelled || Thread.currentThread().isInterrupted();
        }
    }
}
