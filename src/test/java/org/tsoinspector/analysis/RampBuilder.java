package org.tsoinspector.analysis;

import org.tsoinspector.model.Ramp;

/** Hand-made ramps for the analysis tests. */
public final class RampBuilder {

    private RampBuilder() {
    }

    /** A ramp whose pixel i holds value.apply(group, i) in every group. */
    public static Ramp of(int integration, int nGroups, int ny, int nx, Sample value) {
        Ramp r = Ramp.zeros(integration, nGroups, ny, nx, false);
        int n = ny * nx;
        for (int g = 0; g < nGroups; g++) {
            for (int i = 0; i < n; i++) {
                r.data()[g * n + i] = (float) value.at(g, i);
            }
        }
        return r;
    }

    /** The sample of group g (0-based) of pixel i (row-major index). */
    public interface Sample {
        double at(int g, int i);
    }
}
