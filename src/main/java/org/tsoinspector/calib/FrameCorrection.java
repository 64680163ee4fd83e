package org.tsoinspector.calib;

/** A reference-pixel correction of one frame (a group or the zero frame), in place. */
interface FrameCorrection {

    /** Per-thread scratch space for {@link #correct}. */
    Object newScratch();

    /** Corrects frame[0 .. ny*nx) in place. */
    void correct(float[] frame, Object scratch);
}
