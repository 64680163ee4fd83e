package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SaturationMark;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SubarrayWindow;

class CalibrationEngineTest {

    /** A 16 x 32 NIRISS window on the detector's top edge: rows 12-15 are side reference columns. */
    static final ExposureMetadata EXPOSURE = TestExposures.exposure(new SubarrayWindow(1, 2033, 32, 16),
            TestExposures.NIRISS, 1, 3, 1, true);

    static ReferenceSet references(ExposureMetadata e) {
        int n = e.ny() * e.nx();
        int[] mask = new int[n];
        for (int p = 0; p < n; p++) {
            int y = p / e.nx();
            int x = p % e.nx();
            if (y >= e.ny() - 4 || x < 4) {
                mask[p] = DqFlag.REFERENCE_PIXEL.value();
            }
        }
        mask[5 * e.nx() + 20] = DqFlag.DO_NOT_USE.value() | DqFlag.HOT.value();
        float[] threshold = TestExposures.filled(n, 40000f);
        threshold[7] = Float.NaN;
        float[] bias = TestExposures.filled(n, 11990f);
        bias[9] = Float.NaN;
        float[] coeffs = new float[3 * n];
        for (int p = 0; p < n; p++) {
            coeffs[n + p] = 1.01f;
            coeffs[2 * n + p] = 2e-7f;
        }
        return new ReferenceSet(TestExposures.mask(e, mask), TestExposures.saturation(e, threshold, new int[n]),
                TestExposures.superbias(e, bias, new int[n]), TestExposures.linearity(e, 3, coeffs, new int[n]));
    }

    @Test
    void aStageEqualsTheStepsRunInOrderAndTheFusedWholeRun() throws Exception {
        MemoryRampSource source = new MemoryRampSource(EXPOSURE, 4, 7);
        CalibrationEngine engine = new CalibrationEngine(source, references(EXPOSURE), PipelineSettings.DEFAULTS,
                64 << 20);
        PreparedPipeline all = engine.preparedPipeline();
        for (int i = 0; i < 4; i++) {
            Ramp byHand = source.readIntegration(i);
            for (PreparedStep s : all.steps()) {
                s.apply(byHand);
            }
            Ramp fused = source.readIntegration(i);
            all.apply(fused);
            CalibrationEngine.Stage stage = engine.stage(i, StepName.LINEARITY);
            assertArrayEquals(byHand.data(), stage.ramp().data());
            assertArrayEquals(fused.data(), stage.ramp().data(), "fused group-by-group run is identical");
            assertArrayEquals(fused.groupDq(), stage.ramp().groupDq());
            assertArrayEquals(fused.zeroFrame(), stage.ramp().zeroFrame());
        }
        assertEquals(List.copyOf(StepName.DEFAULT_STEPS), engine.stage(0, StepName.LINEARITY).applied());
        assertArrayEquals(all.pixelDq(), engine.pixelDq(StepName.LINEARITY));
    }

    /**
     * A window of 40 rows x 2048 columns is worked in three bands of rows (16, 16, 8): samples that
     * saturate or hit the A/D floor on either side of a band edge, and a NaN, give the same result fused
     * (each band through all steps) as step after step, also when refpix, which needs the whole group,
     * comes first.
     */
    @Test
    void bandsOfRowsGiveTheSameResultAsStepAfterStep() throws Exception {
        ExposureMetadata e = TestExposures.exposure(new SubarrayWindow(1, 1, 2048, 40), TestExposures.NIRISS, 1, 4,
                1, true);
        MemoryRampSource source = new MemoryRampSource(e, 2, 11);
        ReferenceSet references = references(e);
        int[][] edges = {{15, 100}, {16, 101}, {31, 2000}, {32, 7}, {39, 2047}};
        for (EnumSet<StepName> steps : List.of(EnumSet.copyOf(StepName.DEFAULT_STEPS),
                EnumSet.of(StepName.REFPIX, StepName.LINEARITY))) {
            PreparedPipeline pipeline = Pipeline.of("memory", e, PipelineSettings.DEFAULTS.withEnabled(steps),
                    references).prepare(e, new int[e.ny() * e.nx()]);
            Ramp original = source.readIntegration(1);
            for (int k = 0; k < edges.length; k++) {
                int g = 1 + k % 3;
                original.data()[original.index(g, edges[k][0], edges[k][1])] = 50000f;
                original.data()[original.index(k % 4, edges[k][0], (edges[k][1] + 9) % 2048)] = 0f;
            }
            original.data()[original.index(2, 16, 500)] = Float.NaN;
            Ramp byHand = original.copy();
            for (PreparedStep s : pipeline.steps()) {
                s.apply(byHand);
            }
            Ramp fused = original.copy();
            pipeline.apply(fused);
            assertArrayEquals(byHand.data(), fused.data(), steps.toString());
            assertArrayEquals(byHand.groupDq(), fused.groupDq(), steps.toString());
            assertArrayEquals(byHand.zeroFrame(), fused.zeroFrame(), steps.toString());
            if (steps.contains(StepName.SATURATION)) {
                int saturated = DqFlag.SATURATED.value();
                assertEquals(saturated, fused.groupDq(1, 16, 99) & saturated, "grown down across the band edge");
                assertEquals(saturated, fused.groupDq(2, 15, 102) & saturated, "grown up across the band edge");
            }
        }
    }

    @Test
    void askingForOneIntegrationReadsOnlyThatOneAndReusesEarlierStages() throws Exception {
        MemoryRampSource source = new MemoryRampSource(EXPOSURE, 50, 3);
        CalibrationEngine engine = new CalibrationEngine(source, references(EXPOSURE), PipelineSettings.DEFAULTS,
                64 << 20);
        CalibrationEngine.Stage refpix = engine.stage(42, StepName.REFPIX);
        assertEquals(1, source.reads.get());
        assertEquals(42, refpix.ramp().integration());
        CalibrationEngine.Stage linearity = engine.stage(42, StepName.LINEARITY);
        assertEquals(1, source.reads.get(), "continues from the cached refpix stage");
        assertNotSame(refpix.ramp(), linearity.ramp());
        assertSame(refpix.ramp(), engine.stage(42, StepName.REFPIX).ramp(), "a cached stage is not recomputed");
        assertArrayEquals(refpix.ramp().data(), engine.stage(42, StepName.REFPIX).ramp().data());
    }

    @Test
    void switchingAStepOffAndOnAgainRecomputesNothing() throws Exception {
        MemoryRampSource source = new MemoryRampSource(EXPOSURE, 3, 5);
        CalibrationEngine engine = new CalibrationEngine(source, references(EXPOSURE), PipelineSettings.DEFAULTS,
                64 << 20);
        Ramp before = engine.stage(1, StepName.LINEARITY).ramp();
        CalibrationEngine off = engine.withSettings(engine.settings().with(StepName.SUPERBIAS, false));
        CalibrationEngine.Stage without = off.stage(1, StepName.LINEARITY);
        assertFalse(without.applied().contains(StepName.SUPERBIAS));
        assertFalse(Arrays.equals(before.data(), without.ramp().data()));
        assertSame(off.stage(1, StepName.SATURATION).ramp(), off.stage(1, StepName.SUPERBIAS).ramp(),
                "after a switched-off step means after the last step before it");
        CalibrationEngine onAgain = off.withSettings(off.settings().with(StepName.SUPERBIAS, true));
        assertSame(before, onAgain.stage(1, StepName.LINEARITY).ramp());
        assertEquals(1, source.reads.get());
    }

    @Test
    void changedParametersGiveANewStage() throws Exception {
        MemoryRampSource source = new MemoryRampSource(EXPOSURE, 1, 5);
        CalibrationEngine engine = new CalibrationEngine(source, references(EXPOSURE), PipelineSettings.DEFAULTS,
                64 << 20);
        Ramp grown = engine.stage(0, StepName.SATURATION).ramp();
        Ramp notGrown = engine.withSettings(engine.settings().withParameter("saturation.n_pix_grow_sat=0"))
                .stage(0, StepName.SATURATION).ramp();
        int flagged = saturatedSamples(grown);
        int flaggedWithout = saturatedSamples(notGrown);
        assertTrue(flagged > flaggedWithout && flaggedWithout > 0, flagged + " vs " + flaggedWithout);
    }

    @Test
    void theCacheStaysWithinItsBudget() throws Exception {
        MemoryRampSource source = new MemoryRampSource(EXPOSURE, 20, 5);
        long oneStage = source.readIntegration(0).sizeInBytes();
        CalibrationEngine engine = new CalibrationEngine(source, references(EXPOSURE), PipelineSettings.DEFAULTS,
                10 * oneStage);
        for (int i = 0; i < 20; i++) {
            engine.stage(i, StepName.LINEARITY);
            assertTrue(engine.cachedBytes() <= 10 * oneStage);
        }
        int reads = source.reads.get();
        engine.stage(19, StepName.LINEARITY);
        assertEquals(reads, source.reads.get(), "the most recent stage is still cached");
        engine.stage(0, StepName.LINEARITY);
        assertEquals(reads + 1, source.reads.get(), "the oldest was evicted");
    }

    @Test
    void pixelDqOfEachStageComesFromTheReferencesOnly() throws Exception {
        CalibrationEngine engine = new CalibrationEngine(new MemoryRampSource(EXPOSURE, 2, 1), references(EXPOSURE),
                PipelineSettings.DEFAULTS, 64 << 20);
        int hot = 5 * EXPOSURE.nx() + 20;
        assertEquals(0, engine.pixelDq(null)[hot]);
        assertEquals(DqFlag.DO_NOT_USE.value() | DqFlag.HOT.value(), engine.pixelDq(StepName.DQ_INIT)[hot]);
        assertEquals(DqFlag.NO_SAT_CHECK.value(), engine.pixelDq(StepName.SATURATION)[7]);
        assertEquals(0, engine.pixelDq(StepName.DQ_INIT)[7]);
    }

    @Test
    void aMissingReferenceNamesItsType() {
        CalibrationEngine engine = new CalibrationEngine(new MemoryRampSource(EXPOSURE, 1, 1),
                new ReferenceSet(null, null, null, null), PipelineSettings.DEFAULTS, 1 << 20);
        BadInputException e = assertThrows(BadInputException.class, () -> engine.stage(0, StepName.LINEARITY));
        assertTrue(e.getMessage().contains("no MASK reference"), e.getMessage());
        CalibrationEngine refpixOnly = engine.withSettings(
                PipelineSettings.DEFAULTS.withEnabled(java.util.Set.of(StepName.REFPIX)));
        assertEquals(List.of(StepName.REFPIX), assertDoesNotThrow(() -> refpixOnly.stage(0, StepName.LINEARITY)).applied(),
                "refpix needs no reference");
    }

    @Test
    void handMarksAreSaturationFlagsThatLaterStepsSeeAndTheCacheKeeps() throws Exception {
        MemoryRampSource source = new MemoryRampSource(EXPOSURE, 2, 5);
        CalibrationEngine engine = new CalibrationEngine(source, references(EXPOSURE), PipelineSettings.DEFAULTS,
                64 << 20);
        Ramp plain = engine.stage(1, StepName.LINEARITY).ramp();
        int x = 20;
        int y = 6;
        SaturationMark mark = new SaturationMark(1, x, y, x + 1, y, 2);
        PipelineSettings marked = engine.settings().withSaturation(engine.settings().saturation().withMark(mark));
        CalibrationEngine withMark = engine.withSettings(marked);
        Ramp r = withMark.stage(1, StepName.LINEARITY).ramp();
        byte sat = (byte) DqFlag.SATURATED.value();
        for (int g = 0; g < r.nGroups(); g++) {
            for (int xx = x; xx <= x + 1; xx++) {
                boolean flagged = (r.groupDq(g, y, xx) & sat) != 0;
                boolean before = (plain.groupDq(g, y, xx) & sat) != 0;
                assertEquals(g >= 2 || before, flagged, "group " + (g + 1) + " x " + xx);
            }
            assertEquals(plain.groupDq(g, y, x + 2), r.groupDq(g, y, x + 2), "marks are not grown");
        }
        assertEquals(plain.data()[r.index(0, y, x)], r.data()[r.index(0, y, x)], "unmarked groups corrected");
        assertArrayEquals(engine.stage(0, StepName.LINEARITY).ramp().groupDq(),
                withMark.stage(0, StepName.LINEARITY).ramp().groupDq(), "a mark of integration 2 leaves integration 1 alone");
        assertSame(plain, engine.stage(1, StepName.LINEARITY).ramp(), "the unmarked stage stays cached");
    }

    @Test
    void aThresholdScaleBelowOneFlagsMoreSamples() throws Exception {
        MemoryRampSource source = new MemoryRampSource(EXPOSURE, 1, 5);
        CalibrationEngine engine = new CalibrationEngine(source, references(EXPOSURE), PipelineSettings.DEFAULTS,
                64 << 20);
        Ramp full = engine.stage(0, StepName.SATURATION).ramp();
        Ramp scaled = engine.withSettings(engine.settings().withParameter("saturation.threshold_scale=0.33"))
                .stage(0, StepName.SATURATION).ramp();
        for (int k = 0; k < full.groupDq().length; k++) {
            assertTrue((full.groupDq()[k] & ~scaled.groupDq()[k] & DqFlag.SATURATED.value()) == 0,
                    "every sample saturated at the full threshold is saturated at a third of it");
        }
        assertTrue(saturatedSamples(scaled) > saturatedSamples(full), saturatedSamples(scaled) + " vs "
                + saturatedSamples(full));
    }

    private static int saturatedSamples(Ramp r) {
        int n = 0;
        for (byte b : r.groupDq()) {
            n += (b & DqFlag.SATURATED.value()) != 0 ? 1 : 0;
        }
        return n;
    }
}
