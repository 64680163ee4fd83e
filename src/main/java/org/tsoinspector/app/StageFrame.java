package org.tsoinspector.app;

/**
 * One group of one integration at one stage, as numbers: samples, group DQ of that group, and the
 * pixel DQ of the stage (row-major ny x nx each). Owned by whoever asked for it.
 */
public record StageFrame(RampStage stage, int integration, int group, int nx, int ny, float[] values, byte[] groupDq,
        int[] pixelDq) {

    public int index(int x, int y) {
        return y * nx + x;
    }
}
