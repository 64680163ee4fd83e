package org.tsoinspector.model;

import java.util.Arrays;

/**
 * One integration of a ramp in memory: samples (float, DMS orientation), group DQ and the optional
 * zero frame. Index of group g, row y, column x is {@code (g * ny + y) * nx + x}. The arrays are owned
 * by this object; steps modify them in place, so copy before changing a ramp someone else holds.
 *
 * @param integration 0-based integration index within the exposure
 * @param zeroFrame   ny*nx samples or null when the exposure has none
 */
public record Ramp(int integration, int nGroups, int ny, int nx, float[] data, byte[] groupDq, float[] zeroFrame) {

    public Ramp {
        long n = (long) nGroups * ny * nx;
        if (data.length != n || groupDq.length != n) {
            throw new IllegalArgumentException("ramp arrays do not match " + nGroups + " x " + ny + " x " + nx);
        }
        if (zeroFrame != null && zeroFrame.length != ny * nx) {
            throw new IllegalArgumentException("zero frame does not match " + ny + " x " + nx);
        }
    }

    /** A ramp of zeros with clean group DQ. */
    public static Ramp zeros(int integration, int nGroups, int ny, int nx, boolean withZeroFrame) {
        int n = nGroups * ny * nx;
        return new Ramp(integration, nGroups, ny, nx, new float[n], new byte[n],
                withZeroFrame ? new float[ny * nx] : null);
    }

    public int framePixels() {
        return ny * nx;
    }

    public int index(int group, int y, int x) {
        return (group * ny + y) * nx + x;
    }

    public float sample(int group, int y, int x) {
        return data[index(group, y, x)];
    }

    public int groupDq(int group, int y, int x) {
        return groupDq[index(group, y, x)] & 0xFF;
    }

    /** One group's frame as a new array. */
    public float[] frame(int group) {
        int n = framePixels();
        return Arrays.copyOfRange(data, group * n, (group + 1) * n);
    }

    /** A deep copy whose arrays can be modified freely. */
    public Ramp copy() {
        return new Ramp(integration, nGroups, ny, nx, data.clone(), groupDq.clone(),
                zeroFrame == null ? null : zeroFrame.clone());
    }

    /** Bytes held by the arrays, for caches bounded in bytes. */
    public long sizeInBytes() {
        return data.length * 5L + (zeroFrame == null ? 0 : zeroFrame.length * 4L);
    }
}
