package org.tsoinspector.render;

import java.util.Locale;
import org.tsoinspector.model.StepName;

/**
 * The plots of the notebook, as {@code plot KIND} names them (cli.md), with the step each one
 * looks at by default and the size it is exported at by default.
 */
public enum PlotKind {
    /** One integration and group as an image. */
    FRAME(null, false, 1600, 500),
    /** Special pixels: pixel DQ neither 0 nor REFERENCE_PIXEL. */
    MASK(StepName.DQ_INIT, false, 1600, 500),
    /** Pixels flagged SATURATED in one group. */
    SATURATED(StepName.SATURATION, false, 1600, 500),
    /** A column before and after a step, raw and median-subtracted. */
    PROFILE(StepName.REFPIX, false, 1500, 500),
    /** One pixel up the ramp with its best-fit line and residuals, before and after a step. */
    RAMP(StepName.REFPIX, false, 900, 700),
    /** Group-difference ratio against fluence over all integrations, before and after a step. */
    RATIO(StepName.LINEARITY, true, 1400, 600),
    /** Summed flux per integration against time, before and after a step. */
    LIGHTCURVE(StepName.LINEARITY, true, 1200, 600),
    /** Counts per DQ flag and saturated pixels per integration and group. */
    DQ(null, true, 1400, 600),
    /** One integration's rate image after jump and ramp_fit: SCI, ERR or DQ (the first one runs jump over the segment). */
    RATE(StepName.RAMP_FIT, true, 1600, 500);

    private final StepName defaultStep;
    private final boolean wholeSegment;
    private final int defaultWidth;
    private final int defaultHeight;

    PlotKind(StepName defaultStep, boolean wholeSegment, int defaultWidth, int defaultHeight) {
        this.defaultStep = defaultStep;
        this.wholeSegment = wholeSegment;
        this.defaultWidth = defaultWidth;
        this.defaultHeight = defaultHeight;
    }

    /** The word on the command line ("frame", "lightcurve", ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step looked at when none is given; null means the last step that can run. */
    public StepName defaultStep() {
        return defaultStep;
    }

    /** True when the plot streams every integration of the segment (a progress bar is worth showing). */
    public boolean wholeSegment() {
        return wholeSegment;
    }

    public int defaultWidth() {
        return defaultWidth;
    }

    public int defaultHeight() {
        return defaultHeight;
    }

    /** True for the kinds that are images (frame, the two maps, the rate), which also export as FITS images. */
    public boolean isImage() {
        return this == FRAME || this == MASK || this == SATURATED || this == RATE;
    }

    /** The kind of a command-line word. */
    public static PlotKind fromId(String id) {
        for (PlotKind k : values()) {
            if (k.id().equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown plot kind '" + id
                + "' (expected frame, mask, saturated, profile, ramp, ratio, lightcurve, dq or rate)");
    }
}
