package org.tsoinspector.inspect;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.tsoinspector.model.BadInputException;

/**
 * The one sentence a failure is reported with: after "error: " on the command line, and as is in the
 * window, so both say the same thing ("file: what is wrong"). Stack traces go elsewhere (--debug, log).
 */
public final class ErrorMessage {

    private ErrorMessage() {
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
        if (e instanceof IOException) {
            return e.getMessage() == null ? "read or write error (" + e.getClass().getSimpleName() + ")" : e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory: start Java with a larger -Xmx";
        }
        return "internal error: " + e;
    }
}
