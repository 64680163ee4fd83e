package org.tsoinspector.app;

import java.nio.file.Path;
import java.util.List;
import org.tsoinspector.model.ProgressMonitor;

/** Opens the files the user chose (all segments of one exposure) as one session; runs off the UI thread. */
@FunctionalInterface
public interface ExposureOpener {

    ExposureSession open(List<Path> files, ProgressMonitor monitor) throws Exception;
}
