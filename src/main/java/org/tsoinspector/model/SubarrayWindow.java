package org.tsoinspector.model;

/**
 * Where an array sits on the 2048 x 2048 detector, in DMS orientation: 1-based first column and row
 * (FITS SUBSTRT1, SUBSTRT2) and size in columns and rows (SUBSIZE1, SUBSIZE2).
 */
public record SubarrayWindow(int xStart, int yStart, int xSize, int ySize) {

    public static final int DETECTOR_SIZE = 2048;
    public static final SubarrayWindow FULL_FRAME = new SubarrayWindow(1, 1, DETECTOR_SIZE, DETECTOR_SIZE);

    public SubarrayWindow {
        if (xSize < 0 || ySize < 0) {
            throw new IllegalArgumentException("negative subarray size " + xSize + " x " + ySize);
        }
    }

    /** 0-based first column on the full frame. */
    public int x0() {
        return xStart - 1;
    }

    /** 0-based first row on the full frame. */
    public int y0() {
        return yStart - 1;
    }

    public int pixelCount() {
        return xSize * ySize;
    }

    /** The reference pipeline's is_subarray for NIR detectors: smaller than 2048 in either axis. */
    public boolean isSubarray() {
        return xSize < DETECTOR_SIZE || ySize < DETECTOR_SIZE;
    }

    /** True when this window lies inside the 2048 x 2048 detector. */
    public boolean fitsOnDetector() {
        return xStart >= 1 && yStart >= 1
                && x0() + xSize <= DETECTOR_SIZE && y0() + ySize <= DETECTOR_SIZE;
    }

    /** True when every pixel of {@code inner} is also in this window. */
    public boolean covers(SubarrayWindow inner) {
        return inner.xStart >= xStart && inner.yStart >= yStart
                && inner.x0() + inner.xSize <= x0() + xSize
                && inner.y0() + inner.ySize <= y0() + ySize;
    }

    @Override
    public String toString() {
        return "x " + xStart + ".." + (xStart + xSize - 1) + ", y " + yStart + ".." + (yStart + ySize - 1)
                + " (" + xSize + " x " + ySize + ")";
    }
}
