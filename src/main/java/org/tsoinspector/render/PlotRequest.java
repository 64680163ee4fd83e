package org.tsoinspector.render;

import org.tsoinspector.analysis.LightCurveMode;
import org.tsoinspector.analysis.RatioHistogramSpec;
import org.tsoinspector.analysis.Region;
import org.tsoinspector.model.StepName;

/**
 * What to plot. Integration and group are 1-based (as captions name them); column and pixel are
 * 0-based indices (as the axes show them). Zero, -1 or null means "choose": integration 1, the last
 * group, the brightest column or pixel, the notebook's ratio axes, the brightest trace rows.
 *
 * @param step   the step the plot looks after (and before, for comparisons); null for the kind's default
 * @param pixelX with pixelY, the pixel of a ramp plot; -1 to choose the brightest unsaturated one
 */
public record PlotRequest(PlotKind kind, StepName step, int integration, int group, int column, int pixelX,
        int pixelY, RatioHistogramSpec ratio, LightCurveMode lightCurveMode, Region region) {

    /** The kind with every choice left to the defaults. */
    public static PlotRequest of(PlotKind kind) {
        return new PlotRequest(kind, null, 0, 0, -1, -1, -1, null, null, null);
    }

    public PlotRequest withStep(StepName s) {
        return new PlotRequest(kind, s, integration, group, column, pixelX, pixelY, ratio, lightCurveMode, region);
    }

    public PlotRequest withIntegration(int i) {
        return new PlotRequest(kind, step, i, group, column, pixelX, pixelY, ratio, lightCurveMode, region);
    }

    public PlotRequest withGroup(int g) {
        return new PlotRequest(kind, step, integration, g, column, pixelX, pixelY, ratio, lightCurveMode, region);
    }

    public PlotRequest withColumn(int c) {
        return new PlotRequest(kind, step, integration, group, c, pixelX, pixelY, ratio, lightCurveMode, region);
    }

    public PlotRequest withPixel(int x, int y) {
        return new PlotRequest(kind, step, integration, group, column, x, y, ratio, lightCurveMode, region);
    }

    /** Pairs and axes of the ratio histogram (null: the notebook's). */
    public PlotRequest withRatio(RatioHistogramSpec spec) {
        return new PlotRequest(kind, step, integration, group, column, pixelX, pixelY, spec, lightCurveMode, region);
    }

    /** How flux is measured and where (null: last minus first group, over the brightest trace rows). */
    public PlotRequest withLightCurve(LightCurveMode mode, Region r) {
        return new PlotRequest(kind, step, integration, group, column, pixelX, pixelY, ratio, mode, r);
    }
}
