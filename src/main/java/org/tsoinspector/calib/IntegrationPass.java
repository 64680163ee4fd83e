package org.tsoinspector.calib;

/**
 * The work of one step on one integration, group by group and, within a group, band of rows by band of
 * rows. The samples of a group are in a working frame indexed by pixel (y * nx + x) from 0, so that
 * every per-pixel loop indexes the frame and the reference arrays alike (which lets the JIT vectorize
 * it); a band is small enough that all steps see it while it is in cache. Group DQ is updated in the
 * ramp itself.
 *
 * <p>For each group the caller calls, for each pass in step order: {@link #measure} (only if
 * {@link #measuresWholeGroup}, once every earlier pass has done the whole group), then {@link #rows}
 * for every band in increasing order; then {@link #endGroup} for every pass. {@link #finish} follows the
 * last group: it does what needs every group (the saturation backward pass, the linearity polynomial)
 * and the zero frame.
 */
@FunctionalInterface
public interface IntegrationPass {

    /** An integration pass that changes nothing (a skipped step). */
    IntegrationPass NOTHING = (g, frame, from, to) -> {
    };

    /** A pass that does all its work in {@link #finish}, on the whole ramp (linearity, dark_current). */
    static IntegrationPass atFinish(Runnable work) {
        return new IntegrationPass() {
            @Override
            public void rows(int g, float[] frame, int from, int to) {
            }

            @Override
            public void finish() {
                work.run();
            }
        };
    }

    /** Corrects pixels [from, to) of group g (whole rows), whose samples are in {@code frame[from .. to)}. */
    void rows(int g, float[] frame, int from, int to);

    /**
     * True when the pass must see the whole group, as left by the earlier steps, before it corrects any
     * band (refpix: its means come from reference pixels anywhere in the frame).
     */
    default boolean measuresWholeGroup() {
        return false;
    }

    /** Looks at the whole group g before {@link #rows} (see {@link #measuresWholeGroup}). */
    default void measure(int g, float[] frame) {
    }

    /** Called when every pass has corrected every band of group g. */
    default void endGroup(int g) {
    }

    default void finish() {
    }
}
