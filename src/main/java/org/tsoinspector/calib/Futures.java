package org.tsoinspector.calib;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.tsoinspector.model.CancelledException;

/** Waiting for work handed to another thread, with its failure rethrown as the work threw it. */
public final class Futures {

    private Futures() {
    }

    /**
     * The task's result; an IOException, CancelledException or unchecked throwable from the task is
     * rethrown as it is, and an interrupted wait is a cancel.
     */
    public static <T> T await(Future<T> task) throws IOException, CancelledException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof CancelledException cancelled) {
                throw cancelled;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }
}
