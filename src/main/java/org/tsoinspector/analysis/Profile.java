package org.tsoinspector.analysis;

/**
 * The samples of one column or row of a frame, with their NaN-ignoring median, as the notebook
 * plots them raw and median-subtracted ({@code data[0,-1,:,1500] - nanmedian(...)}).
 *
 * @param index  the 0-based column (for {@link ProfileAxis#COLUMN}) or row followed
 * @param values one value per row (column profile) or per column (row profile); owned by the record
 */
public record Profile(ProfileAxis axis, int index, double[] values, double median) {

    /** Column x of a row-major ny x nx frame. */
    public static Profile column(float[] frame, int ny, int nx, int x) {
        checkFrame(frame, ny, nx);
        if (x < 0 || x >= nx) {
            throw new IllegalArgumentException("column " + x + " is outside 0.." + (nx - 1));
        }
        double[] v = new double[ny];
        for (int y = 0; y < ny; y++) {
            v[y] = frame[y * nx + x];
        }
        return new Profile(ProfileAxis.COLUMN, x, v, Statistics.nanMedian(v));
    }

    /** Row y of a row-major ny x nx frame. */
    public static Profile row(float[] frame, int ny, int nx, int y) {
        checkFrame(frame, ny, nx);
        if (y < 0 || y >= ny) {
            throw new IllegalArgumentException("row " + y + " is outside 0.." + (ny - 1));
        }
        double[] v = new double[nx];
        for (int x = 0; x < nx; x++) {
            v[x] = frame[y * nx + x];
        }
        return new Profile(ProfileAxis.ROW, y, v, Statistics.nanMedian(v));
    }

    /** The profile of the given axis at the given index. */
    public static Profile of(ProfileAxis axis, float[] frame, int ny, int nx, int index) {
        return axis == ProfileAxis.COLUMN ? column(frame, ny, nx, index) : row(frame, ny, nx, index);
    }

    private static void checkFrame(float[] frame, int ny, int nx) {
        if (frame.length != ny * nx) {
            throw new IllegalArgumentException("frame has " + frame.length + " samples, not " + ny + " x " + nx);
        }
    }

    /** Number of samples along the profile. */
    public int length() {
        return values.length;
    }

    /** Values minus the median: the notebook's right-hand panel. */
    public double[] medianSubtracted() {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] - median;
        }
        return out;
    }
}
