package org.tsoinspector.calib;

import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.SubarrayWindow;

/**
 * An exposure's window placed on the 2048 x 2048 detector in the readout (detector) frame, where the
 * amplifiers split the columns and the reference pixels are the outer 4 rows and columns. Along one DMS
 * axis only the detector column changes, along the other only the detector row, so per-column and
 * per-row corrections become per-DMS-row and per-DMS-column vectors.
 */
final class DetectorWindow {

    static final int SIZE = SubarrayWindow.DETECTOR_SIZE;

    private final SubarrayWindow window;
    private final DetectorOrientation orientation;

    DetectorWindow(SubarrayWindow window, DetectorOrientation orientation) {
        this.window = window;
        this.orientation = orientation;
    }

    int ny() {
        return window.ySize();
    }

    int nx() {
        return window.xSize();
    }

    /** True when detector columns run along DMS rows (NIRISS): the detector column depends on y only. */
    boolean columnFollowsY() {
        return orientation.transposed();
    }

    int detectorRow(int y, int x) {
        return orientation.detectorRow(window.y0() + y, window.x0() + x, SIZE);
    }

    int detectorColumn(int y, int x) {
        return orientation.detectorColumn(window.y0() + y, window.x0() + x, SIZE);
    }

    /** Index in the window's row-major plane of detector pixel (row, column), or -1 outside the window. */
    int planeIndex(int row, int column) {
        int y = orientation.dmsRow(row, column, SIZE) - window.y0();
        int x = orientation.dmsColumn(row, column, SIZE) - window.x0();
        return y >= 0 && y < window.ySize() && x >= 0 && x < window.xSize() ? y * window.xSize() + x : -1;
    }

    /**
     * Turns per-detector-column and per-detector-row corrections into per-DMS-row (yTerm) and
     * per-DMS-column (xTerm) ones for {@link #subtract}.
     */
    void terms(double[] byColumn, double[] byRow, double[] yTerm, double[] xTerm) {
        boolean colY = columnFollowsY();
        for (int y = 0; y < ny(); y++) {
            yTerm[y] = colY ? byColumn[detectorColumn(y, 0)] : byRow[detectorRow(y, 0)];
        }
        for (int x = 0; x < nx(); x++) {
            xTerm[x] = colY ? byRow[detectorRow(0, x)] : byColumn[detectorColumn(0, x)];
        }
    }

    /**
     * Subtracts {@code yTerm[y] + xTerm[x]} from every pixel of rows [y0, y1) of a frame, in double,
     * storing float (the reference's float64 side correction cast back to float32).
     */
    void subtract(float[] frame, int y0, int y1, double[] yTerm, double[] xTerm) {
        int nx = nx();
        for (int y = y0; y < y1; y++) {
            double t = yTerm[y];
            int base = y * nx;
            for (int x = 0; x < nx; x++) {
                frame[base + x] = (float) ((double) frame[base + x] - t - xTerm[x]);
            }
        }
    }
}
