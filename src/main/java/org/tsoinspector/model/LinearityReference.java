package org.tsoinspector.model;

/**
 * A LINEARITY reference cut to an exposure's window: polynomial coefficients, coefficient-major
 * ({@code coeffs[k * ny * nx + y * nx + x]} is coefficient k of pixel y, x), and DQ per pixel; and the
 * inverse coefficients (INV_COEFFS, same layout) when the file has them, for the read-level correction
 * of exposures that average several frames per group (spec 10.2).
 *
 * @param nInverse       the number of inverse coefficients (0 without INV_COEFFS)
 * @param inverseCoeffs  INV_COEFFS, or null
 */
public record LinearityReference(ReferenceHeader header, SubarrayWindow window, int nCoeffs, float[] coeffs,
        int[] dq, int nInverse, float[] inverseCoeffs) {

    /** A reference without INV_COEFFS. */
    public LinearityReference(ReferenceHeader header, SubarrayWindow window, int nCoeffs, float[] coeffs, int[] dq) {
        this(header, window, nCoeffs, coeffs, dq, 0, null);
    }

    public boolean hasInverse() {
        return inverseCoeffs != null;
    }
}
