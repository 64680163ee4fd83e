package org.tsoinspector.model;

/**
 * A DARK reference (ramp.md section 2) with the science exposure's (ny, nx): dark signal per group in DN,
 * its DQ (remapped through DQ_DEF) and the frame structure it was taken with.
 *
 * @param groups             the number of groups in {@code frames}
 * @param frames             groups * ny * nx samples, DN, group-major
 * @param averageDarkCurrent the average dark current ramp_fit receives, e-/s: the AVDRKCUR keyword (0 when
 *                           absent), or 0 when the file has a non-zero AVDRKCUR array, which the reference
 *                           pipeline never applies and which then hides the keyword too
 */
public record DarkReference(ReferenceHeader header, int groups, float[] frames, int[] dq, int nFrames,
        int groupGap, double averageDarkCurrent) {
}
