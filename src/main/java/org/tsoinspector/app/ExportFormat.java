package org.tsoinspector.app;

import java.io.IOException;
import java.nio.file.Path;
import org.tsoinspector.inspect.PlotResult;

/** The files a frame or a plot exports to besides PNG: its numbers as CSV or VOTable, an image as FITS. */
enum ExportFormat {
    CSV("CSV table", "csv"),
    VOTABLE("VOTable", "vot"),
    FITS("FITS image", "fits");

    private final String description;
    private final String extension;

    ExportFormat(String description, String extension) {
        this.description = description;
        this.extension = extension;
    }

    String description() {
        return description;
    }

    String extension() {
        return extension;
    }

    /** Writes the result (temporary name, then renamed); what the status line then says was written. */
    String write(PlotResult r, Path target) throws IOException {
        switch (this) {
            case CSV -> r.writeCsv(target);
            case VOTABLE -> r.writeVoTable(target);
            case FITS -> r.writeFits(target);
        }
        return this == FITS ? r.image().ny() + " x " + r.image().nx() + " image" : r.rowCount() + " rows";
    }
}
