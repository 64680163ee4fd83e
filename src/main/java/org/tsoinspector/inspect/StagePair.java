package org.tsoinspector.inspect;

import java.util.List;
import org.tsoinspector.calib.PreparedStep;

/**
 * Two stages compared by a whole-segment scan: "before" is the raw data after the {@code before}
 * steps; "after" is the before stage after the further {@code after} steps (empty for a scan of
 * one stage). The after stage is computed from a copy of the before stage, so no step runs twice.
 */
public record StagePair(String beforeLabel, List<PreparedStep> before, String afterLabel, List<PreparedStep> after) {

    public StagePair {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** One stage only. */
    public static StagePair single(String label, List<PreparedStep> steps) {
        return new StagePair(label, steps, null, List.of());
    }

    public boolean hasAfter() {
        return !after.isEmpty();
    }

    /** The pixel DQ of the before stage, or {@code raw} when no step runs before it. */
    public int[] beforePixelDq(int[] raw) {
        return before.isEmpty() ? raw : before.get(before.size() - 1).pixelDq();
    }

    /** The pixel DQ of the last stage scanned. */
    public int[] lastPixelDq(int[] raw) {
        return hasAfter() ? after.get(after.size() - 1).pixelDq() : beforePixelDq(raw);
    }

    /** A short name of a stage from the steps that produced it: "raw" or "after refpix". */
    public static String label(List<PreparedStep> steps) {
        return steps.isEmpty() ? "raw" : "after " + steps.get(steps.size() - 1).name().id();
    }
}
