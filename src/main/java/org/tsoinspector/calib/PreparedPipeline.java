package org.tsoinspector.calib;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

/**
 * Prepared steps in order, ready to correct integrations. {@link #apply} runs all of them group by
 * group (each group goes through every step while its frame is in cache), which gives exactly what
 * running the steps one after the other gives: no step reads what a later one writes.
 */
public final class PreparedPipeline {

    private final List<PreparedStep> steps;
    private final int[] pixelDqIn;

    PreparedPipeline(List<PreparedStep> steps, int[] pixelDqIn) {
        this.steps = List.copyOf(steps);
        this.pixelDqIn = pixelDqIn;
    }

    public List<PreparedStep> steps() {
        return steps;
    }

    /** The pixel DQ after the last step (the input's when there is none); shared, do not modify. */
    public int[] pixelDq() {
        return steps.isEmpty() ? pixelDqIn : steps.get(steps.size() - 1).pixelDq();
    }

    /** Runs every step on one integration, in place. Thread-safe for distinct ramps. */
    public void apply(Ramp ramp) {
        List<IntegrationPass> passes = new ArrayList<>(steps.size());
        for (PreparedStep s : steps) {
            passes.add(s.open(ramp));
        }
        run(passes, ramp);
    }

    /** Copies each group into a working frame, runs it through the passes, copies it back; then finishes. */
    static void run(List<IntegrationPass> passes, Ramp ramp) {
        int n = ramp.framePixels();
        float[] frame = new float[n];
        float[] data = ramp.data();
        for (int g = 0; g < ramp.nGroups(); g++) {
            System.arraycopy(data, g * n, frame, 0, n);
            for (IntegrationPass p : passes) {
                p.group(g, frame);
            }
            System.arraycopy(frame, 0, data, g * n, n);
        }
        for (IntegrationPass p : passes) {
            p.finish();
        }
    }

    /** The product's metadata: the input's, with these steps added to those completed. */
    public ExposureMetadata productMetadata(ExposureMetadata input) {
        Set<StepName> done = input.completedSteps().isEmpty() ? EnumSet.noneOf(StepName.class)
                : EnumSet.copyOf(input.completedSteps());
        for (PreparedStep s : steps) {
            if (s.status().equals("COMPLETE")) {
                done.add(s.name());
            }
        }
        return input.withCompletedSteps(done);
    }
}
