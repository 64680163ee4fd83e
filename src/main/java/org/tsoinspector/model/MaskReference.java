package org.tsoinspector.model;

/** A MASK reference cut to an exposure's window: one 32-bit DQ value per pixel (row-major ny x nx). */
public record MaskReference(ReferenceHeader header, SubarrayWindow window, int[] dq) {
}
