package org.tsoinspector.app;

/**
 * What the plots follow from the window: the exposure, the two stages compared, the integration and
 * group shown and the crosshair pixel (null until the user clicks).
 */
record PlotContext(ExposureSession session, RampStage stageA, RampStage stageB, int integration, int group,
        PixelPosition pixel) {

    /** The stages to plot: A, and B when it differs. */
    java.util.List<RampStage> stages() {
        return stageA.equals(stageB) ? java.util.List.of(stageA) : java.util.List.of(stageA, stageB);
    }
}
