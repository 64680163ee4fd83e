package org.tsoinspector.calib;

import org.tsoinspector.model.DqFlag;

/**
 * jump's two-point-difference detection (ramp.md section 3) on a band of whole rows across every
 * integration of a segment. Detection is per pixel (all paths look only at the pixel's own differences);
 * neighbour flagging needs the rows above and below, so a band carries one halo row on each side that
 * is detected but whose flags the caller does not keep.
 *
 * <p>Samples are taken in electrons as float32 ({@code data * gain}), NaN where the group is SATURATED
 * or DO_NOT_USE; the band's group DQ is updated in place.
 */
public final class JumpDetection {

    /** The three detection paths; the segment decides which one runs (section 3, "Path selection"). */
    public enum Method {
        ITERATIVE, SINGLE_PASS, SIGMA_CLIP
    }

    /** The step's parameters (the reference's defaults in {@link #DEFAULTS}). */
    public record Parameters(double rejectionThreshold, double threeGroupThreshold, double fourGroupThreshold,
            boolean flagFourNeighbors, double minJumpToFlagNeighbors, double maxJumpToFlagNeighbors,
            int minDiffsSinglePass, int minimumGroups, int minimumSigclipGroups) {
        public static final Parameters DEFAULTS = new Parameters(4.0, 6.0, 5.0, true, 10, 1000, 10, 3, 100);
    }

    private static final int JUMP = DqFlag.JUMP_DET.value();
    private static final int UNUSABLE = DqFlag.SATURATED.value() | DqFlag.DO_NOT_USE.value();

    private final Parameters parameters;
    private final Method method;
    private final int nFrames;

    public JumpDetection(Parameters parameters, Method method, int nFrames) {
        this.parameters = parameters;
        this.method = method;
        this.nFrames = Math.max(1, nFrames);
    }

    /**
     * The path the reference takes for a segment, or null when it skips detection (every flag unchanged):
     * fewer than 100 integrations and an integration with fewer than {@code minimumGroups} groups that are
     * not DO_NOT_USE over the whole frame.
     *
     * @param maxWholeFrameUnusable the largest number of groups of one integration that are DO_NOT_USE in
     *                              every pixel of the frame
     */
    public static Method method(Parameters p, int nInts, int nGroups, int maxWholeFrameUnusable) {
        int minUsableGroups = nGroups - maxWholeFrameUnusable;
        boolean sigmaClipFails = nInts < p.minimumSigclipGroups();
        if (sigmaClipFails && minUsableGroups < p.minimumGroups()) {
            return null;
        }
        if (!sigmaClipFails) {
            return Method.SIGMA_CLIP;
        }
        return minUsableGroups - 1 >= p.minDiffsSinglePass() ? Method.SINGLE_PASS : Method.ITERATIVE;
    }

    /** What one band's detection found, over the rows the caller keeps. */
    public record Found(int primaryJumps, long[] planesWithUsablePixels) {
    }

    /**
     * Detects jumps in the band, flags neighbours and clears JUMP_DET where it meets DO_NOT_USE or
     * SATURATED.
     *
     * @param gain                  e-/DN per pixel of the frame
     * @param readNoise             per pixel of the frame, {@code float32(readnoise * gain)} in electrons
     * @param clearJumpOnlyPlanes    for the sigma-clip path: per (integration, group), whether the whole
     *                               frame was found JUMP_DET or DO_NOT_USE, where the reference then clears
     *                               the pixels flagged JUMP_DET alone before neighbour flagging; null at first
     * @return the JUMP_DET count after detection (before neighbours) over the kept rows, and per
     *         (integration, group) the kept pixels with neither JUMP_DET nor DO_NOT_USE after detection
     */
    public Found detect(RampBand b, float[] gain, float[] readNoise, boolean[] clearJumpOnlyPlanes) {
        int n = b.pixels();
        double[] median = new double[n];
        double[] sigma = new double[n];
        // one thread per band: the sweep keeps a band in flight per core, so pixels need no further split
        Workspace w = new Workspace(b);
        for (int c = 0; c < (n + BLOCK - 1) / BLOCK; c++) {
            int from = c * BLOCK;
            int to = Math.min(n, from + BLOCK);
            w.gather(b, gain, from, to);
            if (method == Method.SIGMA_CLIP) {
                w.screen(to - from, parameters.rejectionThreshold());
            }
            for (int p = from; p < to; p++) {
                int q = p - from;
                double rn2 = readNoiseSquared(readNoise[b.origin() + p]);
                boolean found = switch (method) {
                    case ITERATIVE -> iterative(b, p, w, q, rn2);
                    case SINGLE_PASS -> {
                        median[p] = w.median(q);
                        yield singlePass(b, p, w, q, median[p], sigma(median[p], rn2));
                    }
                    case SIGMA_CLIP -> sigmaClip(b, p, w, q);
                };
                if (method != Method.SINGLE_PASS) {
                    median[p] = neighbourMedian(w, q, found, rn2);
                }
                sigma[p] = sigma(median[p], rn2);
            }
        }
        int keptPixelsFrom = b.keptFrom() * b.nx();
        int keptPixelsTo = b.keptTo() * b.nx();
        if (method == Method.SIGMA_CLIP && clearJumpOnlyPlanes != null) {
            for (int plane = 0; plane < clearJumpOnlyPlanes.length; plane++) {
                if (clearJumpOnlyPlanes[plane]) {
                    byte[] gdq = b.groupDq()[plane / b.nGroups()];
                    int base = (plane % b.nGroups()) * n;
                    for (int p = 0; p < n; p++) {
                        if ((gdq[base + p] & 0xFF) == JUMP) {
                            gdq[base + p] = 0;
                        }
                    }
                }
            }
        }
        int primary = 0;
        long[] usable = new long[b.nInts() * b.nGroups()];
        for (int plane = 0; plane < usable.length; plane++) {
            byte[] gdq = b.groupDq()[plane / b.nGroups()];
            int base = (plane % b.nGroups()) * n;
            for (int p0 = keptPixelsFrom; p0 < keptPixelsTo; p0 += NEIGHBOUR_BLOCK) {
                int p1 = Math.min(keptPixelsTo, p0 + NEIGHBOUR_BLOCK);
                if (!GroupFlags.any(gdq, base + p0, p1 - p0, JUMP | DqFlag.DO_NOT_USE.value())) {
                    usable[plane] += p1 - p0;
                    continue;
                }
                for (int p = p0; p < p1; p++) {
                    int dq = gdq[base + p];
                    if ((dq & JUMP) != 0) {
                        primary++;
                    }
                    if ((dq & (JUMP | DqFlag.DO_NOT_USE.value())) == 0) {
                        usable[plane]++;
                    }
                }
            }
        }
        if (parameters.flagFourNeighbors()) {
            flagNeighbors(b, gain, median, sigma);
        }
        int samples = b.nGroups() * n;
        for (int i = 0; i < b.nInts(); i++) {
            byte[] gdq = b.groupDq()[i];
            for (int k0 = 0; k0 < samples; k0 += NEIGHBOUR_BLOCK) {
                int k1 = Math.min(samples, k0 + NEIGHBOUR_BLOCK);
                if (!GroupFlags.any(gdq, k0, k1 - k0, JUMP)) {
                    continue;
                }
                for (int k = k0; k < k1; k++) {
                    int dq = gdq[k];
                    if ((dq & JUMP) != 0 && (dq & UNUSABLE) != 0) {
                        gdq[k] = (byte) (dq & ~JUMP);
                    }
                }
            }
        }
        return new Found(primary, usable);
    }

    /** Pixels whose differences are gathered together, plane by plane, so that the band is read in order. */
    private static final int BLOCK = 128;

    /**
     * One task's arrays, reused for every block of pixels. A block's differences are held difference by
     * difference ({@code fd[k * BLOCK + q]}: difference k of the block's pixel q), so that gathering them
     * and the sigma clip's first round over a block run along contiguous arrays.
     */
    private static final class Workspace {
        final int nInts;
        final int nd;
        final int diffs;
        /**
         * Difference k = i * nd + d (integration-major) of the block's pixel q at [k * BLOCK + q]: float32,
         * as the reference takes the difference, widened where it is used.
         */
        final float[] fd;
        /** Whether a pixel of the block had JUMP_DET before detection (its neighbours may then be flagged). */
        final boolean[] jumpBefore = new boolean[BLOCK];
        /** Each pixel's sample in the group before, in electrons. */
        private final float[] previous = new float[BLOCK];
        /**
         * For the sigma clip: whether difference d of pixel q ({@code [d * BLOCK + q]}) is certain to keep
         * every value in its first round, so that it flags nothing.
         */
        final boolean[] settled;
        /** The screen's first round of difference d of pixel q, at [d * BLOCK + q]. */
        final double[] mean;
        final double[] std;
        final double[] min;
        final double[] max;
        /** The differences (k = i * nd + d) the sigma clip flagged in the pixel it took last. */
        final int[] jumps;
        int jumpCount;
        final double[] scratch;
        final double[] abs;
        final double[] ratio;
        final boolean[] candidate;
        final double[] values;
        final int[] index;
        final boolean[] kept;

        Workspace(RampBand b) {
            nInts = b.nInts();
            nd = b.nGroups() - 1;
            diffs = b.nInts() * nd;
            fd = new float[BLOCK * diffs];
            settled = new boolean[BLOCK * nd];
            mean = new double[BLOCK * nd];
            std = new double[BLOCK * nd];
            min = new double[BLOCK * nd];
            max = new double[BLOCK * nd];
            jumps = new int[diffs];
            scratch = new double[diffs];
            abs = new double[diffs];
            ratio = new double[diffs];
            candidate = new boolean[b.nInts()];
            values = new double[b.nInts()];
            index = new int[b.nInts()];
            kept = new boolean[b.nInts()];
        }

        /** Difference k of the block's pixel q. */
        double fd(int k, int q) {
            return fd[k * BLOCK + q];
        }

        /**
         * fd of pixels [from, to): e[i][d+1] - e[i][d], the difference in float32 as numpy does it, then
         * double. Rows of the block with no flag to look at take the branch-free loop.
         */
        void gather(RampBand b, float[] gain, int from, int to) {
            int origin = b.origin() + from;
            int count = to - from;
            java.util.Arrays.fill(jumpBefore, false);
            for (int i = 0; i < nInts; i++) {
                float[] data = b.data()[i];
                byte[] gdq = b.groupDq()[i];
                for (int g = 0; g <= nd; g++) {
                    int plane = b.at(g, from);
                    int base = (i * nd + g - 1) * BLOCK;
                    if (!GroupFlags.any(gdq, plane, count, UNUSABLE | JUMP)) {
                        for (int q = 0; q < count; q++) {
                            float e = data[plane + q] * gain[origin + q];
                            if (g > 0) {
                                fd[base + q] = e - previous[q];
                            }
                            previous[q] = e;
                        }
                        continue;
                    }
                    for (int q = 0; q < count; q++) {
                        int at = plane + q;
                        jumpBefore[q] |= (gdq[at] & JUMP) != 0;
                        float e = electrons(data, gdq, at, gain[origin + q]);
                        if (g > 0) {
                            fd[base + q] = e - previous[q];
                        }
                        previous[q] = e;
                    }
                }
            }
        }

        /**
         * The sigma clip's first round for every difference of the block's pixels [0, count) at once, as
         * {@link #sigmaClip} takes it for one (the same sums in the same order): {@link #settled} where
         * it keeps every value, and the round's mean, deviation, least and largest value kept for the
         * full clip of the others. Any NaN makes the mean NaN and leaves the whole round to the full clip.
         */
        void screen(int count, double threshold) {
            for (int d = 0; d < nd; d++) {
                int at = d * BLOCK;
                java.util.Arrays.fill(mean, at, at + count, 0);
                for (int i = 0; i < nInts; i++) {
                    int base = (i * nd + d) * BLOCK;
                    for (int q = 0; q < count; q++) {
                        mean[at + q] += fd[base + q];
                    }
                }
                for (int q = 0; q < count; q++) {
                    mean[at + q] /= nInts;
                }
                java.util.Arrays.fill(std, at, at + count, 0);
                java.util.Arrays.fill(min, at, at + count, Double.POSITIVE_INFINITY);
                java.util.Arrays.fill(max, at, at + count, Double.NEGATIVE_INFINITY);
                for (int i = 0; i < nInts; i++) {
                    int base = (i * nd + d) * BLOCK;
                    for (int q = 0; q < count; q++) {
                        double v = fd[base + q];
                        double deviation = v - mean[at + q];
                        std[at + q] += deviation * deviation; // the squares, until below
                        min[at + q] = Math.min(min[at + q], v);
                        max[at + q] = Math.max(max[at + q], v);
                    }
                }
                for (int q = 0; q < count; q++) {
                    std[at + q] = Math.sqrt(std[at + q] / nInts);
                    settled[at + q] = keepsAll(mean[at + q], std[at + q], min[at + q], max[at + q], threshold);
                }
            }
        }

        /** numpy's nanmedian of pixel q's differences: the mean of the two middle values for an even count, NaN when all are NaN. */
        double median(int q) {
            int k = 0;
            for (int j = 0; j < diffs; j++) {
                double v = fd[j * BLOCK + q];
                if (!Double.isNaN(v)) {
                    scratch[k++] = v;
                }
            }
            return Medians.median(scratch, k);
        }
    }

    /** A sample in electrons as jump sees it: float32 {@code data * gain}, NaN where SATURATED or DO_NOT_USE. */
    private static float electrons(float[] data, byte[] gdq, int at, float gain) {
        return (gdq[at] & UNUSABLE) != 0 ? Float.NaN : data[at] * gain;
    }

    /** rn² in float32 (numpy squares the float32 read noise), over half the reads of a group difference. */
    private double readNoiseSquared(float rn) {
        float rn2 = rn * rn;
        return rn2 / (0.5 * 2 * nFrames);
    }

    private static double sigma(double median, double rn2) {
        double s = Math.sqrt(Math.abs(median) + rn2);
        return s == 0 ? Double.NaN : s;
    }

    private static void flag(RampBand b, int i, int g, int p) {
        byte[] gdq = b.groupDq()[i];
        int at = b.at(g, p);
        gdq[at] = (byte) (gdq[at] | JUMP);
    }

    /** Path A: flag the largest outlier of the pixel's whole exposure, re-measure, repeat. */
    private boolean iterative(RampBand b, int p, Workspace w, int q, double rn2) {
        int nd = w.nd;
        double[] abs = w.abs;
        double[] ratio = w.ratio;
        boolean[] candidate = w.candidate;
        for (int k = 0; k < w.diffs; k++) {
            abs[k] = Math.abs(w.fd(k, q));
        }
        boolean found = false;
        for (int pass = 0; pass < w.diffs; pass++) {
            double m = clippedMedian(abs, w.diffs, w.scratch);
            if (pass > 0) {
                m = (float) m; // later passes store the re-measured median in a float32 array
            }
            double s = sigma(m, rn2);
            int usable = 0;
            for (int k = 0; k < w.diffs; k++) {
                if (!Double.isNaN(abs[k])) {
                    usable++;
                }
            }
            double threshold = usable >= 4 ? parameters.rejectionThreshold()
                    : usable == 3 ? parameters.fourGroupThreshold()
                    : usable == 2 ? parameters.threeGroupThreshold() : Double.NaN;
            boolean any = false;
            double largest = Double.NaN;
            for (int i = 0; i < b.nInts(); i++) {
                double intMax = Double.NaN;
                for (int d = 0; d < nd; d++) {
                    int k = i * nd + d;
                    float e = (float) (abs[k] - m); // stored in a float32 array by the reference
                    ratio[k] = Math.abs(e) / s;
                    if (!Double.isNaN(ratio[k])) {
                        intMax = Double.isNaN(intMax) ? ratio[k] : Math.max(intMax, ratio[k]);
                        largest = Double.isNaN(largest) ? ratio[k] : Math.max(largest, ratio[k]);
                    }
                }
                candidate[i] = intMax > threshold;
                any |= candidate[i];
            }
            if (!any) {
                return found;
            }
            for (int i = 0; i < b.nInts(); i++) {
                if (!candidate[i]) {
                    continue;
                }
                for (int d = 0; d < nd; d++) {
                    int k = i * nd + d;
                    if (ratio[k] == largest) {
                        flag(b, i, d + 1, p);
                        abs[k] = Double.NaN;
                        found = true;
                    }
                }
            }
        }
        return found;
    }

    /** Path B: every difference further than the threshold from the pixel's median. */
    private boolean singlePass(RampBand b, int p, Workspace w, int q, double median, double sigma) {
        int nd = w.nd;
        boolean found = false;
        for (int k = 0; k < w.diffs; k++) {
            double fd = w.fd(k, q);
            if (Double.isFinite(fd) && Math.abs(fd - median) / sigma > parameters.rejectionThreshold()) {
                flag(b, k / nd, k % nd + 1, p);
                found = true;
            }
        }
        return found;
    }

    /**
     * Path C: astropy's sigma_clip(sigma=4, maxiters=5) of each difference across the integrations. The
     * finite values are kept packed in integration order (the sums run in the same order as over the
     * full array), so each round is a mean, a deviation, a selection and a compaction.
     */
    private boolean sigmaClip(RampBand b, int p, Workspace w, int q) {
        int nd = w.nd;
        int nInts = b.nInts();
        double[] values = w.values;
        int[] index = w.index;
        boolean[] kept = w.kept;
        double threshold = parameters.rejectionThreshold();
        boolean found = false;
        w.jumpCount = 0;
        for (int d = 0; d < nd; d++) {
            if (w.settled[d * BLOCK + q]) {
                continue;
            }
            int count = 0;
            double sum = 0; // the first round's, summed while packing (the same order)
            for (int i = 0; i < nInts; i++) {
                double v = w.fd(i * nd + d, q);
                boolean nan = Double.isNaN(v);
                values[count] = v;
                index[count] = i;
                count += nan ? 0 : 1;
                sum += nan ? 0 : v;
            }
            int finite = count;
            // the screen took the first round already where it had no NaN (every value finite)
            boolean screened = Double.isFinite(w.mean[d * BLOCK + q]);
            for (int iteration = 0; iteration < 5 && count > 0; iteration++) {
                double mean;
                double std;
                double min;
                double max;
                if (iteration == 0 && screened) {
                    mean = w.mean[d * BLOCK + q];
                    std = w.std[d * BLOCK + q];
                    min = w.min[d * BLOCK + q];
                    max = w.max[d * BLOCK + q];
                } else {
                    if (iteration > 0) {
                        sum = 0;
                        for (int k = 0; k < count; k++) {
                            sum += values[k];
                        }
                    }
                    mean = sum / count;
                    double squares = 0;
                    min = Double.POSITIVE_INFINITY;
                    max = Double.NEGATIVE_INFINITY;
                    for (int k = 0; k < count; k++) {
                        double v = values[k];
                        double deviation = v - mean;
                        squares += deviation * deviation;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                    std = Math.sqrt(squares / count);
                }
                int remaining = clipWithoutMedian(values, index, count, mean, std, min, max, threshold);
                if (remaining < 0) {
                    System.arraycopy(values, 0, w.scratch, 0, count);
                    double median = Medians.median(w.scratch, count);
                    remaining = clip(values, index, count, median - threshold * std, median + threshold * std);
                }
                if (remaining == count) {
                    break;
                }
                count = remaining;
            }
            if (count == finite) {
                continue;
            }
            java.util.Arrays.fill(kept, false);
            for (int k = 0; k < count; k++) {
                kept[index[k]] = true;
            }
            for (int i = 0; i < nInts; i++) {
                double v = w.fd(i * nd + d, q);
                byte[] gdq = b.groupDq()[i];
                int at = b.at(d + 1, p);
                if (!kept[i] && Double.isFinite(v) && (gdq[at] & UNUSABLE) == 0) {
                    gdq[at] = (byte) (gdq[at] | JUMP);
                    w.jumps[w.jumpCount++] = i * nd + d;
                    found = true;
                }
            }
        }
        return found;
    }

    /**
     * The median flagNeighbors judges pixel q's jumps by: only where a jump may flag neighbours (NaN
     * elsewhere), and for the sigma clip's own jumps a stand-in where that decides the same.
     */
    private double neighbourMedian(Workspace w, int q, boolean found, double rn2) {
        if (!found && !w.jumpBefore[q]) {
            return Double.NaN;
        }
        double standIn = method == Method.SIGMA_CLIP && !w.jumpBefore[q] ? standInMedian(w, q, rn2) : Double.NaN;
        return Double.isNaN(standIn) ? w.median(q) : standIn;
    }

    /**
     * For the sigma clip, a value that gives each of pixel q's jumps the same neighbour decision as its
     * median would, or NaN when none is certain to. The median of all differences lies within
     * [min over d of (mean_d - 2 std_d), max over d of (mean_d + 2 std_d)] of the screen's first rounds
     * (Cantelli: at most a fifth of a set lies 2 deviations or more beyond its mean, on either side); when
     * every jump's ratio |fd - m| / sqrt(|m| + rn²) stays on one side of each neighbour limit for every
     * m in that range, with a margin for rounding, the centre of the range decides as the median does.
     * Most jumps are far from the limits: noise just past 4 sigma, or cosmic rays tens of sigma high.
     */
    private double standInMedian(Workspace w, int q, double rn2) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int d = 0; d < w.nd; d++) {
            double mean = w.mean[d * BLOCK + q];
            double std = w.std[d * BLOCK + q];
            if (!Double.isFinite(mean) || !Double.isFinite(std)) { // a NaN difference: no bound
                return Double.NaN;
            }
            low = Math.min(low, mean - 2 * std);
            high = Math.max(high, mean + 2 * std);
        }
        double absMin = low <= 0 && high >= 0 ? 0 : Math.min(Math.abs(low), Math.abs(high));
        double absMax = Math.max(Math.abs(low), Math.abs(high));
        double denMin = Math.sqrt(absMin + rn2);
        double denMax = Math.sqrt(absMax + rn2);
        double min = parameters.minJumpToFlagNeighbors();
        double max = parameters.maxJumpToFlagNeighbors();
        for (int j = 0; j < w.jumpCount; j++) {
            double fd = w.fd(w.jumps[j], q);
            double numMin = fd >= low && fd <= high ? 0 : Math.min(Math.abs(fd - low), Math.abs(fd - high));
            double numMax = Math.max(Math.abs(fd - low), Math.abs(fd - high));
            double ratioMin = numMin / denMax * (1 - ROUNDING);
            double ratioMax = numMax / denMin * (1 + ROUNDING);
            boolean flags = ratioMin > min && ratioMax < max;
            boolean flagsNot = ratioMax < min || ratioMin > max;
            if (!flags && !flagsNot) {
                return Double.NaN;
            }
        }
        return (low + high) / 2;
    }

    /** A relative margin far wider than the rounding of the bounds and of the ratio flagNeighbors takes. */
    private static final double ROUNDING = 1e-9;

    /** Keeps the values of [0, count) inside [low, high] (with their indices) packed in order; returns how many. */
    private static int clip(double[] values, int[] index, int count, double low, double high) {
        int remaining = 0;
        for (int k = 0; k < count; k++) {
            double v = values[k];
            values[remaining] = v;
            index[remaining] = index[k];
            remaining += v < low || v > high ? 0 : 1;
        }
        return remaining;
    }

    /**
     * One round of the clip about the median, decided without selecting the median where that is
     * certain: the median lies within one standard deviation of the mean (|mean - median| <= std for any
     * set), and counting the values either side of mean -/+ std / 4 usually narrows it to that half-width.
     * A value clearly inside (or outside) median -/+ threshold * std for every median in that bracket is
     * kept (or dropped) as the exact round would; when one is too close to tell, the caller selects the
     * median (-1). Most rounds end here: 171 noise values rarely have one within std / 4 of the limit,
     * and most have none beyond threshold - 1 std from the mean, which keeps them all before any count.
     */
    private static int clipWithoutMedian(double[] values, int[] index, int count, double mean, double std,
            double min, double max, double threshold) {
        if (!Double.isFinite(mean) || !Double.isFinite(std)) {
            return -1;
        }
        if (keepsAll(mean, std, min, max, threshold)) {
            return count;
        }
        double a = mean - std / 4;
        double b = mean + std / 4;
        if (!Medians.medianWithin(values, count, a, b)) {
            a = mean - std;
            b = mean + std;
            if (!Medians.medianWithin(values, count, a, b)) { // only by rounding of the mean and std
                return -1;
            }
        }
        double keepFrom = keepFrom(a, b, std, threshold);
        double keepTo = keepTo(a, b, std, threshold);
        double guard = guard(a, b, std, threshold);
        double dropBelow = a - threshold * std - guard;
        double dropAbove = b + threshold * std + guard;
        int kept = 0;
        for (int k = 0; k < count; k++) {
            double v = values[k];
            boolean keep = v >= keepFrom && v <= keepTo;
            if (!keep && v >= dropBelow && v <= dropAbove) {
                return -1;
            }
            kept += keep ? 1 : 0;
        }
        return kept == count ? count : clip(values, index, count, keepFrom, keepTo);
    }

    /**
     * Whether a round of the clip keeps every value in [min, max] whatever the median (which lies within
     * one standard deviation of the mean): false for a NaN or infinite mean or deviation.
     */
    private static boolean keepsAll(double mean, double std, double min, double max, double threshold) {
        return Double.isFinite(mean) && Double.isFinite(std)
                && keepFrom(mean - std, mean + std, std, threshold) <= min
                && max <= keepTo(mean - std, mean + std, std, threshold);
    }

    /**
     * The lowest value the exact round keeps whatever the median in [a, b]: b - threshold * std, plus a
     * guard that covers the rounding of median -/+ threshold * std in the exact round (and of the mean and
     * std the bracket came from) with a wide margin.
     */
    private static double keepFrom(double a, double b, double std, double threshold) {
        return b - threshold * std + guard(a, b, std, threshold);
    }

    /** The highest value the exact round keeps whatever the median in [a, b]. */
    private static double keepTo(double a, double b, double std, double threshold) {
        return a + threshold * std - guard(a, b, std, threshold);
    }

    private static double guard(double a, double b, double std, double threshold) {
        return 1e-9 * (Math.abs(a) + Math.abs(b) + threshold * std);
    }

    /**
     * A jump between 10 and 1000 sigma gives JUMP_DET to the four neighbours in the same group, unless
     * SATURATED or DO_NOT_USE there; each group's flags are decided from the detection's flags alone.
     */
    private void flagNeighbors(RampBand b, float[] gain, double[] median, double[] sigma) {
        int n = b.pixels();
        int nx = b.nx();
        int[] toFlag = new int[n]; // a group's pixels whose jump flags its neighbours, decided before any is marked
        for (int i = 0; i < b.nInts(); i++) {
            byte[] gdq = b.groupDq()[i];
            float[] data = b.data()[i];
            for (int g = 1; g < b.nGroups(); g++) {
                int base = b.at(g, 0);
                int previous = b.at(g - 1, 0);
                int count = 0;
                // jumps are rare: blocks of NEIGHBOUR_BLOCK samples without one are skipped whole
                for (int p0 = 0; p0 < n; p0 += NEIGHBOUR_BLOCK) {
                    int p1 = Math.min(n, p0 + NEIGHBOUR_BLOCK);
                    if (!GroupFlags.any(gdq, base + p0, p1 - p0, JUMP)) {
                        continue;
                    }
                    for (int p = p0; p < p1; p++) {
                        if ((gdq[base + p] & JUMP) != 0) {
                            float g1 = gain[b.origin() + p];
                            double fd = electrons(data, gdq, base + p, g1) - electrons(data, gdq, previous + p, g1);
                            double ratio = Math.abs(fd - median[p]) / sigma[p];
                            if (ratio < parameters.maxJumpToFlagNeighbors()
                                    && ratio > parameters.minJumpToFlagNeighbors()) {
                                toFlag[count++] = p;
                            }
                        }
                    }
                }
                for (int k = 0; k < count; k++) {
                    int p = toFlag[k];
                    int y = p / nx;
                    int x = p % nx;
                    mark(gdq, base + p);
                    if (x > 0) {
                        mark(gdq, base + p - 1);
                    }
                    if (x < nx - 1) {
                        mark(gdq, base + p + 1);
                    }
                    if (y > 0) {
                        mark(gdq, base + p - nx);
                    }
                    if (y < b.rows() - 1) {
                        mark(gdq, base + p + nx);
                    }
                }
            }
        }
    }

    /** Samples whose group DQ is tested for JUMP_DET at once before they are looked at one by one. */
    private static final int NEIGHBOUR_BLOCK = 64;

    private static void mark(byte[] gdq, int at) {
        if ((gdq[at] & UNUSABLE) == 0) {
            gdq[at] = (byte) (gdq[at] | JUMP);
        }
    }

    /**
     * calc_med_first_diffs on values[0 .. n): with 4 or more usable values, every value equal to the
     * largest is dropped before the median; 3 give their median; 2 their minimum; fewer NaN.
     */
    static double clippedMedian(double[] values, int n, double[] scratch) {
        int usable = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double v = values[k];
            if (!Double.isNaN(v)) {
                usable++;
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        if (usable < 2) {
            return Double.NaN;
        }
        if (usable == 2) {
            return min;
        }
        int k = 0;
        for (int j = 0; j < n; j++) {
            double v = values[j];
            if (!Double.isNaN(v) && (usable == 3 || v != max)) {
                scratch[k++] = v;
            }
        }
        return Medians.median(scratch, k);
    }
}
