package org.tsoinspector.calib;

/**
 * The work of one step on one integration, group by group. Groups are passed in increasing order;
 * {@link #finish} does what needs every group (the saturation backward pass) and the zero frame.
 */
public interface IntegrationPass {

    /** An integration pass that changes nothing (a skipped step). */
    IntegrationPass NOTHING = g -> {
    };

    void group(int g);

    default void finish() {
    }
}
