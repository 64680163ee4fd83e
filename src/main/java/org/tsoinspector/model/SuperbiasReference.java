package org.tsoinspector.model;

/** A SUPERBIAS reference cut to an exposure's window: bias level in DN and DQ per pixel (row-major). */
public record SuperbiasReference(ReferenceHeader header, SubarrayWindow window, float[] bias, int[] dq) {
}
