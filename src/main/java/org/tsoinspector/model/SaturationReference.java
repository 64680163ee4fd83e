package org.tsoinspector.model;

/** A SATURATION reference cut to an exposure's window: thresholds in DN and DQ per pixel (row-major). */
public record SaturationReference(ReferenceHeader header, SubarrayWindow window, float[] threshold, int[] dq) {
}
