package org.tsoinspector.calib;

/**
 * The work of one step on one integration, group by group. Groups come in increasing order, each as
 * a working copy of its samples indexed by pixel (y * nx + x) from 0, so that every per-pixel loop
 * indexes the frame and the reference arrays alike (which lets the JIT vectorize it); the caller
 * copies the frame back. Group DQ is updated in the ramp itself. {@link #finish} does what needs every
 * group (the saturation backward pass, the linearity polynomial) and the zero frame.
 */
public interface IntegrationPass {

    /** An integration pass that changes nothing (a skipped step). */
    IntegrationPass NOTHING = (g, frame) -> {
    };

    /** Corrects group g, whose samples are in {@code frame[0 .. ny*nx)}. */
    void group(int g, float[] frame);

    default void finish() {
    }
}
