package org.tsoinspector.inspect;

import java.util.List;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

/**
 * One group of one integration at one stage: the integration's ramp (shared, read-only), the group's
 * samples and the stage's pixel DQ (row-major ny x nx).
 *
 * @param stage the stage shown (as resolved: a switched-off step's stage is the one before it)
 * @param label what the stage is called ("after refpix", "raw"), from what ran
 * @param applied the steps the values have been through, in pipeline order (those of a saved product too)
 * @param file    the name of the segment file the integration is in
 * @param jumps   the shown group's JUMP_DET flags as the jump step found them (one byte per pixel), or null
 *                when the rates are not made (the Rate tab's Compute makes them)
 */
public record StageFrame(RampStage stage, String label, List<StepName> applied, String file, int group, Ramp ramp,
        float[] values, int[] pixelDq, byte[] jumps) {

    public static StageFrame of(RampStage stage, String label, List<StepName> applied, String file, Ramp ramp,
            int group, int[] pixelDq, byte[] jumps) {
        return new StageFrame(stage, label, List.copyOf(applied), file, group, ramp, ramp.frame(group), pixelDq,
                jumps);
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

    /** Group DQ of the shown group at pixel (x, y), with the JUMP_DET jump found when the rates are made. */
    public int groupDq(int x, int y) {
        int jump = jumps == null ? 0 : jumps[index(x, y)];
        return ramp.groupDq(group, y, x) | jump;
    }
}
