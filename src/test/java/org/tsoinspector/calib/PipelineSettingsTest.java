package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tsoinspector.calib.RefPixStep.Algorithm.MEDIAN;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tsoinspector.model.StepName;

class PipelineSettingsTest {

    @Test
    void defaultsAreTheReferencePipelines() {
        PipelineSettings d = PipelineSettings.DEFAULTS;
        assertEquals(5, d.enabled().size());
        assertEquals(1, d.saturation().nPixGrowSat());
        assertTrue(d.saturation().useReadPatt());
        assertEquals(new RefPixStep.Parameters(true, true, 11, 1.0, true, 3.0, MEDIAN), d.refpix());
    }

    @Test
    void parametersUseTheReferenceNames() {
        PipelineSettings s = PipelineSettings.DEFAULTS.withParameter("saturation.n_pix_grow_sat=2")
                .withParameter("refpix.side_gain=0.5").withParameter("refpix.odd_even_columns=false")
                .withParameter("refpix.side_smoothing_length = 7");
        assertEquals(2, s.saturation().nPixGrowSat());
        assertEquals(0.5, s.refpix().sideGain());
        assertFalse(s.refpix().oddEvenColumns());
        assertEquals(7, s.refpix().sideSmoothingLength());
        assertEquals(s.refpix(), s.parametersOf(StepName.REFPIX));
    }

    @Test
    void eachParameterChangesOnlyItsOwnValue() {
        PipelineSettings d = PipelineSettings.DEFAULTS;
        assertEquals(new SaturationStep.Parameters(3, true), d.withParameter("saturation.n_pix_grow_sat=3").saturation());
        assertEquals(new SaturationStep.Parameters(1, false), d.withParameter("saturation.use_readpatt=no").saturation());
        assertEquals(new RefPixStep.Parameters(false, true, 11, 1.0, true, 3.0, MEDIAN),
                d.withParameter("refpix.odd_even_columns=0").refpix());
        assertEquals(new RefPixStep.Parameters(true, false, 11, 1.0, true, 3.0, MEDIAN),
                d.withParameter("refpix.use_side_ref_pixels=false").refpix());
        assertEquals(new RefPixStep.Parameters(true, true, 5, 1.0, true, 3.0, MEDIAN),
                d.withParameter("refpix.side_smoothing_length=5").refpix());
        assertEquals(new RefPixStep.Parameters(true, true, 11, 0.25, true, 3.0, MEDIAN),
                d.withParameter("refpix.side_gain=0.25").refpix());
        assertEquals(new RefPixStep.Parameters(true, true, 11, 1.0, false, 3.0, MEDIAN),
                d.withParameter("refpix.odd_even_rows=FALSE").refpix());
        assertEquals(new RefPixStep.Parameters(true, true, 11, 1.0, true, 2.5, MEDIAN),
                d.withParameter("refpix.siglimit=2.5").refpix());
        assertEquals(Path.of("/data/my dq.fits"),
                d.withParameter("dq_init.user_supplied_dq=/data/my dq.fits").dqInit().userSuppliedDq());
        assertEquals(DqInitStep.Parameters.DEFAULTS,
                d.withParameter("dq_init.user_supplied_dq=x.fits").withParameter("dq_init.user_supplied_dq=None")
                        .parametersOf(StepName.DQ_INIT));
        assertEquals(d.refpix(), d.withParameter("saturation.n_pix_grow_sat=3").refpix());
        assertEquals(d.saturation(), d.withParameter("refpix.siglimit=2.5").saturation());
    }

    @Test
    void badValuesKeepTheirMessages() {
        assertEquals("n_pix_grow_sat must be >= 0, not -1", assertThrows(IllegalArgumentException.class,
                () -> PipelineSettings.DEFAULTS.withParameter("saturation.n_pix_grow_sat=-1")).getMessage());
        assertEquals("side_smoothing_length must be >= 1, not 0", assertThrows(IllegalArgumentException.class,
                () -> PipelineSettings.DEFAULTS.withParameter("refpix.side_smoothing_length=0")).getMessage());
        assertEquals("siglimit must be > 0, not -1.0", assertThrows(IllegalArgumentException.class,
                () -> PipelineSettings.DEFAULTS.withParameter("refpix.siglimit=-1")).getMessage());
        assertEquals("side_gain needs a number, not 'big'", assertThrows(IllegalArgumentException.class,
                () -> PipelineSettings.DEFAULTS.withParameter("refpix.side_gain=big")).getMessage());
        assertEquals("use_readpatt needs true or false, not 'maybe'", assertThrows(IllegalArgumentException.class,
                () -> PipelineSettings.DEFAULTS.withParameter("saturation.use_readpatt=maybe")).getMessage());
    }

    @Test
    void unknownOrBadParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PipelineSettings.DEFAULTS.withParameter("refpix.bogus=1"));
        assertThrows(IllegalArgumentException.class, () -> PipelineSettings.DEFAULTS.withParameter("ramp_fit.x=1"));
        assertThrows(IllegalArgumentException.class, () -> PipelineSettings.DEFAULTS.withParameter("saturation"));
        assertThrows(IllegalArgumentException.class,
                () -> PipelineSettings.DEFAULTS.withParameter("saturation.n_pix_grow_sat=-1"));
    }

    @Test
    void refpixAlgorithmTakesTheReferenceValues() {
        assertEquals(RefPixStep.Algorithm.SIRS,
                PipelineSettings.DEFAULTS.withParameter("refpix.refpix_algorithm=sirs").refpix().algorithm());
        assertEquals(MEDIAN, PipelineSettings.DEFAULTS.withParameter("refpix.refpix_algorithm=SIRS")
                .withParameter("refpix.refpix_algorithm=median").refpix().algorithm());
        assertEquals("refpix_algorithm needs median or sirs, not 'convolution'",
                assertThrows(IllegalArgumentException.class,
                        () -> PipelineSettings.DEFAULTS.withParameter("refpix.refpix_algorithm=convolution"))
                        .getMessage());
    }

    @Test
    void stepsSwitchOnAndOff() {
        PipelineSettings s = PipelineSettings.DEFAULTS.with(StepName.REFPIX, false);
        assertFalse(s.isEnabled(StepName.REFPIX));
        assertTrue(s.with(StepName.REFPIX, true).isEnabled(StepName.REFPIX));
    }
}
