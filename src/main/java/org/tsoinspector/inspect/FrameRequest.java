package org.tsoinspector.inspect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tsoinspector.analysis.PixelMask;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.analysis.Region;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.render.FrameRenderer;
import org.tsoinspector.render.MaskOverlay;

/**
 * Everything that decides the pictures of the frame views: stages A and B, how they are compared,
 * integration and group (0-based), display settings and overlays. {@link Inspection#frame} answers it
 * with a {@link FrameAnswer}; indices outside the exposure are brought inside it, so a request made for
 * one exposure is still answered sensibly for the next.
 */
public record FrameRequest(RampStage a, RampStage b, CompareMode mode, boolean sharedScale, boolean medianRemoved,
        int integration, int group, DisplaySettings display, Set<OverlayKind> overlays, Set<DqFlag> flags,
        Region view) {

    /** As asked without a view: limits from the whole frame. */
    public FrameRequest(RampStage a, RampStage b, CompareMode mode, boolean sharedScale, boolean medianRemoved,
            int integration, int group, DisplaySettings display, Set<OverlayKind> overlays, Set<DqFlag> flags) {
        this(a, b, mode, sharedScale, medianRemoved, integration, group, display, overlays, flags, null);
    }

    public FrameRequest {
        overlays = Set.copyOf(overlays);
        flags = Set.copyOf(flags);
    }

    FrameAnswer compose(Inspection inspection, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        int i = clamp(integration, inspection.integrationCount());
        int g = clamp(group, inspection.groupCount());
        monitor.checkCancelled();
        StageFrame fa = inspection.stageFrame(a, i, g);
        String notes = inspection.substitution(a);
        if (mode == CompareMode.SINGLE) {
            return new FrameAnswer(inspection.name(), inspection.metadata(), mode, sharedScale, fa, null, null, 0,
                    picture(fa, fa.values(), display.rendererFor(inView(fa.values(), fa))), null, notes);
        }
        StageFrame fb = inspection.stageFrame(b, i, g);
        String noteB = inspection.substitution(b);
        notes = notes.isEmpty() ? noteB : noteB.isEmpty() ? notes : notes + "; " + noteB;
        monitor.checkCancelled();
        if (mode == CompareMode.DIFFERENCE) {
            float[] d = new float[fa.values().length];
            for (int k = 0; k < d.length; k++) {
                d[k] = fa.values()[k] - fb.values()[k];
            }
            // refpix moves every science pixel by ~-350 DN: without the common offset the stripes it removes show
            double offset = medianRemoved ? scienceMedian(d, fa.pixelDq()) : 0;
            float[] shown = d;
            if (offset != 0) {
                shown = new float[d.length];
                for (int k = 0; k < d.length; k++) {
                    shown[k] = (float) (d[k] - offset);
                }
            }
            return new FrameAnswer(inspection.name(), inspection.metadata(), mode, sharedScale, fa, fb, d, offset,
                    picture(fa, shown, display.rendererForDifference(inView(shown, fa))), null, notes);
        }
        // side by side and blink: one scale unless asked otherwise, so that A and B compare by eye
        FrameRenderer ra = sharedScale ? display.rendererForPair(inView(fa.values(), fa), inView(fb.values(), fb))
                : display.rendererFor(inView(fa.values(), fa));
        FrameRenderer rb = sharedScale ? ra : display.rendererFor(inView(fb.values(), fb));
        return new FrameAnswer(inspection.name(), inspection.metadata(), mode, sharedScale, fa, fb, null, 0,
                picture(fa, fa.values(), ra), picture(fb, fb.values(), rb), notes);
    }

    /**
     * The values the limits rule looks at: those in view when the display asks for that and a view is
     * given (clipped to the frame), else all of them.
     */
    private float[] inView(float[] values, StageFrame f) {
        if (!display.limitsFromView() || view == null) {
            return values;
        }
        int x0 = Math.max(0, view.x0());
        int y0 = Math.max(0, view.y0());
        int x1 = Math.min(f.nx(), view.x1());
        int y1 = Math.min(f.ny(), view.y1());
        if (x1 <= x0 || y1 <= y0) {
            return values;
        }
        float[] out = new float[(x1 - x0) * (y1 - y0)];
        int k = 0;
        for (int y = y0; y < y1; y++) {
            System.arraycopy(values, y * f.nx() + x0, out, k, x1 - x0);
            k += x1 - x0;
        }
        return out;
    }

    /** The median of the finite values of the science pixels (reference pixels left out), 0 when there are none. */
    static double scienceMedian(float[] values, int[] pixelDq) {
        double[] science = new double[values.length];
        int n = 0;
        for (int k = 0; k < values.length; k++) {
            if ((pixelDq[k] & DqFlag.REFERENCE_PIXEL.value()) == 0 && Float.isFinite(values[k])) {
                science[n++] = values[k];
            }
        }
        // selection, not a sort: this runs on every difference frame drawn
        double m = org.tsoinspector.calib.Medians.median(science, n);
        return Double.isNaN(m) ? 0 : m;
    }

    private static int clamp(int index, int count) {
        return Math.max(0, Math.min(count - 1, index));
    }

    private FrameAnswer.Picture picture(StageFrame f, float[] values, FrameRenderer renderer) {
        Map<OverlayKind, org.tsoinspector.render.ArgbImage> masks = new EnumMap<>(OverlayKind.class);
        List<String> empty = new ArrayList<>();
        Map<OverlayKind, Integer> colors = OverlayKind.colorsOver(renderer.colormap());
        for (OverlayKind k : OverlayKind.values()) { // in their order, so the explanation reads the same each time
            if (!overlays.contains(k)) {
                continue;
            }
            PixelMask mask = k.mask(f, flags);
            masks.put(k, MaskOverlay.of(mask, colors.get(k), 1.0));
            if (mask.count() == 0) {
                empty.add(k.whyEmpty(f));
            }
        }
        return new FrameAnswer.Picture(renderer.render(values, f.ny(), f.nx()), new ColorScale(renderer), masks,
                colors, String.join("; ", empty));
    }
}
