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
        apply(steps, ramp);
    }

    /** Runs these steps, in this order, fused on one integration, in place. */
    static void apply(List<PreparedStep> steps, Ramp ramp) {
        List<IntegrationPass> passes = new ArrayList<>(steps.size());
        for (PreparedStep s : steps) {
            passes.add(s.open(ramp));
        }
        run(passes, ramp);
    }

    /** Pixels per band: the band's samples and reference values of every step fit in a core's L2 cache. */
    private static final int BAND_PIXELS = 32 * 1024;

    /**
     * Runs the passes group by group. The passes are split where one must see the whole group
     * ({@link IntegrationPass#measuresWholeGroup}); each part sweeps the group band by band, the first
     * copying each band into the working frame and the last copying it back, so that a band goes
     * through all the steps of a part while it is in cache. Then every pass finishes.
     */
    static void run(List<IntegrationPass> passes, Ramp ramp) {
        int n = ramp.framePixels();
        int band = Math.max(1, BAND_PIXELS / ramp.nx()) * ramp.nx();
        List<List<IntegrationPass>> parts = new ArrayList<>();
        for (IntegrationPass p : passes) {
            if (parts.isEmpty() || p.measuresWholeGroup()) {
                parts.add(new ArrayList<>());
            }
            parts.get(parts.size() - 1).add(p);
        }
        float[] frame = WorkArrays.frame(n);
        float[] data = ramp.data();
        for (int g = 0; g < ramp.nGroups(); g++) {
            int offset = g * n;
            for (int k = 0; k < parts.size(); k++) {
                List<IntegrationPass> part = parts.get(k);
                boolean copyBandsIn = k == 0;
                if (part.get(0).measuresWholeGroup()) {
                    if (copyBandsIn) {
                        System.arraycopy(data, offset, frame, 0, n);
                        copyBandsIn = false;
                    }
                    part.get(0).measure(g, frame);
                }
                for (int from = 0; from < n; from += band) {
                    int to = Math.min(n, from + band);
                    if (copyBandsIn) {
                        System.arraycopy(data, offset + from, frame, from, to - from);
                    }
                    for (IntegrationPass p : part) {
                        p.rows(g, frame, from, to);
                    }
                    if (k == parts.size() - 1) {
                        System.arraycopy(frame, from, data, offset + from, to - from);
                    }
                }
            }
            for (IntegrationPass p : passes) {
                p.endGroup(g);
            }
        }
        for (IntegrationPass p : passes) {
            p.finish();
        }
    }

    /** The product's metadata: the input's, with these steps added to those completed. */
    public ExposureMetadata productMetadata(ExposureMetadata input) {
        return productMetadata(steps, input);
    }

    /** The metadata of a product of these steps: the input's, with those that ran added to those completed. */
    static ExposureMetadata productMetadata(List<PreparedStep> steps, ExposureMetadata input) {
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
