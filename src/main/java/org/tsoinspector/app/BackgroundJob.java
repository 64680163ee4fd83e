package org.tsoinspector.app;

import org.tsoinspector.model.ProgressMonitor;

/** Work that runs off the UI thread: reports progress to the monitor and stops when it says so. */
@FunctionalInterface
public interface BackgroundJob<T> {

    T run(ProgressMonitor monitor) throws Exception;
}
