package org.tsoinspector.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.tsoinspector.model.CancelledException;

/** What closing the window does to a job that is still running: it stops, and cleans up before the JVM ends. */
class JobRunnerTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void closingTheWindowStopsARunningJobAndWaitsForItsCleanup(@TempDir Path dir) throws Exception {
        Path temp = dir.resolve(".export.png.part");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cleaned = new CountDownLatch(1);
        AtomicLong sawCancel = new AtomicLong();
        JobRunner jobs = onFx(() -> new JobRunner(message -> { }));
        onFx(() -> {
            jobs.submit("export", m -> {
                Files.write(temp, new byte[100]);
                started.countDown();
                while (!m.isCancelled()) {
                    Thread.onSpinWait(); // a long computation that asks its monitor between units of work
                }
                sawCancel.set(System.nanoTime());
                long until = System.nanoTime() + 300_000_000L; // cleanup that takes a while
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                Files.delete(temp);
                cleaned.countDown();
                throw new CancelledException();
            }, result -> { });
            return null;
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long closed = System.nanoTime();
        onFx(() -> {
            jobs.shutdown();
            return null;
        });
        boolean keptAlive = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("tso-job-cleanup") && !t.isDaemon() && t.isAlive());
        assertTrue(keptAlive, "a non-daemon thread keeps the JVM up until the job has cleaned up");
        assertTrue(cleaned.await(5, TimeUnit.SECONDS), "the job cleaned up after the window closed");
        double latency = (sawCancel.get() - closed) / 1e9;
        assertTrue(latency < 1, "the job saw the cancel " + latency + " s after the window closed");
        assertFalse(Files.exists(temp), "no temporary file is left");
    }
}
