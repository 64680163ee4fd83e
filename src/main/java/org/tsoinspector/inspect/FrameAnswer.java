package org.tsoinspector.inspect;

import java.util.Map;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.render.ArgbImage;
import org.tsoinspector.render.Caption;
import org.tsoinspector.render.Figure;
import org.tsoinspector.render.ImageCharts;
import org.tsoinspector.render.PlotTables;

/**
 * What the frame views show for one {@link FrameRequest}: the data of stage A (and B when comparing),
 * their pictures, and the words that go with them (captions, colour-bar titles, the read-out of any
 * pixel), all made together by one background job, so they always describe the same integration,
 * group and stages.
 *
 * @param b          null when only one stage is shown
 * @param difference A - B in difference mode, else null
 * @param differenceOffset the median of A - B taken out of the difference's picture (0 when it is not)
 * @param pictureA   A's picture, or the difference picture in difference mode
 * @param pictureB   B's picture when it is shown (side by side, blink), else null
 * @param notes      what is shown instead of a stage that cannot be ("" when everything is as asked)
 */
public record FrameAnswer(String exposureName, ExposureMetadata metadata, CompareMode mode, boolean sharedScale,
        StageFrame a, StageFrame b, float[] difference, double differenceOffset, Picture pictureA, Picture pictureB,
        String notes) {

    /**
     * A rendered frame with its colour scale and its overlay masks.
     *
     * @param overlayColors the colour each overlay is drawn in over this picture's colormap (0xRRGGBB)
     * @param emptyOverlays why overlays asked for draw nothing ("" when each draws something)
     */
    public record Picture(ArgbImage image, ColorScale scale, Map<OverlayKind, ArgbImage> overlays,
            Map<OverlayKind, Integer> overlayColors, String emptyOverlays) {
    }

    /** "int 3, group 2". */
    public String where() {
        return "int " + (a.integration() + 1) + ", group " + (a.group() + 1);
    }

    /** The picture of the main view: A (the difference in difference mode), or B while blink shows B. */
    public Picture mainPicture(boolean blinkShowsB) {
        return mode == CompareMode.BLINK && blinkShowsB ? pictureB : pictureA;
    }

    private String offsetText() {
        return differenceOffset == 0 ? "" : String.format(java.util.Locale.ROOT, " (median %.1f DN removed)",
                differenceOffset);
    }

    /** The main view's caption. */
    public String caption(boolean blinkShowsB) {
        return switch (mode) {
            case SIDE_BY_SIDE -> "A: " + a.label() + "  " + where();
            case BLINK -> (blinkShowsB ? "B: " + b.label() : "A: " + a.label()) + "  " + where();
            case DIFFERENCE -> a.label() + " - " + b.label() + offsetText() + "  " + where();
            case SINGLE -> a.label() + "  " + where();
        };
    }

    /** The second view's caption (side by side). */
    public String captionB() {
        return "B: " + b.label();
    }

    /** What the main colour bar is the scale of. */
    public String colorbarTitle(boolean blinkShowsB) {
        return switch (mode) {
            case DIFFERENCE -> differenceOffset != 0 ? "A - B - median(A - B) (DN; its median "
                    + String.format(java.util.Locale.ROOT, "%.1f", differenceOffset) + " DN taken out)"
                    : "A - B (DN; diverging, symmetric about 0)";
            case SIDE_BY_SIDE, BLINK -> sharedScale ? "One scale for A (" + a.label() + ") and B (" + b.label()
                    + "), DN  " + where() : caption(blinkShowsB) + " (DN)";
            case SINGLE -> caption(blinkShowsB) + " (DN)";
        };
    }

    /** True when B has its own colour bar (side by side, each stage on its own scale). */
    public boolean ownScaleForB() {
        return mode == CompareMode.SIDE_BY_SIDE && !sharedScale;
    }

    public String colorbarTitleB() {
        return "B: " + b.label() + "  " + where() + " (DN)";
    }

    /**
     * The read-out of pixel p: positions, the value shown and the DQ of the stage it was read from (B
     * for the second view or while blink shows B). Null when p lies outside the frame.
     */
    public String readout(PixelPosition p, boolean fromViewB, boolean blinkShowsB) {
        StageFrame frame = fromViewB || (mode == CompareMode.BLINK && blinkShowsB) ? b : a;
        if (p == null || frame == null || p.x() < 0 || p.y() < 0 || p.x() >= frame.nx() || p.y() >= frame.ny()) {
            return null;
        }
        int i = frame.index(p.x(), p.y());
        float value = difference != null ? difference[i] : frame.values()[i];
        PixelReadout r = new PixelReadout(p.x(), p.y(), metadata.window(), metadata.orientation(), value,
                frame.pixelDq()[i], frame.groupDq(p.x(), p.y()));
        return (difference != null ? "A-B  " : "") + r.text();
    }

    /**
     * The frame as shown, as a figure with its caption and the numbers behind it (PNG and CSV export).
     *
     * @param originAtBottom row 0 drawn at the bottom, as the window shows it
     */
    public PlotResult figure(boolean blinkShowsB, boolean originAtBottom) {
        StageFrame frame = mode == CompareMode.BLINK && blinkShowsB ? b : a;
        float[] values = difference != null ? difference : frame.values();
        String stageText = difference != null ? a.label() + " - " + b.label() : frame.label();
        boolean isDifference = difference != null;
        FitsImage image = new FitsImage(values, frame.ny(), frame.nx(), FitsImage.describe(
                isDifference ? "difference" : "frame", frame.file(), metadata, frame.integration() + 1,
                frame.group() + 1, "DN", stageText, frame.applied(), isDifference ? b.applied() : null));
        // the picture is drawn as the view shows it (a difference without its median, on the view's scale);
        // the numbers (CSV, FITS) are A - B itself
        float[] drawn = values;
        if (isDifference && differenceOffset != 0) {
            drawn = new float[values.length];
            for (int k = 0; k < values.length; k++) {
                drawn[k] = (float) (values[k] - differenceOffset);
            }
        }
        String shownText = stageText + (isDifference ? offsetText() : "");
        return new PlotResult(
                Figure.of(isDifference ? "difference" : "frame", ImageCharts.frame(exposureName + ": " + shownText,
                        drawn, frame.ny(), frame.nx(), mainPicture(blinkShowsB).scale().renderer(),
                        isDifference ? "difference (DN)" : "DN", // short: a strip's bar is ~100 px high
                        originAtBottom)),
                new Caption(exposureName, frame.integration() + 1, frame.group() + 1, shownText),
                PlotTables.frame(values, frame.ny(), frame.nx()), image);
    }
}
