package org.tsoinspector.app;

import java.util.ArrayList;
import java.util.List;
import org.tsoinspector.model.StepName;

/** A point in the pipeline whose data can be shown: the raw ramp, or the ramp after one step. */
public record RampStage(StepName after) {

    public static final RampStage RAW = new RampStage(null);

    public static RampStage after(StepName step) {
        return new RampStage(step);
    }

    /** Raw, then after each step in pipeline order. */
    public static List<RampStage> all() {
        List<RampStage> stages = new ArrayList<>();
        stages.add(RAW);
        for (StepName s : StepName.values()) {
            stages.add(new RampStage(s));
        }
        return stages;
    }

    public boolean isRaw() {
        return after == null;
    }

    /** "raw" or "after saturation". */
    public String label() {
        return after == null ? "raw" : "after " + after.id();
    }

    @Override
    public String toString() {
        return label();
    }
}
