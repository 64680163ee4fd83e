package org.tsoinspector.calib;

/**
 * Grows one flag bit of a DQ plane by a (2n+1) x (2n+1) square, like scipy's binary_dilation with a
 * full box (pixels beyond the edges are ignored). Works row by row on the rows that hold the flag, so a
 * plane with a few saturated pixels costs little. Its scratch space is the thread's
 * {@link WorkArrays#grownRows}: one instance at a time per thread.
 */
final class SquareDilation {

    private final int ny;
    private final int nx;
    private final int n;
    private final byte[] grownRows;
    private final boolean[] rowHas;

    SquareDilation(int ny, int nx, int n) {
        this.ny = ny;
        this.nx = nx;
        this.n = n;
        this.grownRows = WorkArrays.grownRows(ny * nx);
        this.rowHas = new boolean[ny];
    }

    /** Marks the rows that hold {@code bit} in the source plane; call before {@link #grow}. */
    void findRows(byte[] src, int srcOffset, int bit) {
        for (int y = 0; y < ny; y++) {
            rowHas[y] = GroupFlags.any(src, srcOffset + y * nx, nx, bit);
        }
    }

    /**
     * ORs {@code dstBit} into every destination pixel within n (in x and y) of a source pixel that has
     * {@code srcBit}, for the rows {@link #findRows} marked. Source and destination may be the same
     * plane: the grown rows are computed before anything is written.
     */
    void grow(byte[] src, int srcOffset, int srcBit, byte[] dst, int dstOffset, int dstBit) {
        for (int y = 0; y < ny; y++) {
            if (rowHas[y]) {
                growRow(src, srcOffset + y * nx, srcBit, y * nx, (byte) dstBit);
            }
        }
        for (int y = 0; y < ny; y++) {
            if (!rowHas[y]) {
                continue;
            }
            int from = y * nx;
            for (int yy = Math.max(0, y - n); yy <= Math.min(ny - 1, y + n); yy++) {
                int to = dstOffset + yy * nx;
                for (int x = 0; x < nx; x++) {
                    dst[to + x] |= grownRows[from + x];
                }
            }
        }
    }

    private void growRow(byte[] src, int base, int srcBit, int out, byte value) {
        java.util.Arrays.fill(grownRows, out, out + nx, (byte) 0);
        for (int x = 0; x < nx; x++) {
            if ((src[base + x] & srcBit) != 0) {
                java.util.Arrays.fill(grownRows, out + Math.max(0, x - n), out + Math.min(nx, x + n + 1), value);
            }
        }
    }
}
