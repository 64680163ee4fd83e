package org.tsoinspector.app;

import java.nio.file.Path;
import java.util.List;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.RampSource;

/** Opens raw segments and step products through the FITS reader (headers only; integrations on demand). */
public final class FitsExposureOpener implements ExposureOpener {

    @Override
    public ExposureSession open(List<Path> files, ProgressMonitor monitor) throws Exception {
        if (files.size() != 1) {
            throw new BadInputException(files.get(0).getFileName().toString(),
                    "opening several segments at once needs the multi-segment reader");
        }
        monitor.progress(0, 1, "reading headers of " + files.get(0).getFileName());
        RampSource source = FitsRampFile.open(files.get(0));
        return new ExposureSession(source);
    }
}
