package org.tsoinspector.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.render.ArgbImage;
import org.tsoinspector.render.FrameRenderer;
import org.tsoinspector.render.MaskOverlay;

/**
 * Everything that decides the pictures in the views; {@link #compose} turns it into
 * {@link ShownFrames} on a background thread (the stages come from the session's cache when it has them).
 */
record FrameRequest(RampStage a, RampStage b, CompareMode mode, boolean sharedScale, int integration, int group,
        DisplaySettings display, Set<OverlayKind> overlays, Set<DqFlag> flags) {

    ShownFrames compose(ExposureSession session, ProgressMonitor monitor) throws Exception {
        StageFrame fa = session.frame(a, integration, group, monitor);
        if (mode == CompareMode.SINGLE) {
            return new ShownFrames(fa, null, null, picture(fa, fa.values(), display.rendererFor(fa.values())), null);
        }
        StageFrame fb = session.frame(b, integration, group, monitor);
        monitor.checkCancelled();
        if (mode == CompareMode.DIFFERENCE) {
            float[] d = new float[fa.values().length];
            for (int i = 0; i < d.length; i++) {
                d[i] = fa.values()[i] - fb.values()[i];
            }
            return new ShownFrames(fa, fb, d, picture(fa, d, display.rendererForDifference(d)), null);
        }
        // side by side and blink: one scale unless asked otherwise, so that A and B compare by eye
        FrameRenderer ra = sharedScale ? display.rendererForPair(fa.values(), fb.values())
                : display.rendererFor(fa.values());
        FrameRenderer rb = sharedScale ? ra : display.rendererFor(fb.values());
        return new ShownFrames(fa, fb, null, picture(fa, fa.values(), ra), picture(fb, fb.values(), rb));
    }

    private ShownFrames.Picture picture(StageFrame f, float[] values, FrameRenderer renderer) {
        Map<OverlayKind, ArgbImage> masks = new EnumMap<>(OverlayKind.class);
        for (OverlayKind k : overlays) {
            masks.put(k, MaskOverlay.of(k.mask(f, flags), k.rgb(), 1.0));
        }
        return new ShownFrames.Picture(renderer.render(values, f.ny(), f.nx()), renderer, masks);
    }
}
