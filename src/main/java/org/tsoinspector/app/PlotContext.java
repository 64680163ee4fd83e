package org.tsoinspector.app;

import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.inspect.RampStage;

/**
 * What the plots follow from the window: the inspection shown, the two stages compared, the integration
 * and group shown (0-based) and the crosshair pixel (null until the user clicks).
 */
record PlotContext(Inspection inspection, RampStage stageA, RampStage stageB, int integration, int group,
        PixelPosition pixel) {
}
