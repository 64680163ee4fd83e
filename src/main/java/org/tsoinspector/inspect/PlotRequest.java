package org.tsoinspector.inspect;

import java.util.List;
import org.tsoinspector.analysis.RampExtraction;
import org.tsoinspector.analysis.LightCurveMode;
import org.tsoinspector.analysis.ProfileAxis;
import org.tsoinspector.analysis.RatioHistogramSpec;
import org.tsoinspector.analysis.Region;
import org.tsoinspector.render.PlotKind;

/**
 * What to plot, as the window's plot tabs and {@code plot} ask for it. Integration and group are
 * 1-based (as captions name them); column, row and pixel are 0-based indices (as the axes show them).
 * Zero, -1 or null means "choose": integration 1, the last group, the brightest column, row or pixel
 * that does not saturate, the notebook's ratio axes, the brightest trace rows.
 *
 * @param stage       the stage plotted (the later one of a comparison); null for the kind's default
 *                    (after {@link PlotKind#defaultStep}, else the last stage that runs)
 * @param compareWith the stage compared with it; null for "before the stage's step" (the stage before
 *                    it that runs, when its step runs); equal to {@code stage} for one stage only
 * @param index       the column (or row) of a profile, -1 for the brightest
 * @param pixelX      with pixelY, the pixel of a ramp plot; -1 for the brightest unsaturated one
 * @param traceRows   light curve without a region: how many of the brightest rows to sum
 * @param region      light curve: the pixels summed; ramp with a box extraction: the box
 * @param extraction  ramp: the pixel, or the mean or median of the box {@code region}
 * @param pinned      ramp: more pixels whose ramps (at the later stage) are drawn over it
 * @param ratePlane   rate: the extension shown
 */
public record PlotRequest(PlotKind kind, RampStage stage, RampStage compareWith, int integration, int group,
        ProfileAxis axis, int index, int pixelX, int pixelY, boolean skipFlagged, RatioHistogramSpec ratio,
        LightCurveMode lightCurveMode, Region region, int traceRows, boolean normalized, RampExtraction extraction,
        List<PixelPosition> pinned, RatePlane ratePlane) {

    public PlotRequest {
        pinned = List.copyOf(pinned);
    }

    /** The kind with every choice left to the defaults. */
    public static PlotRequest of(PlotKind kind) {
        return new PlotRequest(kind, null, null, 0, 0, ProfileAxis.COLUMN, -1, -1, -1, true, null, null, null,
                Region.DEFAULT_TRACE_ROWS, true, RampExtraction.PIXEL, List.of(), RatePlane.SCI);
    }

    /** The stages compared: {@code stage} against {@code compareWith}. */
    public PlotRequest withStages(RampStage compareWith, RampStage stage) {
        return new PlotRequest(kind, stage, compareWith, integration, group, axis, index, pixelX, pixelY,
                skipFlagged, ratio, lightCurveMode, region, traceRows, normalized, extraction, pinned, ratePlane);
    }

    public PlotRequest withIntegration(int i) {
        return new PlotRequest(kind, stage, compareWith, i, group, axis, index, pixelX, pixelY, skipFlagged, ratio,
                lightCurveMode, region, traceRows, normalized, extraction, pinned, ratePlane);
    }

    public PlotRequest withGroup(int g) {
        return new PlotRequest(kind, stage, compareWith, integration, g, axis, index, pixelX, pixelY, skipFlagged,
                ratio, lightCurveMode, region, traceRows, normalized, extraction, pinned, ratePlane);
    }

    /** A column (or row) profile at index i (-1: the brightest). */
    public PlotRequest withProfile(ProfileAxis a, int i) {
        return new PlotRequest(kind, stage, compareWith, integration, group, a, i, pixelX, pixelY, skipFlagged,
                ratio, lightCurveMode, region, traceRows, normalized, extraction, pinned, ratePlane);
    }

    public PlotRequest withPixel(int x, int y) {
        return new PlotRequest(kind, stage, compareWith, integration, group, axis, index, x, y, skipFlagged, ratio,
                lightCurveMode, region, traceRows, normalized, extraction, pinned, ratePlane);
    }

    /** Whether the ramp's line leaves flagged groups out. */
    public PlotRequest withSkipFlagged(boolean skip) {
        return new PlotRequest(kind, stage, compareWith, integration, group, axis, index, pixelX, pixelY, skip, ratio,
                lightCurveMode, region, traceRows, normalized, extraction, pinned, ratePlane);
    }

    /** Pairs and axes of the ratio histogram (null: the notebook's). */
    public PlotRequest withRatio(RatioHistogramSpec spec) {
        return new PlotRequest(kind, stage, compareWith, integration, group, axis, index, pixelX, pixelY,
                skipFlagged, spec, lightCurveMode, region, traceRows, normalized, extraction, pinned, ratePlane);
    }

    /** How flux is measured and where (null mode: last minus first; null region: the brightest rows). */
    public PlotRequest withLightCurve(LightCurveMode mode, Region r) {
        return new PlotRequest(kind, stage, compareWith, integration, group, axis, index, pixelX, pixelY,
                skipFlagged, ratio, mode, r, traceRows, normalized, extraction, pinned, ratePlane);
    }

    /** A ramp of the box {@code box} reduced by {@code how} (PIXEL: the pixel, the box unused). */
    public PlotRequest withRampExtraction(RampExtraction how, Region box) {
        return new PlotRequest(kind, stage, compareWith, integration, group, axis, index, pixelX, pixelY,
                skipFlagged, ratio, lightCurveMode, box, traceRows, normalized, how, pinned, ratePlane);
    }

    /** Pixels whose ramps are drawn over the plotted one (Rampviz's several spectra at once). */
    public PlotRequest withPinned(List<PixelPosition> pixels) {
        return new PlotRequest(kind, stage, compareWith, integration, group, axis, index, pixelX, pixelY,
                skipFlagged, ratio, lightCurveMode, region, traceRows, normalized, extraction, pixels, ratePlane);
    }

    /** The extension of the rate image shown. */
    public PlotRequest withRatePlane(RatePlane plane) {
        return new PlotRequest(kind, stage, compareWith, integration, group, axis, index, pixelX, pixelY,
                skipFlagged, ratio, lightCurveMode, region, traceRows, normalized, extraction, pinned, plane);
    }

    /** A light curve over the brightest {@code rows} rows, normalized to its median or not. */
    public PlotRequest withTrace(int rows, boolean normalize) {
        return new PlotRequest(kind, stage, compareWith, integration, group, axis, index, pixelX, pixelY,
                skipFlagged, ratio, lightCurveMode, region, rows, normalize, extraction, pinned, ratePlane);
    }
}
