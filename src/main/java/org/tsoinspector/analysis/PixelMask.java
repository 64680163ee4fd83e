package org.tsoinspector.analysis;

import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

/**
 * A yes/no image over a frame (row-major ny x nx): the notebook's "special" and "saturated" pixel
 * images, reference pixels, or any chosen DQ flags. The array is owned by the record.
 */
public record PixelMask(String name, int ny, int nx, boolean[] set) {

    public PixelMask {
        if (set.length != ny * nx) {
            throw new IllegalArgumentException("mask has " + set.length + " pixels, not " + ny + " x " + nx);
        }
    }

    /**
     * Pixels whose pixel DQ is neither 0 nor exactly REFERENCE_PIXEL: the notebook's
     * {@code (dq != 0) & (dq != 2147483648)}.
     */
    public static PixelMask special(int[] pixelDq, int ny, int nx) {
        boolean[] m = new boolean[pixelDq.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = pixelDq[i] != 0 && pixelDq[i] != DqFlag.REFERENCE_PIXEL.value();
        }
        return new PixelMask("special pixels", ny, nx, m);
    }

    /** Pixels whose pixel DQ has any of the given flags. */
    public static PixelMask withPixelFlags(int[] pixelDq, int ny, int nx, DqFlag... flags) {
        int bits = 0;
        StringBuilder name = new StringBuilder();
        for (DqFlag f : flags) {
            bits |= f.value();
            name.append(name.length() == 0 ? "" : "+").append(f.name());
        }
        boolean[] m = new boolean[pixelDq.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = (pixelDq[i] & bits) != 0;
        }
        return new PixelMask(name.toString(), ny, nx, m);
    }

    /** Pixels flagged SATURATED in group g of a ramp (0-based group). */
    public static PixelMask saturated(Ramp ramp, int group) {
        return withGroupFlag(ramp, group, DqFlag.SATURATED);
    }

    /** Pixels whose group DQ in group g has the given flag. */
    public static PixelMask withGroupFlag(Ramp ramp, int group, DqFlag flag) {
        if (group < 0 || group >= ramp.nGroups()) {
            throw new IllegalArgumentException("group " + (group + 1) + " is outside 1.." + ramp.nGroups());
        }
        if (!flag.isGroupFlag()) {
            throw new IllegalArgumentException(flag + " is not a group DQ flag");
        }
        int n = ramp.framePixels();
        byte[] dq = ramp.groupDq();
        int bit = flag.value();
        boolean[] m = new boolean[n];
        for (int i = 0; i < n; i++) {
            m[i] = (dq[group * n + i] & bit) != 0;
        }
        return new PixelMask(flag.name() + " in group " + (group + 1), ramp.ny(), ramp.nx(), m);
    }

    public boolean get(int y, int x) {
        return set[y * nx + x];
    }

    /** Number of pixels set. */
    public int count() {
        int n = 0;
        for (boolean b : set) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
