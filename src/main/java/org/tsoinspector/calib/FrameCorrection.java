package org.tsoinspector.calib;

/**
 * A reference-pixel correction of one frame (a group or the zero frame), in place: first measured on
 * the whole frame, then subtracted band of rows by band of rows.
 */
interface FrameCorrection {

    /** Per-thread scratch space: it holds what {@link #measure} found until {@link #subtract}. */
    Object newScratch();

    /** Measures the correction of frame[0 .. ny*nx) from its reference pixels. */
    void measure(float[] frame, Object scratch);

    /** Subtracts the measured correction from pixels [from, to) of the frame (whole rows). */
    void subtract(float[] frame, int from, int to, Object scratch);

    /** Measures and subtracts on the whole frame. */
    default void correct(float[] frame, Object scratch) {
        measure(frame, scratch);
        subtract(frame, 0, frame.length, scratch);
    }
}
