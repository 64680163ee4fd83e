package org.tsoinspector.model;

/**
 * A LINEARITY reference cut to an exposure's window: polynomial coefficients, coefficient-major
 * ({@code coeffs[k * ny * nx + y * nx + x]} is coefficient k of pixel y, x), and DQ per pixel.
 * INV_COEFFS are not kept: the read-level correction never applies to NFRAMES=1 data.
 */
public record LinearityReference(ReferenceHeader header, SubarrayWindow window, int nCoeffs, float[] coeffs,
        int[] dq) {
}
