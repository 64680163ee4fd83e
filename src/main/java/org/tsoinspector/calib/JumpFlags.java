package org.tsoinspector.calib;

import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

/**
 * Where a segment's group DQ has JUMP_DET after the jump step: one bit per sample (1/40 of the samples'
 * size), so that every later view of an integration after jump, and the ramp fit, is immediate.
 */
public final class JumpFlags {

    private static final int JUMP = DqFlag.JUMP_DET.value();

    private final int nGroups;
    private final int framePixels;
    private final long[] bits;

    public JumpFlags(int nInts, int nGroups, int framePixels) {
        this.nGroups = nGroups;
        this.framePixels = framePixels;
        long samples = (long) nInts * nGroups * framePixels;
        this.bits = new long[(int) ((samples + 63) >>> 6)];
    }

    private long index(int integration, int group, int pixel) {
        return ((long) integration * nGroups + group) * framePixels + pixel;
    }

    /**
     * Sets the flags of pixels [from, to) of one frame from a group DQ plane ({@code gdq[offset + p - from]}
     * for pixel p): a word cleared at a time, then a bit set per JUMP_DET, which few samples have. The
     * words at the ends may be shared with the rows of another band: callers hold the lock.
     */
    void setRow(int integration, int group, int from, int to, byte[] gdq, int offset) {
        long first = index(integration, group, from);
        long end = first + (to - from);
        int firstWord = (int) (first >>> 6);
        int lastWord = (int) ((end - 1) >>> 6);
        for (int w = firstWord; w <= lastWord; w++) {
            long lo = Math.max(first, (long) w << 6);
            long hi = Math.min(end, ((long) w + 1) << 6);
            long mask = (hi - lo == 64 ? -1L : ((1L << (hi - lo)) - 1)) << (lo & 63);
            bits[w] &= ~mask;
        }
        for (int p = 0; p < to - from; p++) {
            if ((gdq[offset + p] & JUMP) != 0) {
                long k = first + p;
                bits[(int) (k >>> 6)] |= 1L << (k & 63);
            }
        }
    }

    public boolean get(int integration, int group, int pixel) {
        long k = index(integration, group, pixel);
        return (bits[(int) (k >>> 6)] & (1L << (k & 63))) != 0;
    }

    /**
     * Sets the group DQ of one integration (after dark_current) to what jump left: JUMP_DET exactly where found.
     *
     * @param integration the integration's index within the segment
     */
    public void apply(Ramp ramp, int integration) {
        byte[] gdq = ramp.groupDq();
        for (int g = 0; g < nGroups; g++) {
            for (int p = 0; p < framePixels; p++) {
                int k = g * framePixels + p;
                int dq = gdq[k] & ~JUMP;
                gdq[k] = (byte) (get(integration, g, p) ? dq | JUMP : dq);
            }
        }
    }

    /** The number of samples flagged. */
    public long count() {
        long n = 0;
        for (long w : bits) {
            n += Long.bitCount(w);
        }
        return n;
    }

    public long sizeInBytes() {
        return 8L * bits.length;
    }
}
