package org.tsoinspector.calib;

import java.io.IOException;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.RampRows;

/**
 * The jump step on one segment (ramp.md section 3): its statistics span every integration, so it works
 * through the segment in bands of rows across all integrations, each read once (twice in the rare case
 * the sigma clip leaves a whole frame flagged), and keeps only the flags.
 */
public final class JumpPass {

    /** Bytes of samples and flags one band may hold (with its halo rows). */
    static final long BAND_BYTES = 48L << 20;

    private static final int UNUSABLE = DqFlag.SATURATED.value() | DqFlag.DO_NOT_USE.value();
    private static final int BAD_GAIN = DqFlag.NO_GAIN_VALUE.value() | DqFlag.DO_NOT_USE.value();

    /**
     * What jump did to a segment.
     *
     * @param method       the path taken, or null when the step was skipped (too few groups)
     * @param pixelDq      the pixel DQ after jump (NO_GAIN_VALUE|DO_NOT_USE where the gain is bad)
     * @param primaryJumps JUMP_DET count before neighbour flagging
     * @param primeCrs     PRIMECRS: primary jumps per 1000 s per pixel
     */
    public record Result(JumpDetection.Method method, JumpFlags flags, int[] pixelDq, long primaryJumps,
            double primeCrs) {
        /** "COMPLETE", or "SKIPPED" as the reference records it (section 3: fewer than 3 groups). */
        public String status() {
            return method == null ? "SKIPPED" : "COMPLETE";
        }
    }

    private final JumpDetection.Parameters parameters;
    private final long bandBytes;

    public JumpPass(JumpDetection.Parameters parameters) {
        this(parameters, BAND_BYTES);
    }

    /** With another band size: tests use small bands to check that bands change nothing. */
    JumpPass(JumpDetection.Parameters parameters, long bandBytes) {
        this.parameters = parameters;
        this.bandBytes = bandBytes;
    }

    /**
     * @param pixelDqIn      the pixel DQ after dark_current
     * @param gain           e-/DN per pixel, cut to the window
     * @param readNoise      DN per pixel (a two-read difference), cut to the window
     * @param wholeFrameDnu  per (integration, group): DO_NOT_USE in every pixel of the frame
     */
    public Result run(RampRows rows, int[] pixelDqIn, float[] gain, float[] readNoise, boolean[] wholeFrameDnu,
            int nFrames, double groupTime, ProgressMonitor monitor) throws IOException, CancelledException {
        int nInts = rows.nInts();
        int nGroups = rows.nGroups();
        int ny = rows.ny();
        int nx = rows.nx();
        int n = ny * nx;
        int[] pixelDq = pixelDqIn.clone();
        for (int p = 0; p < n; p++) {
            if (gain[p] <= 0f || Float.isNaN(gain[p])) {
                pixelDq[p] |= BAD_GAIN;
            }
        }
        JumpFlags flags = new JumpFlags(nInts, nGroups, n);
        int maxUnusable = 0;
        int unusablePlanes = 0;
        for (int i = 0; i < nInts; i++) {
            int count = 0;
            for (int g = 0; g < nGroups; g++) {
                if (wholeFrameDnu[i * nGroups + g]) {
                    count++;
                }
            }
            maxUnusable = Math.max(maxUnusable, count);
            unusablePlanes += count;
        }
        JumpDetection.Method method = nGroups <= 2 ? null
                : JumpDetection.method(parameters, nInts, nGroups, maxUnusable);
        if (method == null) {
            copyExisting(rows, flags, monitor);
            return new Result(null, flags, pixelDqIn.clone(), 0, 0);
        }
        float[] rn = new float[n];
        for (int p = 0; p < n; p++) {
            rn[p] = readNoise[p] * gain[p]; // float32, as numpy multiplies the two float32 arrays
        }
        JumpDetection detection = new JumpDetection(parameters, method, nFrames);
        Sweep first = sweep(rows, detection, gain, rn, flags, null, monitor);
        if (method == JumpDetection.Method.SIGMA_CLIP) {
            boolean[] clear = new boolean[nInts * nGroups];
            boolean any = false;
            for (int k = 0; k < clear.length; k++) {
                clear[k] = first.usablePixels[k] == 0;
                any |= clear[k];
            }
            if (any) {
                first = sweep(rows, detection, gain, rn, flags, clear, monitor);
            }
        }
        long usedDifferences = (long) nInts * nGroups - nInts - unusablePlanes;
        double primeCrs = usedDifferences <= 0 ? 0
                : 1000.0 * first.primary / (groupTime * usedDifferences * n);
        return new Result(method, flags, pixelDq, first.primary, primeCrs);
    }

    private record Sweep(long primary, long[] usablePixels) {
    }

    private Sweep sweep(RampRows rows, JumpDetection detection, float[] gain, float[] rn, JumpFlags flags,
            boolean[] clear, ProgressMonitor monitor) throws IOException, CancelledException {
        int nInts = rows.nInts();
        int nGroups = rows.nGroups();
        int ny = rows.ny();
        int nx = rows.nx();
        int bandRows = (int) Math.max(1, Math.min(ny, bandBytes / (5L * nInts * nGroups * nx) - 2));
        long primary = 0;
        long[] usable = new long[nInts * nGroups];
        for (int y0 = 0; y0 < ny; y0 += bandRows) {
            monitor.checkCancelled();
            int y1 = Math.min(ny, y0 + bandRows);
            int h0 = Math.max(0, y0 - 1);
            int h1 = Math.min(ny, y1 + 1);
            int bandPixels = (h1 - h0) * nx;
            int perInt = nGroups * bandPixels;
            float[] e = new float[nInts * perInt];
            byte[] gdq = new byte[nInts * perInt];
            for (int i = 0; i < nInts; i++) {
                rows.read(i, h0, h1, e, gdq, i * perInt);
            }
            int first = h0 * nx;
            java.util.stream.IntStream.range(0, nInts * nGroups).parallel().forEach(plane -> {
                int base = plane * bandPixels;
                for (int p = 0; p < bandPixels; p++) {
                    int k = base + p;
                    e[k] = (gdq[k] & UNUSABLE) != 0 ? Float.NaN : e[k] * gain[first + p];
                }
            });
            float[] bandRn = java.util.Arrays.copyOfRange(rn, first, first + bandPixels);
            JumpDetection.Band band = new JumpDetection.Band(nInts, nGroups, h1 - h0, nx, e, gdq, bandRn);
            JumpDetection.Found found = detection.detect(band, y0 - h0, y1 - h0, clear);
            primary += found.primaryJumps();
            for (int k = 0; k < usable.length; k++) {
                usable[k] += found.planesWithUsablePixels()[k];
            }
            int keptFrom = (y0 - h0) * nx;
            int keptTo = (y1 - h0) * nx;
            for (int i = 0; i < nInts; i++) {
                for (int g = 0; g < nGroups; g++) {
                    int base = (i * nGroups + g) * bandPixels;
                    for (int p = keptFrom; p < keptTo; p++) {
                        flags.set(i, g, first + p, (gdq[base + p] & DqFlag.JUMP_DET.value()) != 0);
                    }
                }
            }
            monitor.progress(y1, ny, "jump: rows " + (y1) + " of " + ny);
        }
        return new Sweep(primary, usable);
    }

    /** A skipped step keeps the flags it was given (a JUMP_DET already there stays). */
    private static void copyExisting(RampRows rows, JumpFlags flags, ProgressMonitor monitor)
            throws IOException, CancelledException {
        int n = rows.ny() * rows.nx();
        float[] data = new float[rows.nGroups() * n];
        byte[] gdq = new byte[rows.nGroups() * n];
        for (int i = 0; i < rows.nInts(); i++) {
            monitor.checkCancelled();
            rows.read(i, 0, rows.ny(), data, gdq, 0);
            for (int g = 0; g < rows.nGroups(); g++) {
                for (int p = 0; p < n; p++) {
                    flags.set(i, g, p, (gdq[g * n + p] & DqFlag.JUMP_DET.value()) != 0);
                }
            }
        }
    }
}
