package org.tsoinspector.model;

import java.io.IOException;

/**
 * A segment's ramps at one calibration stage, read by bands of rows across integrations: what jump needs
 * (every integration of a pixel at once) without the whole segment in memory.
 */
public interface RampRows {

    int nInts();

    int nGroups();

    int ny();

    int nx();

    /**
     * Reads rows [y0, y1) of every group of integration i: {@code data[off + (g * (y1 - y0) + y) * nx + x]},
     * group DQ likewise.
     */
    void read(int i, int y0, int y1, float[] data, byte[] groupDq, int off) throws IOException;

    /** Whether the ramps carry a ZEROFRAME (ramp_fit reads it where no group is usable). */
    boolean hasZeroFrame();

    /** Reads rows [y0, y1) of integration i's zero frame: {@code zeroFrame[off + y * nx + x]}. */
    void readZeroFrame(int i, int y0, int y1, float[] zeroFrame, int off) throws IOException;
}
