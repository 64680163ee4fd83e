package org.tsoinspector.inspect;

import java.util.ArrayList;
import java.util.List;
import org.tsoinspector.model.StepName;

/**
 * A point in the pipeline a user asks to see: the input as read, or the ramp after one step. What it
 * shows, and what it is called then, is the inspection's to say ({@link Inspection#resolve},
 * {@link Inspection#label}): a step that does not run shows the stage before it.
 */
public record RampStage(StepName after) {

    public static final RampStage RAW = new RampStage(null);

    public static RampStage after(StepName step) {
        return new RampStage(step);
    }

    /**
     * Raw, then after each per-integration step in pipeline order (the stages after jump and ramp_fit,
     * which need the whole segment, are not views of one integration yet).
     */
    public static List<RampStage> all() {
        List<RampStage> stages = new ArrayList<>();
        stages.add(RAW);
        for (StepName s : StepName.values()) {
            if (s.perIntegration()) {
                stages.add(new RampStage(s));
            }
        }
        return stages;
    }

    public boolean isRaw() {
        return after == null;
    }

    /** Its place in the pipeline: -1 for the input, else the step's ordinal. */
    public int order() {
        return after == null ? -1 : after.ordinal();
    }

    /** The stage that comes first in the pipeline (a when equal). */
    public static RampStage earlier(RampStage a, RampStage b) {
        return a.order() <= b.order() ? a : b;
    }

    /** The stage as asked for: "raw" or "after saturation" (an id for settings and messages). */
    public String label() {
        return after == null ? "raw" : "after " + after.id();
    }

    /** The stage of a label ({@link #label}), or null. */
    public static RampStage fromLabel(String label) {
        for (RampStage s : all()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label();
    }
}
