package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tsoinspector.calib.RefPixStep.Algorithm.MEDIAN;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SubarrayWindow;

class RefPixStepTest {

    private static final int REF = DqFlag.REFERENCE_PIXEL.value();
    private static final int DNU = DqFlag.DO_NOT_USE.value();

    /**
     * An 8 x 8 NIRISS window in the DMS top-left corner of the detector's top rows (DMS rows 2040-2047):
     * window row y is detector column 7 - y, so odd rows are even detector columns. Rows 4-7 are side
     * reference columns, columns 0-3 the top reference rows.
     */
    private static final SubarrayWindow CORNER = new SubarrayWindow(1, 2041, 8, 8);

    private static int[] nirissReferencePixels() {
        int[] dq = new int[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                if (y >= 4 || x < 4) {
                    dq[y * 8 + x] = REF;
                }
            }
        }
        return dq;
    }

    /** Reference pixels: 10 on even detector columns (odd y), 20 on odd ones; others 100. */
    private static float[] nirissFrame() {
        float[] f = new float[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                f[y * 8 + x] = (y >= 4 || x < 4) ? (y % 2 == 1 ? 10f : 20f) : 100f;
            }
        }
        f[5 * 8 + 6] = 5000f;   // an even-column outlier, clipped
        f[4 * 8 + 6] = 1e6f;    // DO_NOT_USE below: never enters the mean
        return f;
    }

    private static Ramp ramp(ExposureMetadata e, float[] frame) {
        Ramp r = Ramp.zeros(0, e.nGroups(), e.ny(), e.nx(), e.hasZeroFrame());
        for (int g = 0; g < e.nGroups(); g++) {
            System.arraycopy(frame, 0, r.data(), g * frame.length, frame.length);
        }
        return r;
    }

    @Test
    void singleOutputSubtractsTheClippedMeanOfEachDetectorColumnParity() throws Exception {
        ExposureMetadata e = TestExposures.exposure(CORNER, TestExposures.NIRISS, 1, 2, 1, false);
        int[] dq = nirissReferencePixels();
        dq[4 * 8 + 6] |= DNU;
        PreparedStep step = new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(e, dq);
        assertEquals("COMPLETE", step.status());
        assertArrayEquals(dq, step.pixelDq(), "refpix changes no DQ");
        float[] in = nirissFrame();
        Ramp r = ramp(e, in);
        step.apply(r);
        for (int g = 0; g < 2; g++) {
            for (int p = 0; p < 64; p++) {
                float expected = in[p] - ((p / 8) % 2 == 1 ? 10f : 20f);
                assertEquals(expected, r.data()[g * 64 + p], 0f, "group " + g + " pixel " + p);
            }
        }
    }

    @Test
    void withoutOddEvenColumnsOneMeanOfAllReferencePixels() throws Exception {
        ExposureMetadata e = TestExposures.exposure(CORNER, TestExposures.NIRISS, 1, 1, 1, false);
        int[] dq = nirissReferencePixels();
        dq[4 * 8 + 6] |= DNU;
        RefPixStep.Parameters p = new RefPixStep.Parameters(false, true, 11, 1.0, true, 3.0, MEDIAN);
        PreparedStep step = new RefPixStep(p).prepare(e, dq);
        float[] in = nirissFrame();
        Ramp r = ramp(e, in);
        step.apply(r);
        // 47 usable values, 5000 clipped: 23 x 10 and 23 x 20 (the 1e6 pixel is DO_NOT_USE)
        float mean = 690f / 46f;
        assertEquals(100f - mean, r.sample(0, 0, 7), 0f);
        assertEquals(10f - mean, r.sample(0, 7, 0), 0f);
    }

    @Test
    void sirsOnASossSubarrayRunsTheMedianAlgorithmAndSaysSo() throws Exception {
        // SUBSTRIP96 as flown: DMS rows 1803-1898, reference pixels only in DMS columns 0-3 and 2044-2047
        ExposureMetadata e = TestExposures.exposure("SUBSTRIP96", new SubarrayWindow(1, 1803, 2048, 96),
                TestExposures.NIRISS, 1, 1, 1, false);
        int n = 96 * 2048;
        int[] dq = new int[n];
        float[] in = new float[n];
        for (int p = 0; p < n; p++) {
            int y = p / 2048;
            int x = p % 2048;
            boolean ref = x < 4 || x >= 2044;
            dq[p] = ref ? REF : 0;
            // a window row is one detector column, so each row's reference pixels share its parity
            in[p] = ref ? (y % 2 == 0 ? 10f : 20f) : 100f;
        }
        PreparedStep median = new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(e, dq);
        PreparedStep sirs = new RefPixStep(RefPixStep.Parameters.DEFAULTS.withAlgorithm(RefPixStep.Algorithm.SIRS))
                .prepare(e, dq);
        assertEquals("", median.note());
        assertEquals("refpix_algorithm=sirs applies to FULL frames only, so this SUBSTRIP96 exposure got the median"
                + " algorithm, as in the reference pipeline", sirs.note());
        assertEquals("COMPLETE", sirs.status());
        Ramp byMedian = ramp(e, in);
        median.apply(byMedian);
        Ramp bySirs = ramp(e, in);
        sirs.apply(bySirs);
        assertArrayEquals(byMedian.data(), bySirs.data());
        assertEquals(90f, bySirs.sample(0, 0, 1000), 0f);
        assertEquals(80f, bySirs.sample(0, 95, 1000), 0f);
    }

    @Test
    void sirsOnAFullFrameIsRefusedInOneSentence() {
        ExposureMetadata e = TestExposures.exposure("FULL", SubarrayWindow.FULL_FRAME, TestExposures.NIRISS, 4, 1, 1,
                false);
        RefPixStep step = new RefPixStep(RefPixStep.Parameters.DEFAULTS.withAlgorithm(RefPixStep.Algorithm.SIRS));
        BadInputException refused = assertThrows(BadInputException.class, () -> step.prepare(e, new int[1]));
        assertEquals("refpix_algorithm=sirs: the SIRS convolution is not implemented (it needs a SIRSKERNEL"
                + " reference file, which this tool does not read); use median", refused.getMessage());
    }

    @Test
    void singleOutputParityFollowsDmsColumnsWhenNotTransposed() throws Exception {
        SubarrayWindow w = new SubarrayWindow(1, 1, 6, 6);
        ExposureMetadata e = TestExposures.exposure(w, TestExposures.IDENTITY, 1, 1, 1, false);
        int[] dq = new int[36];
        float[] in = new float[36];
        for (int p = 0; p < 36; p++) {
            int y = p / 6;
            int x = p % 6;
            dq[p] = y < 4 ? REF : 0;  // detector rows 0-3: bottom reference rows
            in[p] = y < 4 ? (x % 2 == 0 ? 3f : -1f) : 50f;
        }
        PreparedStep step = new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(e, dq);
        Ramp r = ramp(e, in);
        step.apply(r);
        assertEquals(47f, r.sample(0, 5, 0), 0f);
        assertEquals(51f, r.sample(0, 5, 1), 0f);
        assertEquals(0f, r.sample(0, 0, 0), 0f);
    }

    @Test
    void zeroFrameIsCorrectedLikeAGroupAndItsZerosStay() throws Exception {
        ExposureMetadata e = TestExposures.exposure(CORNER, TestExposures.NIRISS, 1, 1, 1, true);
        PreparedStep step = new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(e, nirissReferencePixels());
        Ramp r = Ramp.zeros(0, 1, 8, 8, true);
        float[] zf = r.zeroFrame();
        Arrays.fill(zf, 30f);    // every reference pixel 30 in both parities
        zf[0] = 0f;              // a zeroed (saturated) pixel, itself a reference pixel
        step.apply(r);
        // means: even columns all 30 -> 30; odd columns hold the 0 among 23 x 30 (z = 4.7): clipped -> 30
        assertEquals(0f, zf[0], 0f);
        assertEquals(0f, zf[63], 0f);
        assertEquals(0f, zf[8], 0f);
    }

    @Test
    void aNanReferencePixelMakesItsParityNanAsInTheReference() throws Exception {
        ExposureMetadata e = TestExposures.exposure(CORNER, TestExposures.NIRISS, 1, 1, 1, false);
        PreparedStep step = new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(e, nirissReferencePixels());
        float[] in = nirissFrame();
        in[7 * 8 + 1] = Float.NaN;  // row 7: an even detector column
        Ramp r = ramp(e, in);
        step.apply(r);
        assertTrue(Float.isNaN(r.sample(0, 1, 6)), "even detector columns all NaN");
        assertEquals(100f - 20f, r.sample(0, 2, 6), 0f, "odd detector columns corrected as usual");
    }

    @Test
    void noUsableReferencePixelsChangesNothing() throws Exception {
        ExposureMetadata e = TestExposures.exposure(CORNER, TestExposures.NIRISS, 1, 1, 1, false);
        int[] dq = new int[64];
        Arrays.fill(dq, REF | DNU);
        PreparedStep step = new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(e, dq);
        float[] in = nirissFrame();
        Ramp r = ramp(e, in);
        step.apply(r);
        assertArrayEquals(in, r.data());
    }

    @Test
    void windowOutsideTheDetectorIsSkipped() throws Exception {
        ExposureMetadata e = TestExposures.exposure(new SubarrayWindow(2045, 1, 8, 8), TestExposures.NIRISS, 1, 1, 1,
                false);
        PreparedStep step = new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(e, nirissReferencePixels());
        assertEquals("SKIPPED", step.status());
        float[] in = nirissFrame();
        Ramp r = ramp(e, in);
        step.apply(r);
        assertArrayEquals(in, r.data());
    }

    /**
     * A 4-output 8 x 8 subarray at the detector origin (identity orientation): rows 0-3 are bottom
     * reference rows of amplifier A (5 on even columns, 7 on odd), columns 0-3 side reference columns
     * (4 above the top/bottom level in rows 4-7), science pixels 100. No top rows, no right side.
     */
    private static float[] fourOutputFrame() {
        float[] f = new float[64];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                float level = x % 2 == 0 ? 5f : 7f;
                f[y * 8 + x] = y < 4 ? level : (x < 4 ? level + 4f : 100f);
            }
        }
        return f;
    }

    /** Side running median over 11 rows, hand-computed: rows 0-4 see mostly 0, row 5 half 0 half 4. */
    private static final float[] SIDE = {0f, 0f, 0f, 0f, 0f, 2f, 4f, 4f};

    @Test
    void fourOutputSubarrayUsesAmplifierMeansAndTheSideMedian() throws Exception {
        ExposureMetadata e = TestExposures.exposure(new SubarrayWindow(1, 1, 8, 8), TestExposures.IDENTITY, 4, 1, 1,
                false);
        PreparedStep step = new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(e, new int[64]);
        float[] in = fourOutputFrame();
        Ramp r = ramp(e, in);
        step.apply(r);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                float expected = in[y * 8 + x] - (x % 2 == 0 ? 5f : 7f) - SIDE[y];
                assertEquals(expected, r.sample(0, y, x), 0f, y + "," + x);
            }
        }
    }

    @Test
    void sideGainScalesAndSwitchingTheSideOffLeavesTopBottomOnly() throws Exception {
        ExposureMetadata e = TestExposures.exposure(new SubarrayWindow(1, 1, 8, 8), TestExposures.IDENTITY, 4, 1, 1,
                false);
        float[] in = fourOutputFrame();
        Ramp half = ramp(e, in);
        new RefPixStep(new RefPixStep.Parameters(true, true, 11, 0.5, true, 3.0, MEDIAN)).prepare(e, new int[64]).apply(half);
        Ramp off = ramp(e, in);
        new RefPixStep(new RefPixStep.Parameters(true, false, 11, 1.0, true, 3.0, MEDIAN)).prepare(e, new int[64]).apply(off);
        assertEquals(100f - 5f - 2f, half.sample(0, 7, 4), 0f);
        assertEquals(100f - 5f - 1f, half.sample(0, 5, 4), 0f);
        assertEquals(100f - 7f, off.sample(0, 7, 5), 0f);
    }

    @Test
    void amplifierWithOnlyDoNotUseReferencePixelsIsLeftAlone() throws Exception {
        ExposureMetadata e = TestExposures.exposure(new SubarrayWindow(1, 1, 8, 8), TestExposures.IDENTITY, 4, 1, 1,
                false);
        int[] dq = new int[64];
        for (int p = 0; p < 32; p++) {
            dq[p] = DNU;  // all bottom rows unusable; side pixels of rows 4-7 remain
        }
        float[] in = fourOutputFrame();
        Ramp r = ramp(e, in);
        new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(e, dq).apply(r);
        // no top/bottom correction; side median over rows 4-7 only: 9 and 11 -> median 10 everywhere
        assertEquals(100f - 10f, r.sample(0, 6, 6), 0f);
        assertEquals(5f - 10f, r.sample(0, 0, 0), 0f);
    }
}
