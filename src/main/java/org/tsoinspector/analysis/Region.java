package org.tsoinspector.analysis;

import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

/** A rectangle of a frame, 0-based and half-open: rows y0..y1-1, columns x0..x1-1. */
public record Region(int y0, int y1, int x0, int x1) {

    /** Rows of the default light-curve band: about the width of the SOSS order-1 trace. */
    public static final int DEFAULT_TRACE_ROWS = 30;

    /** Pixel DQ that keeps a pixel out of sums: no light (reference) or unusable. */
    static final int NOT_SCIENCE = DqFlag.REFERENCE_PIXEL.value() | DqFlag.DO_NOT_USE.value();

    public Region {
        if (y0 < 0 || x0 < 0 || y1 <= y0 || x1 <= x0) {
            throw new IllegalArgumentException("empty or negative region rows " + y0 + ".." + y1
                    + ", columns " + x0 + ".." + x1);
        }
    }

    /** The whole frame. */
    public static Region whole(int ny, int nx) {
        return new Region(0, ny, 0, nx);
    }

    /** Throws when the region does not lie inside an ny x nx frame. */
    public void checkInside(int ny, int nx) {
        if (y1 > ny || x1 > nx) {
            throw new IllegalArgumentException("region " + this + " is outside the " + nx + " x " + ny + " frame");
        }
    }

    public int height() {
        return y1 - y0;
    }

    public int width() {
        return x1 - x0;
    }

    /**
     * The band of {@code rows} full-width rows with the most signal (last minus first group of the
     * ramp, summed over science pixels): where the spectral trace lies.
     */
    public static Region brightestRows(Ramp ramp, int[] pixelDq, int rows) {
        int ny = ramp.ny();
        int nx = ramp.nx();
        int band = Math.min(rows, ny);
        int n = ramp.framePixels();
        int last = (ramp.nGroups() - 1) * n;
        float[] d = ramp.data();
        double[] rowSum = new double[ny];
        for (int y = 0; y < ny; y++) {
            double s = 0;
            for (int i = y * nx, end = i + nx; i < end; i++) {
                double v = (double) d[last + i] - d[i];
                if ((pixelDq[i] & NOT_SCIENCE) == 0 && Double.isFinite(v)) {
                    s += v;
                }
            }
            rowSum[y] = s;
        }
        double window = 0;
        for (int y = 0; y < band; y++) {
            window += rowSum[y];
        }
        double best = window;
        int bestStart = 0;
        for (int y = band; y < ny; y++) {
            window += rowSum[y] - rowSum[y - band];
            if (window > best) {
                best = window;
                bestStart = y - band + 1;
            }
        }
        return new Region(bestStart, bestStart + band, 0, nx);
    }

    @Override
    public String toString() {
        return "rows " + y0 + "-" + (y1 - 1) + ", columns " + x0 + "-" + (x1 - 1);
    }
}
