package org.tsoinspector.app;

import java.nio.file.Path;
import java.util.List;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.StepConfiguration;
import org.tsoinspector.model.ProgressMonitor;

/**
 * Opens the files the user chose (all segments of one exposure) as one inspection; runs off the UI
 * thread. The window's seam: tests open in-memory exposures through it.
 */
@FunctionalInterface
public interface ExposureOpener {

    /** Raw segments and step products through the FITS reader, references found by the usual policy. */
    ExposureOpener FITS = (files, configuration, monitor) -> Inspection.open(files, null, configuration, monitor);

    Inspection open(List<Path> files, StepConfiguration configuration, ProgressMonitor monitor) throws Exception;
}
