package org.tsoinspector.app;

import java.util.Map;
import org.tsoinspector.render.ArgbImage;
import org.tsoinspector.render.FrameRenderer;

/**
 * What the views show now: the data of stage A (and B when comparing) and their pictures, made
 * together by one background job so the two sides always belong to the same integration and group.
 *
 * @param b          null when only one stage is shown
 * @param difference A - B in difference mode, else null
 * @param pictureA   A's picture, or the difference picture in difference mode
 * @param pictureB   B's picture when it is shown (side by side, blink), else null
 */
record ShownFrames(StageFrame a, StageFrame b, float[] difference, Picture pictureA, Picture pictureB) {

    /** A rendered frame with the renderer that made it (for the colour bar) and its overlay masks. */
    record Picture(ArgbImage image, FrameRenderer renderer, Map<OverlayKind, ArgbImage> overlays) {
    }
}
