package org.tsoinspector.calib;

import org.tsoinspector.model.PixelValuesReference;

/**
 * The steps that need a whole segment, jump and ramp_fit, as configured for one exposure (one given as
 * N/A is a per-integration {@link SkippedStep} instead).
 *
 * @param darkCurrent the average dark current from dark_current, e-/s (0 when dark_current did not run)
 */
public record SegmentSteps(boolean jump, boolean rampFit, PixelValuesReference gain, PixelValuesReference readNoise,
        double darkCurrent, JumpDetection.Parameters jumpParameters, RampFitParameters rampFitParameters) {

    /** ramp_fit's parameters: suppress_one_group (true by default). */
    public record RampFitParameters(boolean suppressOneGroup) {
        public static final RampFitParameters DEFAULTS = new RampFitParameters(true);
    }

    public boolean any() {
        return jump || rampFit;
    }
}
