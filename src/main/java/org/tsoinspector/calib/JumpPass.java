package org.tsoinspector.calib;

import java.io.IOException;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.RampRows;

/**
 * The jump step on one segment (ramp.md section 3): its statistics span every integration, so it works
 * through the segment in bands of rows across all integrations, each read once (twice in the rare case
 * the sigma clip leaves a whole frame flagged). It keeps the flags (a bit per sample) and hands each band,
 * flagged, to what follows (ramp_fit), which then needs no other read of the segment.
 */
public final class JumpPass {

    /**
     * Bytes of samples, flags and zero frame one band may hold (with its halo rows): large enough that
     * the two halo rows, detected again by the next band, stay a small part of the work (18 rows, 16 of
     * them kept, on a 1 GB SUBSTRIP256 segment); two bands in flight keep under 400 MB.
     */
    static final long BAND_BYTES = 192L << 20;

    /**
     * Bands for the window's rate model, which shares its bounded heap with the views: two in flight of
     * this size stay under a sixth of it.
     */
    public static final long VIEWING_BAND_BYTES = 48L << 20;

    private static final int BAD_GAIN = DqFlag.NO_GAIN_VALUE.value() | DqFlag.DO_NOT_USE.value();

    /**
     * What jump did to a segment.
     *
     * @param method       the path taken, or null when the step was skipped (too few groups)
     * @param flags        JUMP_DET per sample, or null when not kept
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
    public JumpPass(JumpDetection.Parameters parameters, long bandBytes) {
        this.parameters = parameters;
        this.bandBytes = bandBytes;
    }

    /**
     * @param pixelDqIn      the pixel DQ after dark_current
     * @param gain           e-/DN per pixel, cut to the window
     * @param readNoise      DN per pixel (a two-read difference), cut to the window
     * @param wholeFrameDnu  per (integration, group): DO_NOT_USE in every pixel of the frame
     * @param consumer       given every band once its flags are final (ramp_fit's), or null; when the
     *                       sigma clip has to sweep again, it is given each band again
     * @param keepFlags      whether the result keeps the flags (a bit per sample: 230 MB for a 1.8 GB
     *                       segment), for views and a jump product after the pass; else its flags are null
     */
    public Result run(RampRows rows, int[] pixelDqIn, float[] gain, float[] readNoise, boolean[] wholeFrameDnu,
            int nFrames, double groupTime, RampBand.Consumer consumer, boolean keepFlags, ProgressMonitor monitor)
            throws IOException, CancelledException {
        int nInts = rows.nInts();
        int nGroups = rows.nGroups();
        int n = rows.ny() * rows.nx();
        JumpFlags flags = keepFlags ? new JumpFlags(nInts, nGroups, n) : null;
        JumpDetection.Method method = method(rows, wholeFrameDnu);
        String what = consumer == null ? "jump" : "jump and ramp_fit";
        if (method == null) {
            RampBand.sweep(rows, 0, bandBytes, band -> {
                keep(band, flags);
                if (consumer != null) {
                    consumer.accept(band);
                }
            }, monitor, what);
            return new Result(null, flags, pixelDqIn.clone(), 0, 0);
        }
        float[] rn = new float[n];
        for (int p = 0; p < n; p++) {
            rn[p] = readNoise[p] * gain[p]; // float32, as numpy multiplies the two float32 arrays
        }
        JumpDetection detection = new JumpDetection(parameters, method, nFrames);
        Sweep first = sweep(rows, detection, gain, rn, flags, null, consumer, monitor, what);
        if (method == JumpDetection.Method.SIGMA_CLIP) {
            boolean[] clear = new boolean[nInts * nGroups];
            boolean any = false;
            for (int k = 0; k < clear.length; k++) {
                clear[k] = first.usablePixels[k] == 0;
                any |= clear[k];
            }
            if (any) {
                first = sweep(rows, detection, gain, rn, flags, clear, consumer, monitor, what);
            }
        }
        int unusablePlanes = 0;
        for (boolean unusable : wholeFrameDnu) {
            unusablePlanes += unusable ? 1 : 0;
        }
        long usedDifferences = (long) nInts * nGroups - nInts - unusablePlanes;
        double primeCrs = usedDifferences <= 0 ? 0
                : 1000.0 * first.primary / (groupTime * usedDifferences * n);
        return new Result(method, flags, pixelDqAfter(pixelDqIn, gain), first.primary, primeCrs);
    }

    /**
     * The path jump takes on this segment, or null when it skips detection (fewer than 3 groups, or too
     * few usable groups in an integration): ramp.md section 3.
     */
    public JumpDetection.Method method(RampRows rows, boolean[] wholeFrameDnu) {
        int nGroups = rows.nGroups();
        int maxUnusable = 0;
        for (int i = 0; i < rows.nInts(); i++) {
            int count = 0;
            for (int g = 0; g < nGroups; g++) {
                if (wholeFrameDnu[i * nGroups + g]) {
                    count++;
                }
            }
            maxUnusable = Math.max(maxUnusable, count);
        }
        return nGroups <= 2 ? null : JumpDetection.method(parameters, rows.nInts(), nGroups, maxUnusable);
    }

    /** The pixel DQ after a jump that ran: NO_GAIN_VALUE|DO_NOT_USE added where the gain is bad. */
    public static int[] pixelDqAfter(int[] pixelDqIn, float[] gain) {
        int[] pixelDq = pixelDqIn.clone();
        for (int p = 0; p < pixelDq.length; p++) {
            if (gain[p] <= 0f || Float.isNaN(gain[p])) {
                pixelDq[p] |= BAD_GAIN;
            }
        }
        return pixelDq;
    }

    long bandBytes() {
        return bandBytes;
    }

    private static final class Sweep {
        long primary;
        final long[] usablePixels;

        Sweep(int planes) {
            usablePixels = new long[planes];
        }
    }

    private Sweep sweep(RampRows rows, JumpDetection detection, float[] gain, float[] rn, JumpFlags flags,
            boolean[] clear, RampBand.Consumer consumer, ProgressMonitor monitor, String what)
            throws IOException, CancelledException {
        Sweep sweep = new Sweep(rows.nInts() * rows.nGroups());
        RampBand.sweep(rows, 1, bandBytes, band -> {
            JumpDetection.Found found = detection.detect(band, gain, rn, clear);
            synchronized (sweep) {
                sweep.primary += found.primaryJumps();
                for (int k = 0; k < sweep.usablePixels.length; k++) {
                    sweep.usablePixels[k] += found.planesWithUsablePixels()[k];
                }
            }
            keep(band, flags);
            if (consumer != null) {
                consumer.accept(band);
            }
        }, monitor, what);
        return sweep;
    }

    /**
     * Records the JUMP_DET flags of the band's own rows, when kept (a skipped step keeps those it was given). Bands
     * end on row boundaries, which need not be word boundaries of the bits: one band at a time.
     */
    private static void keep(RampBand band, JumpFlags flags) {
        if (flags == null) { // not kept
            return;
        }
        int n = band.pixels();
        int from = band.keptFrom() * band.nx();
        int to = band.keptTo() * band.nx();
        synchronized (flags) {
            for (int i = 0; i < band.nInts(); i++) {
                for (int g = 0; g < band.nGroups(); g++) {
                    flags.setRow(i, g, band.origin() + from, band.origin() + to, band.groupDq()[i],
                            band.at(g, from));
                }
            }
        }
    }
}
