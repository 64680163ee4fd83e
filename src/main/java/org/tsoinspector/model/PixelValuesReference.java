package org.tsoinspector.model;

/**
 * A reference file holding one value per pixel, cut to an exposure's window (row-major): GAIN in e-/DN,
 * READNOISE in DN (the noise of a difference of two reads, ramp.md section 3).
 */
public record PixelValuesReference(ReferenceHeader header, float[] values) {
}
