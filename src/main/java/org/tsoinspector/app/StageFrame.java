package org.tsoinspector.app;

import org.tsoinspector.model.Ramp;

/**
 * One group of one integration at one stage: the integration's ramp (shared, read-only), the
 * group's samples and the stage's pixel DQ (row-major ny x nx).
 */
public record StageFrame(RampStage stage, int group, Ramp ramp, float[] values, int[] pixelDq) {

    public static StageFrame of(RampStage stage, Ramp ramp, int group, int[] pixelDq) {
        return new StageFrame(stage, group, ramp, ramp.frame(group), pixelDq);
    }

    public int integration() {
        return ramp.integration();
    }

    public int nx() {
        return ramp.nx();
    }

    public int ny() {
        return ramp.ny();
    }

    public int index(int x, int y) {
        return y * ramp.nx() + x;
    }

    /** Group DQ of the shown group at pixel (x, y). */
    public int groupDq(int x, int y) {
        return ramp.groupDq(group, y, x);
    }
}
