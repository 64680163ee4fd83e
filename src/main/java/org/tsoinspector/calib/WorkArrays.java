package org.tsoinspector.calib;

import java.util.Arrays;

/**
 * Frame-sized working arrays kept per thread from one integration to the next. Correcting an
 * integration would otherwise allocate several frame-sized arrays, which G1 treats as humongous
 * objects whose churn starts a concurrent collection every few integrations, taking a core from the
 * calibration. A thread corrects one integration at a time, and each array serves one purpose, so no
 * two users share one.
 */
final class WorkArrays {

    private static final ThreadLocal<WorkArrays> OF_THIS_THREAD = ThreadLocal.withInitial(WorkArrays::new);

    private float[] frame = new float[0];
    private float[] saturationScore = new float[0];
    private boolean[] saturatedSoFar = new boolean[0];
    private byte[] grownRows = new byte[0];

    private WorkArrays() {
    }

    /** The working frame of {@link PreparedPipeline} (at least n samples, contents undefined). */
    static float[] frame(int n) {
        WorkArrays w = OF_THIS_THREAD.get();
        w.frame = w.frame.length < n ? new float[n] : w.frame;
        return w.frame;
    }

    /** The saturation step's per-sample scores (at least n, contents undefined). */
    static float[] saturationScore(int n) {
        WorkArrays w = OF_THIS_THREAD.get();
        w.saturationScore = w.saturationScore.length < n ? new float[n] : w.saturationScore;
        return w.saturationScore;
    }

    /** The saturation step's "reached the threshold" flags: at least n, the first n false. */
    static boolean[] saturatedSoFar(int n) {
        WorkArrays w = OF_THIS_THREAD.get();
        w.saturatedSoFar = w.saturatedSoFar.length < n ? new boolean[n] : w.saturatedSoFar;
        Arrays.fill(w.saturatedSoFar, 0, n, false);
        return w.saturatedSoFar;
    }

    /** {@link SquareDilation}'s grown rows (at least n, contents undefined). */
    static byte[] grownRows(int n) {
        WorkArrays w = OF_THIS_THREAD.get();
        w.grownRows = w.grownRows.length < n ? new byte[n] : w.grownRows;
        return w.grownRows;
    }
}
