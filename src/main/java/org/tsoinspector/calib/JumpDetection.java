package org.tsoinspector.calib;

import org.tsoinspector.model.DqFlag;

/**
 * jump's two-point-difference detection (ramp.md section 3) on a band of whole rows across every
 * integration of a segment. Detection is per pixel (all paths look only at the pixel's own differences);
 * neighbour flagging needs the rows above and below, so a band carries one halo row on each side that
 * is detected but whose flags the caller does not keep.
 *
 * <p>Samples are in electrons as float32 ({@code data * gain}), NaN where the group is SATURATED or
 * DO_NOT_USE; group DQ is updated in place.
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

    /**
     * Samples and group DQ of rows [0, rows) for every integration: index {@code ((i * nGroups + g) * rows + y) * nx + x}.
     *
     * @param readNoise per pixel of the band, {@code float32(readnoise * gain)} in electrons
     */
    public record Band(int nInts, int nGroups, int rows, int nx, float[] electrons, byte[] groupDq, float[] readNoise) {
        int pixels() {
            return rows * nx;
        }

        int at(int i, int g, int p) {
            return (i * nGroups + g) * rows * nx + p;
        }
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
     * @param keptFrom,keptTo        the rows the caller keeps (the others are halo)
     * @param clearJumpOnlyPlanes    for the sigma-clip path: per (integration, group), whether the whole
     *                               frame was found JUMP_DET or DO_NOT_USE, where the reference then clears
     *                               the pixels flagged JUMP_DET alone before neighbour flagging; null at first
     * @return the JUMP_DET count after detection (before neighbours) over the kept rows, and per
     *         (integration, group) the kept pixels with neither JUMP_DET nor DO_NOT_USE after detection
     */
    public Found detect(Band b, int keptFrom, int keptTo, boolean[] clearJumpOnlyPlanes) {
        int n = b.pixels();
        int diffs = b.nInts() * (b.nGroups() - 1);
        double[] median = new double[n];
        double[] sigma = new double[n];
        // pixels are independent until neighbour flagging: chunks of them on every core
        int chunk = Math.max(b.nx(), 4096);
        java.util.stream.IntStream.range(0, (n + chunk - 1) / chunk).parallel().forEach(c -> {
            double[] fd = new double[diffs];
            double[] scratch = new double[diffs];
            for (int p = c * chunk; p < Math.min(n, (c + 1) * chunk); p++) {
                firstDifferences(b, p, fd);
                double rn2 = readNoiseSquared(b, p);
                median[p] = nanMedian(fd, scratch);
                sigma[p] = sigma(median[p], rn2);
                switch (method) {
                    case ITERATIVE -> iterative(b, p, fd, scratch, rn2);
                    case SINGLE_PASS -> singlePass(b, p, fd, median[p], sigma[p]);
                    case SIGMA_CLIP -> sigmaClip(b, p, fd, scratch);
                }
            }
        });
        int keptPixelsFrom = keptFrom * b.nx();
        int keptPixelsTo = keptTo * b.nx();
        if (method == Method.SIGMA_CLIP && clearJumpOnlyPlanes != null) {
            for (int plane = 0; plane < clearJumpOnlyPlanes.length; plane++) {
                if (clearJumpOnlyPlanes[plane]) {
                    int base = plane * n;
                    for (int p = 0; p < n; p++) {
                        if ((b.groupDq()[base + p] & 0xFF) == JUMP) {
                            b.groupDq()[base + p] = 0;
                        }
                    }
                }
            }
        }
        int primary = 0;
        long[] usable = new long[b.nInts() * b.nGroups()];
        for (int plane = 0; plane < usable.length; plane++) {
            int base = plane * n;
            for (int p = keptPixelsFrom; p < keptPixelsTo; p++) {
                int dq = b.groupDq()[base + p];
                if ((dq & JUMP) != 0) {
                    primary++;
                }
                if ((dq & (JUMP | DqFlag.DO_NOT_USE.value())) == 0) {
                    usable[plane]++;
                }
            }
        }
        if (parameters.flagFourNeighbors()) {
            flagNeighbors(b, median, sigma);
        }
        byte[] gdq = b.groupDq();
        for (int k = 0; k < gdq.length; k++) {
            int dq = gdq[k];
            if ((dq & JUMP) != 0 && (dq & UNUSABLE) != 0) {
                gdq[k] = (byte) (dq & ~JUMP);
            }
        }
        return new Found(primary, usable);
    }

    /** fd[i * (G-1) + d] = e[i][d+1] - e[i][d], the difference in float32 as numpy does it, then double. */
    private static void firstDifferences(Band b, int p, double[] fd) {
        int d = 0;
        for (int i = 0; i < b.nInts(); i++) {
            float previous = b.electrons()[b.at(i, 0, p)];
            for (int g = 1; g < b.nGroups(); g++) {
                float current = b.electrons()[b.at(i, g, p)];
                fd[d++] = current - previous;
                previous = current;
            }
        }
    }

    /** rn² in float32 (numpy squares the float32 read noise), over half the reads of a group difference. */
    private double readNoiseSquared(Band b, int p) {
        float rn = b.readNoise()[p];
        float rn2 = rn * rn;
        return rn2 / (0.5 * 2 * nFrames);
    }

    private static double sigma(double median, double rn2) {
        double s = Math.sqrt(Math.abs(median) + rn2);
        return s == 0 ? Double.NaN : s;
    }

    /** Path A: flag the largest outlier of the pixel's whole exposure, re-measure, repeat. */
    private void iterative(Band b, int p, double[] fd, double[] scratch, double rn2) {
        int nd = b.nGroups() - 1;
        double[] abs = new double[fd.length];
        for (int k = 0; k < fd.length; k++) {
            abs[k] = Math.abs(fd[k]);
        }
        double[] ratio = new double[fd.length];
        boolean[] candidate = new boolean[b.nInts()];
        for (int pass = 0; pass < fd.length; pass++) {
            double m = clippedMedian(abs, scratch);
            if (pass > 0) {
                m = (float) m; // later passes store the re-measured median in a float32 array
            }
            double s = sigma(m, rn2);
            int usable = 0;
            for (double a : abs) {
                if (!Double.isNaN(a)) {
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
                return;
            }
            for (int i = 0; i < b.nInts(); i++) {
                if (!candidate[i]) {
                    continue;
                }
                for (int d = 0; d < nd; d++) {
                    int k = i * nd + d;
                    if (ratio[k] == largest) {
                        int at = b.at(i, d + 1, p);
                        b.groupDq()[at] = (byte) (b.groupDq()[at] | JUMP);
                        abs[k] = Double.NaN;
                    }
                }
            }
        }
    }

    /** Path B: every difference further than the threshold from the pixel's median. */
    private void singlePass(Band b, int p, double[] fd, double median, double sigma) {
        int nd = b.nGroups() - 1;
        for (int k = 0; k < fd.length; k++) {
            if (Double.isFinite(fd[k]) && Math.abs(fd[k] - median) / sigma > parameters.rejectionThreshold()) {
                int at = b.at(k / nd, k % nd + 1, p);
                b.groupDq()[at] = (byte) (b.groupDq()[at] | JUMP);
            }
        }
    }

    /** Path C: astropy's sigma_clip(sigma=4, maxiters=5) of each difference across the integrations. */
    private void sigmaClip(Band b, int p, double[] fd, double[] scratch) {
        int nd = b.nGroups() - 1;
        int nInts = b.nInts();
        double[] values = new double[nInts];
        double threshold = parameters.rejectionThreshold();
        for (int d = 0; d < nd; d++) {
            for (int i = 0; i < nInts; i++) {
                values[i] = fd[i * nd + d];
            }
            for (int iteration = 0; iteration < 5; iteration++) {
                double mean = 0;
                int count = 0;
                for (double v : values) {
                    if (!Double.isNaN(v)) {
                        mean += v;
                        count++;
                    }
                }
                if (count == 0) {
                    break;
                }
                mean /= count;
                double squares = 0;
                for (double v : values) {
                    if (!Double.isNaN(v)) {
                        squares += (v - mean) * (v - mean);
                    }
                }
                double std = Math.sqrt(squares / count);
                double median = nanMedian(values, scratch);
                double low = median - threshold * std;
                double high = median + threshold * std;
                int removed = 0;
                for (int i = 0; i < nInts; i++) {
                    if (values[i] < low || values[i] > high) {
                        values[i] = Double.NaN;
                        removed++;
                    }
                }
                if (removed == 0) {
                    break;
                }
            }
            for (int i = 0; i < nInts; i++) {
                double v = fd[i * nd + d];
                int at = b.at(i, d + 1, p);
                if (Double.isNaN(values[i]) && Double.isFinite(v) && (b.groupDq()[at] & UNUSABLE) == 0) {
                    b.groupDq()[at] = (byte) (b.groupDq()[at] | JUMP);
                }
            }
        }
    }

    /**
     * A jump between 10 and 1000 sigma gives JUMP_DET to the four neighbours in the same group, unless
     * SATURATED or DO_NOT_USE there; each group's flags are decided from the detection's flags alone.
     */
    private void flagNeighbors(Band b, double[] median, double[] sigma) {
        int n = b.pixels();
        int nx = b.nx();
        byte[] gdq = b.groupDq();
        boolean[] flag = new boolean[n];
        for (int i = 0; i < b.nInts(); i++) {
            for (int g = 1; g < b.nGroups(); g++) {
                int base = b.at(i, g, 0);
                int previous = b.at(i, g - 1, 0);
                boolean any = false;
                for (int p = 0; p < n; p++) {
                    flag[p] = false;
                    if ((gdq[base + p] & JUMP) != 0) {
                        double fd = b.electrons()[base + p] - b.electrons()[previous + p];
                        double ratio = Math.abs(fd - median[p]) / sigma[p];
                        flag[p] = ratio < parameters.maxJumpToFlagNeighbors()
                                && ratio > parameters.minJumpToFlagNeighbors();
                        any |= flag[p];
                    }
                }
                if (!any) {
                    continue;
                }
                for (int p = 0; p < n; p++) {
                    if (!flag[p]) {
                        continue;
                    }
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

    private static void mark(byte[] gdq, int at) {
        if ((gdq[at] & UNUSABLE) == 0) {
            gdq[at] = (byte) (gdq[at] | JUMP);
        }
    }

    /**
     * calc_med_first_diffs: with 4 or more usable values, every value equal to the largest is dropped
     * before the median; 3 give their median; 2 their minimum; fewer NaN.
     */
    static double clippedMedian(double[] values, double[] scratch) {
        int usable = 0;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : values) {
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
        if (usable == 3) {
            return nanMedian(values, scratch);
        }
        int k = 0;
        for (double v : values) {
            if (!Double.isNaN(v) && v != max) {
                scratch[k++] = v;
            }
        }
        return Medians.median(scratch, k);
    }

    /** numpy's nanmedian: the mean of the two middle values for an even count, NaN when all are NaN. */
    static double nanMedian(double[] values, double[] scratch) {
        int k = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                scratch[k++] = v;
            }
        }
        return Medians.median(scratch, k);
    }

}
