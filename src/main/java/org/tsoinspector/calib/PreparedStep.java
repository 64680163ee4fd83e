package org.tsoinspector.calib;

import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

/**
 * A step ready to run on the integrations of one exposure: it knows the pixel DQ it leaves behind and
 * corrects one integration at a time, in place. Thread-safe: several integrations may be corrected
 * concurrently.
 */
public interface PreparedStep {

    StepName name();

    /** The pixel DQ after this step (ny*nx); shared, never modify it. */
    int[] pixelDq();

    /**
     * Bytes of the arrays this step keeps (reference values cut to the window, pixel DQ), so that the
     * engine can hold prepared steps within a byte budget like its stages.
     */
    default long sizeInBytes() {
        return 4L * pixelDq().length;
    }

    /** "COMPLETE", or "SKIPPED" when the reference pipeline would skip the step for this exposure. */
    default String status() {
        return "COMPLETE";
    }

    /** What the user should know about how the step ran on this exposure (a substituted algorithm), or "". */
    default String note() {
        return "";
    }

    /**
     * Starts correcting one integration. The caller then calls {@link IntegrationPass#group} for every
     * group in order and finally {@link IntegrationPass#finish}; it may run each group through later
     * steps before the next group, which keeps a group's frame in cache while all steps see it.
     */
    IntegrationPass open(Ramp ramp);

    /** Corrects a whole integration in place. */
    default void apply(Ramp ramp) {
        PreparedPipeline.run(java.util.List.of(open(ramp)), ramp);
    }
}
