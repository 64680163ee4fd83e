package org.tsoinspector.app;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.tsoinspector.model.BadInputException;

/** Turns a failure into the one sentence the window shows; the stack trace goes to the log only. */
public final class UserMessage {

    private UserMessage() {
    }

    public static String of(Throwable t) {
        Throwable e = t;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof BadInputException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException nsf) {
            return nsf.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException ade) {
            return ade.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException fse) {
            return fse.getFile() + ": " + (fse.getReason() == null ? "file system error" : fse.getReason());
        }
        if (e instanceof java.io.IOException) {
            return e.getMessage() == null ? "read error" : e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory: start Java with a larger -Xmx";
        }
        return "internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
