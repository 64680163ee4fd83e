package org.tsoinspector.model;

/**
 * How the DMS (science) orientation maps onto the detector's readout frame, from the FASTAXIS and
 * SLOWAXIS keywords (reference pipeline: reffile_utils.science_detector_frame_transform).
 * Coordinates are full-frame, 0-based, on an n x n frame.
 */
public record DetectorOrientation(int fastAxis, int slowAxis) {

    public DetectorOrientation {
        if (Math.abs(fastAxis) < 1 || Math.abs(fastAxis) > 2 || Math.abs(slowAxis) < 1 || Math.abs(slowAxis) > 2
                || Math.abs(fastAxis) == Math.abs(slowAxis)) {
            throw new IllegalArgumentException("FASTAXIS=" + fastAxis + ", SLOWAXIS=" + slowAxis
                    + " is not a valid pair (one of them must be +-1, the other +-2)");
        }
    }

    /** When true, detector rows are DMS columns (and vice versa). */
    public boolean transposed() {
        return Math.abs(fastAxis) != 1;
    }

    private static int flip(int sign, int i, int n) {
        return sign < 0 ? n - 1 - i : i;
    }

    /** Detector row of DMS pixel (row, col) on an n x n frame. */
    public int detectorRow(int dmsRow, int dmsCol, int n) {
        return transposed() ? flip(slowAxis, dmsCol, n) : flip(slowAxis, dmsRow, n);
    }

    /** Detector column of DMS pixel (row, col) on an n x n frame. */
    public int detectorColumn(int dmsRow, int dmsCol, int n) {
        return transposed() ? flip(fastAxis, dmsRow, n) : flip(fastAxis, dmsCol, n);
    }

    /** DMS row of detector pixel (row, col) on an n x n frame. */
    public int dmsRow(int detRow, int detCol, int n) {
        return transposed() ? flip(fastAxis, detCol, n) : flip(slowAxis, detRow, n);
    }

    /** DMS column of detector pixel (row, col) on an n x n frame. */
    public int dmsColumn(int detRow, int detCol, int n) {
        return transposed() ? flip(slowAxis, detRow, n) : flip(fastAxis, detCol, n);
    }
}
