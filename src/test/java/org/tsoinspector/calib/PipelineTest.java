package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SubarrayWindow;

class PipelineTest {

    @Test
    void aWindowBeyondTheDetectorIsRejected() {
        ExposureMetadata e = TestExposures.exposure(new SubarrayWindow(1, 1900, 2048, 256), TestExposures.NIRISS, 1,
                2, 1, false);
        BadInputException ex = assertThrows(BadInputException.class,
                () -> Pipeline.of("odd_uncal.fits", e, PipelineSettings.DEFAULTS, ReferenceSet.NONE));
        assertTrue(ex.getMessage().startsWith("odd_uncal.fits: the window"), ex.getMessage());
        assertTrue(ex.getMessage().contains("2048 x 2048"), ex.getMessage());
    }

    @Test
    void stepsAlreadyDoneInTheInputAndThoseBeforeThemDoNotRunAgain() {
        ExposureMetadata product = TestExposures.small(4, 4, 2).withCompletedSteps(Set.of(StepName.SUPERBIAS));
        assertEquals(EnumSet.of(StepName.REFPIX, StepName.LINEARITY),
                Pipeline.runnable(product, StepName.DEFAULT_STEPS));
    }

    @Test
    void stepsRunInPipelineOrderWhateverTheSettings() throws Exception {
        ExposureMetadata e = CalibrationEngineTest.EXPOSURE;
        Pipeline p = Pipeline.of("x", e, PipelineSettings.DEFAULTS.withEnabled(
                EnumSet.of(StepName.LINEARITY, StepName.DQ_INIT)), CalibrationEngineTest.references(e));
        assertEquals(List.of(StepName.DQ_INIT, StepName.LINEARITY), p.stepNames());
    }
}
