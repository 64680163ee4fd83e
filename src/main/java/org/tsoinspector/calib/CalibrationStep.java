package org.tsoinspector.calib;

import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.StepName;

/**
 * One calibration step configured with its parameters and reference files. Preparing it for an
 * exposure does all the work that depends only on the references (the pixel DQ it produces, cleaned
 * coefficient arrays, reference-pixel index lists), once, so applying it per integration is cheap.
 */
public interface CalibrationStep {

    StepName name();

    /**
     * Checks the references against the exposure and precomputes everything per-pixel.
     *
     * @param pixelDqIn the pixel DQ the step receives (ny*nx, row-major); not modified
     * @throws BadInputException when a reference does not match the exposure
     */
    PreparedStep prepare(ExposureMetadata exposure, int[] pixelDqIn) throws BadInputException;
}
