package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

/**
 * The rules of ramp.md sections 3 and 4 on hand-made ramps whose expected flags and slopes follow from
 * the spec's formulas (derived in each test's comment), independently of the reference vectors.
 */
class RampRulesTest {

    private static final int JUMP = DqFlag.JUMP_DET.value();
    private static final int SAT = DqFlag.SATURATED.value();
    private static final int DNU = DqFlag.DO_NOT_USE.value();

    /** A 1 x 3 band of one integration: every pixel rises 100 e- per group; the middle one jumps by j before group 3. */
    private static RampBand band(int groups, double j) {
        int n = 3;
        float[] e = new float[groups * n];
        for (int g = 0; g < groups; g++) {
            for (int p = 0; p < n; p++) {
                e[g * n + p] = (float) (1000 + 100 * g + (p == 1 && g >= 3 ? j : 0));
            }
        }
        return oneRowBand(1, groups, n, e);
    }

    /** A band of one row (no halo) from samples stored integration after integration, group DQ all 0. */
    private static RampBand oneRowBand(int ints, int groups, int nx, float[] samples) {
        int perInt = groups * nx;
        float[][] data = new float[ints][];
        for (int i = 0; i < ints; i++) {
            data[i] = Arrays.copyOfRange(samples, i * perInt, (i + 1) * perInt);
        }
        return new RampBand(ints, groups, nx, 0, 1, 0, 1, data, new byte[ints][perInt], null);
    }

    /** The band's group DQ of sample (i, g, p). */
    private static int flags(RampBand b, int i, int g, int p) {
        return b.groupDq()[i][g * b.pixels() + p] & 0xFF;
    }

    /** Detection on a band whose samples are already electrons (gain 1) with this read noise in every pixel. */
    private static void detect(JumpDetection detection, RampBand b, float readNoise) {
        float[] gain = new float[b.pixels()];
        Arrays.fill(gain, 1f);
        float[] rn = new float[b.pixels()];
        Arrays.fill(rn, readNoise);
        detection.detect(b, gain, rn, null);
    }

    private static int flags(RampBand b, int g, int p) {
        return flags(b, 0, g, p);
    }

    private static JumpDetection iterative() {
        return new JumpDetection(JumpDetection.Parameters.DEFAULTS, JumpDetection.Method.ITERATIVE, 1);
    }

    /*
     * Differences 100, 100, 100 + j, 100, 100: the largest dropped, median m = 100, sigma = sqrt(100 + 10²)
     * = 14.142; the jump's ratio is j / 14.142 against 4 (five usable differences): flagged from j = 56.6.
     */
    @Test
    void aJumpJustAboveTheThresholdIsFlaggedAndJustBelowIsNot() {
        RampBand above = band(6, 57);
        detect(iterative(), above, 10f);
        assertEquals(JUMP, flags(above, 3, 1));
        assertEquals(0, flags(above, 2, 1) | flags(above, 4, 1));
        RampBand below = band(6, 56);
        detect(iterative(), below, 10f);
        assertEquals(0, flags(below, 3, 1));
    }

    /* Neighbours get JUMP_DET when 10 < j / 14.142 < 1000: j = 142 (10.04) yes, 141 (9.97) no, 14143 (1000.07) no. */
    @Test
    void neighboursAreFlaggedOnlyBetweenTheLimits() {
        for (double j : new double[] {141, 142, 14141, 14143}) {
            RampBand b = band(6, j);
            detect(iterative(), b, 10f);
            assertEquals(JUMP, flags(b, 3, 1), "the jump itself, j = " + j);
            boolean expected = j / Math.sqrt(200) > 10 && j / Math.sqrt(200) < 1000;
            assertEquals(expected ? JUMP : 0, flags(b, 3, 0), "left neighbour, j = " + j);
            assertEquals(expected ? JUMP : 0, flags(b, 3, 2), "right neighbour, j = " + j);
            assertEquals(0, flags(b, 2, 0) | flags(b, 4, 2), "other groups of the neighbours, j = " + j);
        }
    }

    /*
     * The same limits on the sigma-clip path: 120 integrations of three pixels rising 100 e- per group, the
     * middle one jumping by j before group 3 of integration 0. Across the integrations that difference is
     * 100 + j once and 100 119 times: std 0.091 j about the median 100, so 100 + j is clipped at once. The
     * pixel's 600 differences have median 100 and sigma sqrt(100 + 10²) = 14.142, so its neighbours are
     * flagged when 10 < j / 14.142 < 1000: 141 no, 142 yes, 1000 yes (far from both limits), 14141 yes,
     * 14143 no.
     */
    @Test
    void neighboursOfASigmaClipJumpAreFlaggedOnlyBetweenTheLimits() {
        for (double j : new double[] {141, 142, 1000, 14141, 14143}) {
            int ints = 120;
            int groups = 6;
            int nx = 3;
            float[] e = new float[ints * groups * nx];
            for (int i = 0; i < ints; i++) {
                for (int g = 0; g < groups; g++) {
                    for (int p = 0; p < nx; p++) {
                        e[(i * groups + g) * nx + p] = (float) (1000 + 100 * g + (i == 0 && p == 1 && g >= 3 ? j : 0));
                    }
                }
            }
            RampBand b = oneRowBand(ints, groups, nx, e);
            detect(new JumpDetection(JumpDetection.Parameters.DEFAULTS, JumpDetection.Method.SIGMA_CLIP, 1), b, 10f);
            assertEquals(JUMP, flags(b, 0, 3, 1), "the jump itself, j = " + j);
            boolean expected = j / Math.sqrt(200) > 10 && j / Math.sqrt(200) < 1000;
            assertEquals(expected ? JUMP : 0, flags(b, 0, 3, 0), "left neighbour, j = " + j);
            assertEquals(expected ? JUMP : 0, flags(b, 0, 3, 2), "right neighbour, j = " + j);
            int others = 0;
            for (int i = 0; i < ints; i++) {
                for (int g = 0; g < groups; g++) {
                    for (int p = 0; p < nx; p++) {
                        others += i == 0 && g == 3 ? 0 : flags(b, i, g, p);
                    }
                }
            }
            assertEquals(0, others, "flags elsewhere, j = " + j);
        }
    }

    /* A neighbour SATURATED (or DO_NOT_USE) in that group is not flagged, and a flag never sits beside those. */
    @Test
    void aSaturatedNeighbourIsNotFlaggedAndJumpsMeetingSaturationAreCleared() {
        RampBand b = band(6, 500);
        b.groupDq()[0][3 * 3] = (byte) SAT;
        b.groupDq()[0][3 * 3 + 2] = (byte) DNU;
        detect(iterative(), b, 10f);
        assertEquals(JUMP, flags(b, 3, 1));
        assertEquals(SAT, flags(b, 3, 0));
        assertEquals(DNU, flags(b, 3, 2));
    }

    /*
     * Sigma clip across 100 integrations of one difference: 99 equal values v and one v + j give std 0.0995 j
     * about the median v, so v + j is outside v ± 4 std and flagged; with the jump in 10 of them, std = 0.3 j
     * and v + j lies inside v ± 1.2 j: not found (the spec's "10 % escape").
     */
    @Test
    void theSigmaClipFindsAnOutlierIntegrationButNotAJumpInTenPercentOfThem() {
        for (int repeated : new int[] {1, 10}) {
            int ints = 100;
            int groups = 3;
            float[] e = new float[ints * groups];
            for (int i = 0; i < ints; i++) {
                for (int g = 0; g < groups; g++) {
                    e[i * groups + g] = 1000 + 50 * g + (i < repeated && g >= 2 ? 400 : 0);
                }
            }
            RampBand b = oneRowBand(ints, groups, 1, e);
            detect(new JumpDetection(JumpDetection.Parameters.DEFAULTS, JumpDetection.Method.SIGMA_CLIP, 1), b, 5f);
            int flagged = 0;
            for (int i = 0; i < ints; i++) {
                for (int g = 0; g < groups; g++) {
                    flagged += (flags(b, i, g, 0) & JUMP) != 0 ? 1 : 0;
                }
            }
            assertEquals(repeated == 1 ? 1 : 0, flagged, repeated + " integrations with the jump");
            if (repeated == 1) {
                assertEquals(JUMP, flags(b, 0, 2, 0));
            }
        }
    }

    /*
     * The sigma clip against a plain rendering of astropy's sigma_clip (sorted median, population std,
     * up to 5 rounds, limits median -/+ 4 std): noise with outliers planted from 3 to 6 std, many of them
     * where only the exact median can tell, in 150 integrations of 4 groups over 400 pixels.
     */
    @Test
    void theSigmaClipFlagsWhatAPlainSigmaClipOfEachDifferenceRejects() {
        int ints = 150;
        int groups = 4;
        int pixels = 400;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        float[] e = new float[ints * groups * pixels];
        for (int p = 0; p < pixels; p++) {
            double level = 1000 * rng.nextDouble();
            for (int i = 0; i < ints; i++) {
                double value = level;
                for (int g = 0; g < groups; g++) {
                    value += 50 + 10 * gaussian(rng);
                    if (g > 0 && rng.nextInt(60) == 0) {
                        value += 10 * (3 + 3 * rng.nextDouble()); // an outlier of 3 to 6 std
                    }
                    e[(i * groups + g) * pixels + p] = (float) value;
                }
            }
        }
        RampBand b = oneRowBand(ints, groups, pixels, e);
        JumpDetection.Parameters d = JumpDetection.Parameters.DEFAULTS;
        JumpDetection.Parameters noNeighbours = new JumpDetection.Parameters(d.rejectionThreshold(),
                d.threeGroupThreshold(), d.fourGroupThreshold(), false, d.minJumpToFlagNeighbors(),
                d.maxJumpToFlagNeighbors(), d.minDiffsSinglePass(), d.minimumGroups(), d.minimumSigclipGroups());
        detect(new JumpDetection(noNeighbours, JumpDetection.Method.SIGMA_CLIP, 1), b, 5f);
        int flagged = 0;
        for (int p = 0; p < pixels; p++) {
            for (int g = 1; g < groups; g++) {
                double[] diffs = new double[ints];
                for (int i = 0; i < ints; i++) {
                    diffs[i] = (double) (e[(i * groups + g) * pixels + p] - e[(i * groups + g - 1) * pixels + p]);
                }
                boolean[] rejected = plainSigmaClip(diffs, 4);
                for (int i = 0; i < ints; i++) {
                    int f = flags(b, i, g, p);
                    assertEquals(rejected[i] ? JUMP : 0, f, "pixel " + p + ", integration " + i + ", group " + g);
                    flagged += rejected[i] ? 1 : 0;
                }
            }
        }
        assertTrue(flagged > 500, flagged + " rejected"); // the planted outliers and the tails of the noise
    }

    private static double gaussian(java.util.SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Which values sigma_clip(sigma, maxiters=5) masks, computed the plain way: sorting for each median. */
    private static boolean[] plainSigmaClip(double[] values, double sigma) {
        boolean[] rejected = new boolean[values.length];
        for (int round = 0; round < 5; round++) {
            int n = 0;
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                if (!rejected[i]) {
                    sum += values[i];
                    n++;
                }
            }
            double mean = sum / n;
            double squares = 0;
            double[] kept = new double[n];
            int k = 0;
            for (int i = 0; i < values.length; i++) {
                if (!rejected[i]) {
                    squares += (values[i] - mean) * (values[i] - mean);
                    kept[k++] = values[i];
                }
            }
            double std = Math.sqrt(squares / n);
            Arrays.sort(kept);
            double median = n % 2 == 1 ? kept[n / 2] : (kept[n / 2 - 1] + kept[n / 2]) / 2;
            boolean any = false;
            for (int i = 0; i < values.length; i++) {
                if (!rejected[i] && (values[i] < median - sigma * std || values[i] > median + sigma * std)) {
                    rejected[i] = true;
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return rejected;
    }

    @Test
    void thePathFollowsTheIntegrationAndGroupCounts() {
        JumpDetection.Parameters p = JumpDetection.Parameters.DEFAULTS;
        assertEquals(JumpDetection.Method.SIGMA_CLIP, JumpDetection.method(p, 100, 4, 0));
        assertEquals(JumpDetection.Method.ITERATIVE, JumpDetection.method(p, 99, 10, 0));
        assertEquals(JumpDetection.Method.SINGLE_PASS, JumpDetection.method(p, 2, 11, 0));
        assertEquals(JumpDetection.Method.ITERATIVE, JumpDetection.method(p, 2, 11, 1), "a whole-frame DNU group");
        assertEquals(null, JumpDetection.method(p, 2, 4, 2), "fewer than 3 usable groups: skipped");
    }

    private static final double TG = 5.0;

    private static RampFitter fitter(int groups, float gain, float readNoise, boolean suppress) {
        return new RampFitter(groups, new int[1], new float[] {gain}, new float[] {readNoise}, 0, TG, TG, 1,
                suppress);
    }

    private static Ramp ramp(double[] values, int[] dq) {
        Ramp r = Ramp.zeros(0, values.length, 1, 1, false);
        for (int g = 0; g < values.length; g++) {
            r.data()[g] = (float) values[g];
            r.groupDq()[g] = (byte) dq[g];
        }
        return r;
    }

    /*
     * Section 4.3 written out plainly for ramps of 2 to 12 groups over 3 integrations and 300 pixels,
     * some groups JUMP_DET and some samples NaN: per integration the median of the finite differences of
     * value / TG (none where the later group jumped), value[0] / TG when there is none, NaN as 0; then
     * the mean over the integrations.
     */
    @Test
    void theMedianRateIsTheMeanOfEachIntegrationsMedianDifference() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        int pixels = 300;
        int ints = 3;
        for (int groups = 2; groups <= 12; groups++) {
            Ramp[] ramps = new Ramp[ints];
            for (int i = 0; i < ints; i++) {
                ramps[i] = Ramp.zeros(i, groups, 1, pixels, false);
                for (int g = 0; g < groups; g++) {
                    for (int p = 0; p < pixels; p++) {
                        int at = g * pixels + p;
                        ramps[i].data()[at] = (float) (p + 40 * g + 5 * gaussian(rng));
                        if (rng.nextInt(200) == 0) {
                            ramps[i].data()[at] = Float.NaN;
                        }
                        if (g > 0 && rng.nextInt(40) == 0) {
                            ramps[i].groupDq()[at] = (byte) JUMP;
                        }
                    }
                }
            }
            RampFitter f = new RampFitter(groups, new int[pixels], filled(pixels, 2f), filled(pixels, 10f), 0, TG,
                    TG, 1, false);
            int from = 7;
            double[] got = f.medianRates(i -> RampFitter.Planes.of(ramps[i]), ints, from, pixels);
            for (int p = from; p < pixels; p++) {
                double sum = 0;
                for (Ramp r : ramps) {
                    double[] d = new double[groups - 1];
                    int n = 0;
                    for (int g = 1; g < groups; g++) {
                        double v = r.data()[g * pixels + p] / TG - r.data()[(g - 1) * pixels + p] / TG;
                        if ((r.groupDq()[g * pixels + p] & JUMP) == 0 && !Double.isNaN(v)) {
                            d[n++] = v;
                        }
                    }
                    Arrays.sort(d, 0, n);
                    double m = n == 0 ? r.data()[p] / TG : n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
                    sum += Double.isNaN(m) ? 0 : m;
                }
                assertEquals(sum / (float) ints, got[p - from], 1e-12, groups + " groups, pixel " + p);
            }
        }
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }

    private static RampFitter.IntegrationFit fit(RampFitter f, Ramp r) {
        return f.fit(r, f.medianRates(i -> RampFitter.Planes.of(r), 1, 0, 1));
    }

    /* A linear ramp gives its slope whatever the weights: 250 DN per group over TGROUP 5 s is 50 DN/s. */
    @Test
    void aStraightRampGivesItsSlopeAndTheMiddleGroupOfAnOddSegmentHasNoWeightAtHighSignal() {
        double[] y = {1000, 1250, 1500, 1750, 2000};
        RampFitter f = fitter(5, 2f, 10f, true);
        assertEquals(50.0, fit(f, ramp(y, new int[5])).sci()[0], 1e-4);
        // S/N = 1000 * 2 / sqrt(7.07² + 2000) = 43.9: power 3, so |k - 2| / 2 = 0 gives the middle group weight 0
        double[] bent = y.clone();
        bent[2] += 300;
        assertEquals(50.0, fit(f, ramp(bent, new int[5])).sci()[0], 1e-4);
    }

    /* Two good groups then saturation: one segment of two, slope (y1 - y0) / TGROUP, and SATURATED in the DQ. */
    @Test
    void aTwoGroupSegmentIsItsDifferenceOverTheGroupTime() {
        RampFitter.IntegrationFit fit = fit(fitter(4, 2f, 10f, true),
                ramp(new double[] {100, 160, 0, 0}, new int[] {0, 0, SAT, SAT}));
        assertEquals(12.0, fit.sci()[0], 1e-5);
        assertEquals(SAT, fit.dq()[0]);
        // var_r = 2 (rn / TG)² / g² with rn = 10 * 2 / sqrt 2 = 14.142 e-: 2 * 8 / 4 = 4 (DN/s)²
        assertEquals(4.0, fit.varReadNoise()[0], 1e-5);
    }

    /* Saturated from group 1: one good group, suppressed (DO_NOT_USE), SATURATED from the later groups; no slope. */
    @Test
    void aPixelSaturatedFromGroupOneHasNoSlope() {
        RampFitter.IntegrationFit fit = fit(fitter(4, 2f, 10f, true),
                ramp(new double[] {100, 0, 0, 0}, new int[] {0, SAT, SAT, SAT}));
        assertTrue(Float.isNaN(fit.sci()[0]));
        assertEquals(DNU | SAT, fit.dq()[0]);
        assertEquals(0f, fit.err()[0]);
    }

    /* A NaN gain: DO_NOT_USE | NO_GAIN_VALUE and no slope, even for a clean ramp. */
    @Test
    void aNanGainGivesNoSlopeAndSaysWhy() {
        RampFitter f = fitter(4, Float.NaN, 10f, true);
        RampFitter.IntegrationFit fit = fit(f, ramp(new double[] {100, 200, 300, 400}, new int[4]));
        assertTrue(Float.isNaN(fit.sci()[0]));
        assertEquals(DNU | DqFlag.NO_GAIN_VALUE.value(), fit.dq()[0]);
    }

    /* A jump splits the ramp: the segment after it starts at the jump group, each slope 100 / TG = 20 DN/s. */
    @Test
    void aJumpSplitsTheRampAndTheSegmentsAgree() {
        assertArrayEqualsInt(new int[] {0, 3, 3, 3}, RampFitter.segments(new int[] {0, 0, 0, JUMP, 0, 0}));
        RampFitter.IntegrationFit fit = fit(fitter(6, 2f, 10f, true),
                ramp(new double[] {0, 100, 200, 5300, 5400, 5500}, new int[] {0, 0, 0, JUMP, 0, 0}));
        assertEquals(20.0, fit.sci()[0], 1e-4);
        assertEquals(JUMP, fit.dq()[0]);
        assertFalse(Float.isNaN(fit.err()[0]));
    }

    private static void assertArrayEqualsInt(int[] expected, int[] got) {
        assertEquals(Arrays.toString(expected), Arrays.toString(got));
    }
}
