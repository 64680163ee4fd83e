package org.tsoinspector.calib;

import java.util.Set;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.model.SuperbiasReference;

/** Small exposures and references built in memory for hand-computed step tests. */
final class TestExposures {

    static final DetectorOrientation NIRISS = new DetectorOrientation(-2, -1);
    static final DetectorOrientation IDENTITY = new DetectorOrientation(1, 2);

    private TestExposures() {
    }

    static ExposureMetadata exposure(SubarrayWindow window, DetectorOrientation orientation, int nOutputs, int nGroups,
            int nFrames, boolean zeroFrame) {
        return exposure("GENERIC", window, orientation, nOutputs, nGroups, nFrames, zeroFrame);
    }

    /** @param subarrayName the SUBARRAY keyword (FULL, SUBSTRIP96, ...) */
    static ExposureMetadata exposure(String subarrayName, SubarrayWindow window, DetectorOrientation orientation,
            int nOutputs, int nGroups, int nFrames, boolean zeroFrame) {
        return new ExposureMetadata("NIRISS", "NIS", "NIS_SOSS", subarrayName, window, orientation, nOutputs, 1,
                nGroups, nFrames, 0, 5.494, 5.494 * nFrames, "NISRAPID", 1, 1, 1, 1, "2026-01-01", zeroFrame, Set.of());
    }

    /** A one-output NIRISS exposure of a ny x nx window at the detector's top-left (DMS) corner. */
    static ExposureMetadata small(int ny, int nx, int nGroups) {
        return exposure(new SubarrayWindow(1, 1, nx, ny), NIRISS, 1, nGroups, 1, false);
    }

    static ReferenceHeader header(String type, SubarrayWindow window) {
        return new ReferenceHeader("test_" + type + ".fits", type, "NIRISS", "NIS", "GENERIC", window, "", "");
    }

    static MaskReference mask(ExposureMetadata e, int[] dq) {
        return new MaskReference(header("mask", e.window()), e.window(), dq);
    }

    static SaturationReference saturation(ExposureMetadata e, float[] threshold, int[] dq) {
        return new SaturationReference(header("saturation", e.window()), e.window(), threshold, dq);
    }

    static SuperbiasReference superbias(ExposureMetadata e, float[] bias, int[] dq) {
        return new SuperbiasReference(header("superbias", e.window()), e.window(), bias, dq);
    }

    static LinearityReference linearity(ExposureMetadata e, int nCoeffs, float[] coeffs, int[] dq) {
        return new LinearityReference(header("linearity", e.window()), e.window(), nCoeffs, coeffs, dq);
    }

    static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
