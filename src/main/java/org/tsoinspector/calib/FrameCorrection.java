package org.tsoinspector.calib;

/** A reference-pixel correction of one frame (a group or the zero frame), in place. */
interface FrameCorrection {

    /** Per-thread scratch space for {@link #correct}. */
    Object newScratch();

    void correct(float[] frame, int offset, Object scratch);
}
