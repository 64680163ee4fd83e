package org.tsoinspector.app;

import java.nio.file.Path;
import java.util.List;
import org.tsoinspector.fits.MultiSegmentExposure;
import org.tsoinspector.model.ProgressMonitor;

/**
 * Opens raw segments and step products through the FITS reader: headers only, integrations on
 * demand. Several files are the segments of one exposure, numbered across segments.
 */
public final class FitsExposureOpener implements ExposureOpener {

    @Override
    public ExposureSession open(List<Path> files, ProgressMonitor monitor) throws Exception {
        monitor.progress(0, 1, "reading headers");
        MultiSegmentExposure source = MultiSegmentExposure.open(files);
        try {
            monitor.progress(0, 1, "looking for reference files");
            return new ExposureSession(source, ExposureSession.defaultSearchFolders(files, source.metadata()));
        } catch (Exception e) {
            source.close();
            throw e;
        }
    }
}
