package org.tsoinspector.calib;

import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

/**
 * A step whose reference was given as N/A (what CRDS answers where a step does not apply, spec 10.3):
 * the reference pipeline skips it, writing S_xxxx = SKIPPED and changing nothing.
 */
final class SkippedStep implements CalibrationStep {

    private final StepName step;

    SkippedStep(StepName step) {
        this.step = step;
    }

    @Override
    public StepName name() {
        return step;
    }

    @Override
    public PreparedStep prepare(ExposureMetadata exposure, int[] pixelDqIn) {
        return prepared(step, pixelDqIn, "its reference is N/A: skipped, as the reference pipeline skips it");
    }

    /** A prepared step that changes nothing and records SKIPPED, saying why in its note. */
    static PreparedStep prepared(StepName step, int[] pixelDqIn, String why) {
        return new PreparedStep() {
            @Override
            public StepName name() {
                return step;
            }

            @Override
            public int[] pixelDq() {
                return pixelDqIn;
            }

            @Override
            public String status() {
                return "SKIPPED";
            }

            @Override
            public String note() {
                return why;
            }

            @Override
            public IntegrationPass open(Ramp ramp) {
                return IntegrationPass.NOTHING;
            }
        };
    }
}
