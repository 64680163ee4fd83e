package org.tsoinspector.app;

/** Float samples to ARGB pixels for the frame view. */
final class FramePainter {

    private FramePainter() {
    }

    /** Linear grey between the finite minimum and maximum; NaN shows as dark red. */
    static int[] paint(float[] v) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            if (f < lo) {
                lo = f;
            }
            if (f > hi) {
                hi = f;
            }
        }
        float span = hi > lo ? hi - lo : 1;
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Float.isNaN(v[i])) {
                out[i] = 0xFF800000;
                continue;
            }
            int g = Math.max(0, Math.min(255, (int) ((v[i] - lo) / span * 255)));
            out[i] = 0xFF000000 | g << 16 | g << 8 | g;
        }
        return out;
    }
}
