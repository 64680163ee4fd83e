package org.tsoinspector.inspect;

import java.util.Locale;
import org.tsoinspector.render.Colormap;
import org.tsoinspector.render.DisplayRange;
import org.tsoinspector.render.FrameRenderer;
import org.tsoinspector.render.Limits;
import org.tsoinspector.render.Stretch;

/**
 * How frames are coloured: limits rule (and the manual range), stretch and colormap.
 *
 * @param limitsFromView the limits rule looks only at the part of the frame in view (DS9's zoomed
 *                       "scale from the visible area"), not the whole frame
 */
public record DisplaySettings(Limits limits, DisplayRange manual, Stretch stretch, String colormap, boolean inverted,
        boolean limitsFromView) {

    public static final DisplaySettings DEFAULT = new DisplaySettings(Limits.PERCENTILE_99_5,
            new DisplayRange(0, 65535), Stretch.LINEAR, "gray", false, false);

    /** The renderer for one frame of a stage. */
    public FrameRenderer rendererFor(float[] values) {
        return new FrameRenderer(map(colormap), stretch, limits.of(values, manual));
    }

    /**
     * One renderer for two frames compared by eye (side by side, blink): its range spans the range
     * each frame would get alone, so the same value has the same colour in both pictures.
     */
    public FrameRenderer rendererForPair(float[] a, float[] b) {
        return new FrameRenderer(map(colormap), stretch,
                limits.of(a, manual).union(limits.of(b, manual)));
    }

    /**
     * The renderer for a difference: the diverging map, linear, limits symmetric about zero so that
     * "no change" is always the middle colour; manual limits are honoured as given.
     */
    public FrameRenderer rendererForDifference(float[] difference) {
        if (limits == Limits.MANUAL) {
            // the user's range as typed: -360..-330 shows the detail of an offset of about -350
            return new FrameRenderer(map(Colormap.DIVERGING), Stretch.LINEAR, manual);
        }
        Limits rule = limits == Limits.MINMAX ? limits : Limits.PERCENTILE_99_5;
        return new FrameRenderer(map(Colormap.DIVERGING), Stretch.LINEAR,
                rule.of(difference, manual).symmetric());
    }

    /** The colormaps a user can choose for frames. */
    public static java.util.List<String> colormapNames() {
        return Colormap.NAMES;
    }

    /** A colormap by name, inverted when the settings say so (differences too). */
    private Colormap map(String name) {
        Colormap m = Colormap.named(name);
        return inverted ? m.inverted() : m;
    }

    public DisplaySettings withLimits(Limits l) {
        return new DisplaySettings(l, manual, stretch, colormap, inverted, limitsFromView);
    }

    public DisplaySettings withManual(DisplayRange r) {
        return new DisplaySettings(Limits.MANUAL, r, stretch, colormap, inverted, limitsFromView);
    }

    public DisplaySettings withStretch(Stretch s) {
        return new DisplaySettings(limits, manual, s, colormap, inverted, limitsFromView);
    }

    public DisplaySettings withColormap(String c) {
        return new DisplaySettings(limits, manual, stretch, c, inverted, limitsFromView);
    }

    public DisplaySettings withInverted(boolean invert) {
        return new DisplaySettings(limits, manual, stretch, colormap, invert, limitsFromView);
    }

    public DisplaySettings withLimitsFromView(boolean fromView) {
        return new DisplaySettings(limits, manual, stretch, colormap, inverted, fromView);
    }

    /** Settings as stored in preferences: "limits|low|high|stretch|colormap|inverted|fromView". */
    public String encode() {
        return String.format(Locale.ROOT, "%s|%s|%s|%s|%s|%s|%s", limits.name(), manual.low(),
                manual.high(), stretch.name(), colormap, inverted, limitsFromView);
    }

    public static DisplaySettings decode(String text) {
        try {
            String[] p = text.split("\\|");
            return new DisplaySettings(Limits.valueOf(p[0]),
                    new DisplayRange(Double.parseDouble(p[1]), Double.parseDouble(p[2])),
                    Stretch.valueOf(p[3]), Colormap.NAMES.contains(p[4]) ? p[4] : "gray",
                    p.length > 5 && Boolean.parseBoolean(p[5]), // settings saved before inversion existed have 5 fields
                    p.length > 6 && Boolean.parseBoolean(p[6]));
        } catch (RuntimeException e) {
            return DisplaySettings.DEFAULT;
        }
    }
}
