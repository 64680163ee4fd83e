package org.tsoinspector.app;

/**
 * What the views show now: the data of stage A (and B when comparing) and their pictures, made
 * together by one background job so the two sides always belong to the same integration and group.
 *
 * @param b      null when only one stage is shown
 * @param argbB  the picture of B, or of the difference A - B in difference mode
 */
record ShownFrames(StageFrame a, StageFrame b, int[] argbA, int[] argbB, float[] difference) {
}
