package org.tsoinspector.model;

/**
 * The selectors of a calibration reference file (CRDS layout): type, instrument, detector, the
 * window its arrays cover and when it applies.
 *
 * @param fileName the file's name, as recorded in R_xxxx keywords of products
 * @param window   the detector window of the arrays as stored in the file (before any cut)
 * @param useAfter USEAFTER as written, or "" when absent
 */
public record ReferenceHeader(
        String fileName,
        String referenceType,
        String instrument,
        String detector,
        String subarrayName,
        SubarrayWindow window,
        String useAfter,
        String description) {
}
