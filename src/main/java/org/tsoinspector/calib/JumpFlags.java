package org.tsoinspector.calib;

import java.util.Arrays;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

/**
 * Where a segment's group DQ has JUMP_DET after the jump step, so that every later view of an
 * integration after jump, and the ramp fit, is immediate. Each frame (integration, group) keeps its
 * flagged pixels as a sorted list, few as jumps are (cosmic rays and their neighbours: a few in ten
 * thousand), or as a bit per pixel once the list would be the larger: at most 1/40 of the samples'
 * size, and usually a few MB where a bit per sample took 230 MB on a 1.8 GB segment.
 */
public final class JumpFlags {

    private static final int JUMP = DqFlag.JUMP_DET.value();

    private final int nGroups;
    private final int framePixels;
    /** Per frame, at integration * nGroups + group: null until a pixel of it is flagged. */
    private final Frame[] frames;

    public JumpFlags(int nInts, int nGroups, int framePixels) {
        this.nGroups = nGroups;
        this.framePixels = framePixels;
        this.frames = new Frame[nInts * nGroups];
    }

    /**
     * Sets the flags of pixels [from, to) of one frame from a group DQ plane ({@code gdq[offset + p - from]}
     * for pixel p), replacing those the range had. Bands of rows set their rows in any order, a row
     * again when a sweep repeats: callers hold the lock.
     */
    void setRow(int integration, int group, int from, int to, byte[] gdq, int offset) {
        int k = integration * nGroups + group;
        if (frames[k] == null) {
            if (!GroupFlags.any(gdq, offset, to - from, JUMP)) {
                return;
            }
            frames[k] = new Frame();
        }
        frames[k].set(from, to, gdq, offset, framePixels);
    }

    public boolean get(int integration, int group, int pixel) {
        Frame f = frames[integration * nGroups + group];
        return f != null && f.get(pixel);
    }

    /**
     * Sets the group DQ of one integration (after dark_current) to what jump left: JUMP_DET exactly where found.
     *
     * @param integration the integration's index within the segment
     */
    public void apply(Ramp ramp, int integration) {
        byte[] gdq = ramp.groupDq();
        for (int g = 0; g < nGroups; g++) {
            int base = g * framePixels;
            for (int p = 0; p < framePixels; p++) {
                gdq[base + p] = (byte) (gdq[base + p] & ~JUMP);
            }
            Frame f = frames[integration * nGroups + g];
            if (f != null) {
                f.forEach(p -> gdq[base + p] = (byte) (gdq[base + p] | JUMP));
            }
        }
    }

    /** The number of samples flagged. */
    public long count() {
        long n = 0;
        for (Frame f : frames) {
            n += f == null ? 0 : f.count();
        }
        return n;
    }

    public long sizeInBytes() {
        long n = 8L * frames.length;
        for (Frame f : frames) {
            n += f == null ? 0 : f.sizeInBytes();
        }
        return n;
    }

    /** One frame's flagged pixels: a sorted list, or a bit per pixel once that is smaller. */
    private static final class Frame {
        private int[] sorted = new int[16];
        private int size;
        /** A bit per pixel, or null while the list is kept. */
        private long[] bits;

        void set(int from, int to, byte[] gdq, int offset, int framePixels) {
            if (bits == null) {
                int lo = lowerBound(from);
                int hi = lowerBound(to);
                int added = 0;
                for (int p = 0; p < to - from; p++) {
                    added += (gdq[offset + p] & JUMP) != 0 ? 1 : 0;
                }
                int newSize = size - (hi - lo) + added;
                if ((long) newSize * 32 <= framePixels) {
                    replaceInList(lo, hi, added, newSize, from, to, gdq, offset);
                    return;
                }
                toBits(framePixels);
            }
            setBits(from, to, gdq, offset);
        }

        private void replaceInList(int lo, int hi, int added, int newSize, int from, int to, byte[] gdq, int offset) {
            int[] out = newSize <= sorted.length ? sorted : new int[Math.max(newSize, 2 * sorted.length)];
            if (out != sorted) {
                System.arraycopy(sorted, 0, out, 0, lo);
            }
            System.arraycopy(sorted, hi, out, lo + added, size - hi); // overlapping moves are safe
            int w = lo;
            for (int p = 0; p < to - from; p++) {
                if ((gdq[offset + p] & JUMP) != 0) {
                    out[w++] = from + p;
                }
            }
            sorted = out;
            size = newSize;
        }

        /** The index of the first listed pixel at or after p. */
        private int lowerBound(int p) {
            int at = Arrays.binarySearch(sorted, 0, size, p);
            return at >= 0 ? at : -at - 1;
        }

        private void toBits(int framePixels) {
            bits = new long[(framePixels + 63) >>> 6];
            for (int k = 0; k < size; k++) {
                bits[sorted[k] >>> 6] |= 1L << sorted[k];
            }
            sorted = null;
            size = 0;
        }

        private void setBits(int from, int to, byte[] gdq, int offset) {
            int firstWord = from >>> 6;
            int lastWord = (to - 1) >>> 6;
            for (int w = firstWord; w <= lastWord; w++) {
                int lo = Math.max(from, w << 6);
                int hi = Math.min(to, (w + 1) << 6);
                long mask = (hi - lo == 64 ? -1L : ((1L << (hi - lo)) - 1)) << lo;
                bits[w] &= ~mask;
            }
            for (int p = 0; p < to - from; p++) {
                if ((gdq[offset + p] & JUMP) != 0) {
                    bits[(from + p) >>> 6] |= 1L << (from + p);
                }
            }
        }

        boolean get(int p) {
            return bits != null ? (bits[p >>> 6] & (1L << p)) != 0 : Arrays.binarySearch(sorted, 0, size, p) >= 0;
        }

        interface PixelAction {
            void at(int pixel);
        }

        void forEach(PixelAction action) {
            if (bits == null) {
                for (int k = 0; k < size; k++) {
                    action.at(sorted[k]);
                }
                return;
            }
            for (int w = 0; w < bits.length; w++) {
                for (long b = bits[w]; b != 0; b &= b - 1) {
                    action.at((w << 6) + Long.numberOfTrailingZeros(b));
                }
            }
        }

        long count() {
            if (bits == null) {
                return size;
            }
            long n = 0;
            for (long w : bits) {
                n += Long.bitCount(w);
            }
            return n;
        }

        long sizeInBytes() {
            return bits != null ? 8L * bits.length : 4L * sorted.length;
        }
    }
}
