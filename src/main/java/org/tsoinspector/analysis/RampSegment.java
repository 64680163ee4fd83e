package org.tsoinspector.analysis;

/**
 * A run of groups ramp_fit fitted as one line, split from the others at a jump or saturation.
 *
 * @param from           the first group, from 0
 * @param length         groups in the run
 * @param slopePerGroup  the slope ramp_fit found there, DN per group (its DN/s times the group time)
 */
public record RampSegment(int from, int length, double slopePerGroup) {
}
