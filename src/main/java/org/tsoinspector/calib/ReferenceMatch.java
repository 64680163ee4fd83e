package org.tsoinspector.calib;

import java.util.Locale;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.SubarrayWindow;

/** Checks that a reference file, already cut to a window, belongs to an exposure. */
final class ReferenceMatch {

    private ReferenceMatch() {
    }

    /**
     * @param window     the window the reference arrays were cut to
     * @param planeSize  length of one of its 2-D arrays (ny*nx expected)
     */
    static void require(ReferenceHeader header, SubarrayWindow window, int planeSize, ExposureMetadata exposure)
            throws BadInputException {
        String file = header.fileName();
        String type = header.referenceType() == null ? "reference" : header.referenceType().toUpperCase(Locale.ROOT);
        if (differs(header.instrument(), exposure.instrument())) {
            throw new BadInputException(file, type + " reference is for instrument " + header.instrument()
                    + " but the exposure is " + exposure.instrument());
        }
        if (differs(header.detector(), exposure.detector())) {
            throw new BadInputException(file, type + " reference is for detector " + header.detector()
                    + " but the exposure is " + exposure.detector());
        }
        if (!window.equals(exposure.window()) || planeSize != exposure.window().pixelCount()) {
            throw new BadInputException(file, type + " reference covers " + window
                    + " but the exposure's window is " + exposure.window());
        }
    }

    private static boolean differs(String a, String b) {
        return a != null && b != null && !a.isBlank() && !b.isBlank() && !a.trim().equalsIgnoreCase(b.trim());
    }
}
