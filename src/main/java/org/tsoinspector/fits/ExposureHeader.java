package org.tsoinspector.fits;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SubarrayWindow;

/**
 * Reads {@link ExposureMetadata} from the primary header of a raw segment or a step product and the
 * shape of its SCI array.
 *
 * <p>Required: INSTRUME, DETECTOR (FASTAXIS and SLOWAXIS only by refpix; NOUTPUTS defaults to 1),
 * and SUBSTRT1/SUBSTRT2 unless the array is the full 2048 x 2048 detector. As in the reference
 * pipeline the array's shape wins over SUBSIZE1/2, NGROUPS and INTEND-INTSTART+1. Defaults for
 * the rest: NFRAMES 1, GROUPGAP 0, INTSTART 1, INTEND = INTSTART + integrations stored - 1,
 * NINTS = INTEND, EXSEGNUM and EXSEGTOT 1, SUBARRAY FULL or GENERIC, TFRAME/TGROUP unknown (NaN),
 * EXP_TYPE and READPATT "UNKNOWN", DATE-OBS "" (DATE-OBS and TIME-OBS are joined with a T).
 */
public final class ExposureHeader {

    private ExposureHeader() {
    }

    /** Metadata of a ramp whose SCI array has shape (nints, ngroups, ny, nx) = axes reversed. */
    public static ExposureMetadata read(String file, FitsHeader h, long[] sciAxes, boolean hasZeroFrame)
            throws BadInputException {
        try {
            return parse(file, h, sciAxes, hasZeroFrame);
        } catch (FitsHeader.HeaderValueException e) {
            throw new BadInputException(file, e.getMessage());
        }
    }

    private static ExposureMetadata parse(String file, FitsHeader h, long[] sciAxes, boolean hasZeroFrame)
            throws BadInputException {
        int nx = (int) sciAxes[0];
        int ny = (int) sciAxes[1];
        int groups = (int) sciAxes[2];
        int stored = (int) sciAxes[3];
        String instrument = required(file, h, "INSTRUME").toUpperCase(Locale.ROOT);
        String detector = required(file, h, "DETECTOR").toUpperCase(Locale.ROOT);
        boolean fullFrame = nx == SubarrayWindow.DETECTOR_SIZE && ny == SubarrayWindow.DETECTOR_SIZE;
        int xStart = fullFrame ? (int) h.integer("SUBSTRT1", 1) : requiredInt(file, h, "SUBSTRT1");
        int yStart = fullFrame ? (int) h.integer("SUBSTRT2", 1) : requiredInt(file, h, "SUBSTRT2");
        if (xStart < 1 || yStart < 1) {
            throw new BadInputException(file, "SUBSTRT1/SUBSTRT2 = " + xStart + "/" + yStart
                    + " must be at least 1 (1-based corner of the window)");
        }
        SubarrayWindow window = new SubarrayWindow(xStart, yStart, nx, ny);
        // only refpix reads FASTAXIS, SLOWAXIS and NOUTPUTS (spec 10.5): without the axes it refuses to run,
        // without NOUTPUTS it treats the detector as read through one output
        DetectorOrientation orientation = null;
        if (h.has("FASTAXIS") || h.has("SLOWAXIS")) {
            try {
                orientation = new DetectorOrientation(requiredInt(file, h, "FASTAXIS"), requiredInt(file, h, "SLOWAXIS"));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, e.getMessage());
            }
        }
        int nOutputs = (int) h.integer("NOUTPUTS", 1);
        if (nOutputs != 1 && nOutputs != 4) {
            throw new BadInputException(file, "NOUTPUTS = " + nOutputs + " (a NIR detector is read through 1 or 4 outputs)");
        }
        int intStart = (int) h.integer("INTSTART", 1);
        if (intStart < 1) {
            throw new BadInputException(file, "INTSTART = " + intStart + " must be at least 1");
        }
        int intEnd = intStart + stored - 1;
        int nInts = (int) Math.max(h.integer("NINTS", intEnd), intEnd);
        int nFrames = (int) h.integer("NFRAMES", 1);
        if (nFrames < 1) {
            throw new BadInputException(file, "NFRAMES = " + nFrames + " must be at least 1");
        }
        String subarray = h.string("SUBARRAY", fullFrame ? "FULL" : "GENERIC").trim().toUpperCase(Locale.ROOT);
        String dateObs = h.string("DATE-OBS", "").trim();
        String timeObs = h.string("TIME-OBS", "").trim();
        if (!dateObs.isEmpty() && !timeObs.isEmpty() && !dateObs.contains("T")) {
            dateObs = dateObs + "T" + timeObs;
        }
        return new ExposureMetadata(instrument, detector,
                h.string("EXP_TYPE", "UNKNOWN").trim().toUpperCase(Locale.ROOT), subarray, window, orientation,
                nOutputs, nInts, groups, nFrames, (int) h.integer("GROUPGAP", 0),
                h.real("TFRAME", Double.NaN), h.real("TGROUP", Double.NaN),
                h.string("READPATT", "UNKNOWN").trim().toUpperCase(Locale.ROOT),
                (int) h.integer("EXSEGNUM", 1), (int) h.integer("EXSEGTOT", 1), intStart, intEnd, dateObs,
                hasZeroFrame, completedSteps(h));
    }

    /** Steps whose S_xxxx keyword says COMPLETE. */
    public static Set<StepName> completedSteps(FitsHeader h) {
        Set<StepName> done = EnumSet.noneOf(StepName.class);
        for (StepName s : StepName.values()) {
            if (h.string(s.statusKeyword(), "").trim().equalsIgnoreCase("COMPLETE")) {
                done.add(s);
            }
        }
        return done;
    }

    private static String required(String file, FitsHeader h, String key) throws BadInputException {
        String v = h.string(key, "").trim();
        if (v.isEmpty()) {
            throw new BadInputException(file, "the primary header has no " + key + " keyword");
        }
        return v;
    }

    private static int requiredInt(String file, FitsHeader h, String key) throws BadInputException {
        return (int) (long) h.integer(key).orElseThrow(
                () -> new BadInputException(file, "the primary header has no " + key + " keyword"));
    }
}
