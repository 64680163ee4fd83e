package org.tsoinspector.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.tsoinspector.fits.HeaderCards;
import org.tsoinspector.fits.ImageFileWriter;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SubarrayWindow;

/**
 * A frame, difference or map as a FITS image: its numbers (row 0 first, as stored) and the cards that
 * say what it is, so that DS9 or astropy show it with its meaning and in detector coordinates.
 *
 * @param values row-major ny x nx
 */
public record FitsImage(float[] values, int ny, int nx, HeaderCards cards) {

    /** Writes the image (temporary name, then renamed). */
    public void write(Path target) throws IOException {
        ImageFileWriter.write(target, values, ny, nx, cards);
    }

    /**
     * What an exported image is.
     *
     * @param kind        "frame", "difference", "mask", "saturated" or "reference" (IMAGETYP)
     * @param source      the exposure's name
     * @param integration from 1, or 0 when the image belongs to no integration
     * @param group       from 1, or 0 when it belongs to no group
     * @param unit        BUNIT ("DN", or "" for a 0/1 map)
     * @param label       the stage's label ("after refpix"; "after refpix - after superbias" for a difference)
     * @param applied     the steps the values have been through (for a difference, those of A)
     * @param minus       for a difference, the steps of B, else null
     */
    static HeaderCards describe(String kind, String source, ExposureMetadata e, int integration, int group,
            String unit, String label, List<StepName> applied, List<StepName> minus) {
        HeaderCards c = HeaderCards.empty()
                .add("ORIGIN", "TSO Inspector", "who wrote this file")
                .add("IMAGETYP", kind, "frame, difference, mask, saturated or reference")
                .add("FILENAME", source, "exposure the image was taken from")
                .add("INSTRUME", e.instrument(), "instrument")
                .add("DETECTOR", e.detector(), "detector")
                .add("SUBARRAY", e.subarrayName(), "subarray");
        if (integration > 0) {
            c.add("INTEGRAT", integration, "integration number in the exposure, from 1");
        }
        if (group > 0) {
            c.add("GROUP", group, "group number, from 1");
        }
        if (!unit.isEmpty()) {
            c.add("BUNIT", unit, "unit of the values");
        }
        c.add("STAGE", label, "calibration stage shown");
        c.add("STEPS", ids(applied), "steps applied");
        for (StepName s : applied) {
            c.add(s.statusKeyword(), "COMPLETE", s.id() + " applied");
        }
        if (minus != null) {
            c.add("STEPSB", ids(minus), "steps of the stage subtracted");
        }
        // DS9's physical coordinates are then the detector's (SUBSTRT from 1)
        SubarrayWindow w = e.window();
        c.add("SUBSTRT1", w.xStart(), "first detector column of the subarray").add("SUBSTRT2", w.yStart(),
                "first detector row of the subarray");
        c.add("LTV1", 1 - w.xStart(), "image to detector pixels").add("LTV2", 1 - w.yStart(),
                "image to detector pixels");
        c.add("LTM1_1", 1, null).add("LTM2_2", 1, null);
        return c;
    }

    private static String ids(List<StepName> steps) {
        return steps.isEmpty() ? "none" : steps.stream().map(StepName::id).collect(Collectors.joining(","));
    }
}
