package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SubarrayWindow;

class SaturationStepTest {

    private static final int DNU = DqFlag.DO_NOT_USE.value();
    private static final int SAT = DqFlag.SATURATED.value();
    private static final int FLOOR = DqFlag.AD_FLOOR.value();
    private static final int NO_SAT_CHECK = DqFlag.NO_SAT_CHECK.value();

    private static PreparedStep prepare(ExposureMetadata e, float[] thr, int[] dq, int grow) throws Exception {
        return new SaturationStep(TestExposures.saturation(e, thr, dq), null,
                new SaturationStep.Parameters(grow, true)).prepare(e, new int[thr.length]);
    }

    private static Ramp ramp(ExposureMetadata e, float level) {
        Ramp r = Ramp.zeros(0, e.nGroups(), e.ny(), e.nx(), e.hasZeroFrame());
        java.util.Arrays.fill(r.data(), level);
        return r;
    }

    @Test
    void thresholdIsReachedAtEqualityAndFlagsEveryLaterGroup() throws Exception {
        ExposureMetadata e = TestExposures.small(1, 8, 4);
        float[] thr = TestExposures.filled(8, 1000f);
        PreparedStep step = prepare(e, thr, new int[8], 0);
        Ramp r = ramp(e, 500f);
        r.data()[r.index(1, 0, 2)] = 1000f;      // equal: saturated from group 1 on
        r.data()[r.index(2, 0, 2)] = 10f;        // falls back: still flagged
        r.data()[r.index(1, 0, 5)] = 999.99f;    // just below: never flagged
        step.apply(r);
        for (int g = 0; g < 4; g++) {
            assertEquals(g >= 1 ? SAT : 0, r.groupDq(g, 0, 2), "group " + g);
            assertEquals(0, r.groupDq(g, 0, 5));
        }
    }

    /**
     * The quick scan that skips unflagged samples must miss none: samples at, just below and just above
     * thresholds of several sizes, signed zeros, the smallest positive float, infinities and NaN, each
     * flagged exactly as the plain rules say (SATURATED when v >= threshold, the A/D floor when v <= 0).
     */
    @Test
    void everySampleAtTheEdgesOfTheRulesIsFlaggedAsThePlainComparisonsSay() throws Exception {
        float[] thresholds = {1000f, 1e-30f, Float.MIN_VALUE, 3e38f, 65535f};
        float[] samples = new float[thresholds.length * 12];
        float[] thr = new float[samples.length];
        for (int t = 0; t < thresholds.length; t++) {
            float c = thresholds[t];
            float[] cases = {c, Math.nextDown(c), Math.nextUp(c), 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MAX_VALUE, 12.5f};
            for (int k = 0; k < cases.length; k++) {
                samples[t * cases.length + k] = cases[k];
                thr[t * cases.length + k] = c;
            }
        }
        ExposureMetadata e = TestExposures.small(1, samples.length, 1);
        PreparedStep step = prepare(e, thr, new int[samples.length], 0);
        Ramp r = ramp(e, 0f);
        System.arraycopy(samples, 0, r.data(), 0, samples.length);
        step.apply(r);
        for (int p = 0; p < samples.length; p++) {
            float v = samples[p];
            int expected = (v >= thr[p] ? SAT : 0) | (v <= 0f ? FLOOR | DNU : 0);
            assertEquals(expected, r.groupDq(0, 0, p), "sample " + v + " against threshold " + thr[p]);
        }
    }

    @Test
    void adFloorFlagsOnlyItsOwnGroupAndDoesNotGrow() throws Exception {
        ExposureMetadata e = TestExposures.small(3, 3, 3);
        PreparedStep step = prepare(e, TestExposures.filled(9, 1000f), new int[9], 1);
        Ramp r = ramp(e, 100f);
        r.data()[r.index(1, 1, 1)] = 0f;
        r.data()[r.index(2, 0, 0)] = -3f;
        step.apply(r);
        assertEquals(FLOOR | DNU, r.groupDq(1, 1, 1));
        assertEquals(0, r.groupDq(2, 1, 1));
        assertEquals(0, r.groupDq(0, 1, 1));
        assertEquals(0, r.groupDq(1, 0, 0), "no growth of the A/D floor");
        assertEquals(FLOOR | DNU, r.groupDq(2, 0, 0));
    }

    @Test
    void saturationGrowsByOneBoxInEveryLaterGroupAndStopsAtTheEdges() throws Exception {
        ExposureMetadata e = TestExposures.small(4, 5, 3);
        PreparedStep step = prepare(e, TestExposures.filled(20, 1000f), new int[20], 1);
        Ramp r = ramp(e, 10f);
        r.data()[r.index(1, 0, 0)] = 2000f; // corner pixel saturates in group 1
        r.data()[r.index(2, 2, 3)] = 2000f; // interior pixel saturates in group 2
        step.apply(r);
        int[][] expected1 = {
            {SAT, SAT, 0, 0, 0},
            {SAT, SAT, 0, 0, 0},
            {0, 0, 0, 0, 0},
            {0, 0, 0, 0, 0}};
        int[][] expected2 = {
            {SAT, SAT, 0, 0, 0},
            {SAT, SAT, SAT, SAT, SAT},
            {0, 0, SAT, SAT, SAT},
            {0, 0, SAT, SAT, SAT}};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                assertEquals(0, r.groupDq(0, y, x));
                assertEquals(expected1[y][x], r.groupDq(1, y, x), "group 1 " + y + "," + x);
                assertEquals(expected2[y][x], r.groupDq(2, y, x), "group 2 " + y + "," + x);
            }
        }
    }

    @Test
    void growthOfTwoPixelsCoversAFiveByFiveBox() throws Exception {
        ExposureMetadata e = TestExposures.small(7, 7, 1);
        PreparedStep step = prepare(e, TestExposures.filled(49, 1000f), new int[49], 2);
        Ramp r = ramp(e, 10f);
        r.data()[r.index(0, 3, 3)] = 5000f;
        step.apply(r);
        int flagged = 0;
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 7; x++) {
                boolean inBox = Math.abs(y - 3) <= 2 && Math.abs(x - 3) <= 2;
                assertEquals(inBox ? SAT : 0, r.groupDq(0, y, x), y + "," + x);
                flagged += inBox ? 1 : 0;
            }
        }
        assertEquals(25, flagged);
    }

    @Test
    void nanAndNoSatCheckThresholdsNeverSaturateAndFlagThePixel() throws Exception {
        ExposureMetadata e = TestExposures.small(1, 4, 2);
        float[] thr = {Float.NaN, 1000f, 1000f, 1000f};
        int[] dq = {0, NO_SAT_CHECK, DqFlag.HOT.value(), 0};
        PreparedStep step = prepare(e, thr, dq, 0);
        assertEquals(NO_SAT_CHECK, step.pixelDq()[0]);
        assertEquals(NO_SAT_CHECK, step.pixelDq()[1]);
        assertEquals(DqFlag.HOT.value(), step.pixelDq()[2], "every reference DQ bit reaches the pixel DQ");
        Ramp r = ramp(e, 65535f);
        r.data()[r.index(0, 0, 3)] = Float.NaN;
        step.apply(r);
        assertEquals(0, r.groupDq(1, 0, 0));
        assertEquals(0, r.groupDq(1, 0, 1));
        assertEquals(SAT, r.groupDq(0, 0, 2));
        assertEquals(0, r.groupDq(0, 0, 3), "NaN samples compare false");
        assertEquals(SAT, r.groupDq(1, 0, 3), "saturated in group 1");
    }

    @Test
    void zeroFrameSaturatedOrAtTheFloorBecomesZero() throws Exception {
        ExposureMetadata e = TestExposures.exposure(new SubarrayWindow(1, 1, 5, 1), TestExposures.NIRISS, 1, 1, 1,
                true);
        PreparedStep step = prepare(e, TestExposures.filled(5, 1000f), new int[5], 1);
        Ramp r = ramp(e, 100f);
        float[] zf = r.zeroFrame();
        float[] in = {50f, 1000f, 60f, 70f, -1f};
        System.arraycopy(in, 0, zf, 0, 5);
        step.apply(r);
        // pixel 1 saturated and grown to 0 and 2; pixel 4 at the floor, not grown
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0f, 0f, 0f, 70f, 0f}, zf);
    }

    @Test
    void secondGroupPassFlagsAJumpToSaturationHiddenByAveraging() throws Exception {
        // NFRAMES=2, 3 groups: rp = [[1,2],[3,4],[5,6]]; group 0 scaled to group 2: d0/1.5*6 < sat,
        // d1 - d0 > (sat - d0)/2, group 2 saturated, group 1 not -> group 1 DO_NOT_USE
        ExposureMetadata e = TestExposures.exposure(new SubarrayWindow(1, 1, 2, 1), TestExposures.NIRISS, 1, 3, 2,
                false);
        PreparedStep step = prepare(e, TestExposures.filled(2, 1000f), new int[2], 0);
        Ramp r = ramp(e, 100f);
        r.data()[r.index(1, 0, 0)] = 600f;  // 600 - 100 = 500 > (1000 - 100) / 2 = 450
        r.data()[r.index(2, 0, 0)] = 1000f;
        r.data()[r.index(1, 0, 1)] = 500f;  // 400 < 450: no flag
        r.data()[r.index(2, 0, 1)] = 1000f;
        step.apply(r);
        assertEquals(DNU, r.groupDq(1, 0, 0));
        assertEquals(0, r.groupDq(1, 0, 1));
        assertEquals(SAT, r.groupDq(2, 0, 0));
    }

    @Test
    void aNanSampleDoesNotHideASaturatedOrFloorSampleBesideIt() throws Exception {
        ExposureMetadata e = TestExposures.small(2, 600, 1);
        PreparedStep step = prepare(e, TestExposures.filled(1200, 1000f), new int[1200], 0);
        Ramp r = ramp(e, 500f);
        r.data()[300] = Float.NaN;
        r.data()[301] = 1000f;
        r.data()[900] = Float.NaN;
        r.data()[1199] = 0f;
        step.apply(r);
        int flagged = 0;
        for (int p = 0; p < 1200; p++) {
            flagged += r.groupDq()[p] != 0 ? 1 : 0;
        }
        assertEquals(2, flagged);
        assertEquals(SAT, r.groupDq(0, 0, 301));
        assertEquals(FLOOR | DNU, r.groupDq(0, 1, 599));
    }

    @Test
    void backwardPassDoesNothingForSingleFrameGroups() throws Exception {
        ExposureMetadata e = TestExposures.small(1, 3, 3);
        PreparedStep step = prepare(e, TestExposures.filled(3, 1000f), new int[3], 0);
        Ramp r = ramp(e, 900f);
        r.data()[r.index(2, 0, 1)] = 1500f;
        step.apply(r);
        assertEquals(0, r.groupDq(1, 0, 1));
        assertEquals(SAT, r.groupDq(2, 0, 1));
    }

    @Test
    void backwardPassFlagsAveragedGroupsThatHidSaturation() throws Exception {
        // NFRAMES=4: group 0 averages frames 1-4, dilution = 2.5 / 4 = 0.625; threshold 1000 -> 625
        ExposureMetadata e = TestExposures.exposure(new SubarrayWindow(1, 1, 5, 1), TestExposures.NIRISS, 1, 2, 4,
                false);
        PreparedStep step = prepare(e, TestExposures.filled(5, 1000f), new int[5], 1);
        Ramp r = ramp(e, 100f);
        r.data()[r.index(0, 0, 2)] = 700f;   // >= 625 and group 1 saturated -> DO_NOT_USE, grown
        r.data()[r.index(1, 0, 2)] = 1000f;
        r.data()[r.index(0, 0, 4)] = 600f;   // < 625 -> nothing
        r.data()[r.index(1, 0, 4)] = 1000f;
        step.apply(r);
        assertEquals(0, r.groupDq(0, 0, 0));
        assertEquals(DNU, r.groupDq(0, 0, 1));
        assertEquals(DNU, r.groupDq(0, 0, 2));
        assertEquals(DNU, r.groupDq(0, 0, 3), "the new DO_NOT_USE grows like saturation");
        assertEquals(0, r.groupDq(0, 0, 4));
        assertEquals(0, r.groupDq(1, 0, 0));
        for (int x = 1; x < 5; x++) {
            assertEquals(SAT, r.groupDq(1, 0, x));
        }
    }
}
