package org.tsoinspector.app;

import org.tsoinspector.analysis.Region;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ContextMenu;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tsoinspector.inspect.CompareMode;
import org.tsoinspector.inspect.FrameAnswer;
import org.tsoinspector.inspect.OverlayKind;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.inspect.PlotResult;
import org.tsoinspector.render.DisplayRange;

/**
 * The frame part of the window: view A (and B side by side) with zoom, pan and crosshair locked, the
 * colour bars and the integration and group sliders. It paints a {@link FrameAnswer} as a whole and
 * reads the hovered pixel out of the answer on screen, so the read-out never describes an older picture.
 */
final class FrameArea extends BorderPane {

    private final ViewPort viewPort = new ViewPort();
    private final ObjectProperty<PixelPosition> crosshair = new SimpleObjectProperty<>();
    private final FrameView viewA = new FrameView(viewPort, crosshair);
    private final FrameView viewB = new FrameView(viewPort, crosshair);
    private final BorderPane viewBox = new BorderPane();
    private final ColorbarView colorbar = new ColorbarView();
    /** Stage B's own colour bar: side by side with a scale per stage. */
    private final ColorbarView colorbarB = new ColorbarView();
    private final NavigationBar navigation = new NavigationBar();
    private final OverlayPanel overlays;
    private final Consumer<String> readoutSink;
    private FrameAnswer shown;
    private CompareMode mode = CompareMode.SINGLE;
    private boolean blinkShowsB;
    /** The pixels under the mouse, so the read-out follows a new picture without a mouse move. */
    private PixelPosition hoveredA;
    private PixelPosition hoveredB;
    private DisplayRange dragStartRange;

    /**
     * @param overlays    whose opacities the overlay masks are drawn with
     * @param readoutSink receives the read-out line ("" when no pixel is hovered)
     */
    FrameArea(OverlayPanel overlays, Consumer<String> readoutSink) {
        this.overlays = overlays;
        this.readoutSink = readoutSink;
        overlays.setOnOpacityChanged(this::overlayOpacityChanged);
        viewA.setId("view-a");
        viewB.setId("view-b");
        viewA.setPrefSize(600, 200);
        viewB.setPrefSize(600, 200);
        colorbarB.setId("colorbar-b");
        showColorbarB(false);
        setCenter(viewBox);
        setBottom(new VBox(colorbar, colorbarB, navigation));
        arrange(CompareMode.SINGLE);
        viewA.showPlaceholder("Open a segment: File > Open, or drop *_uncal.fits files here.");
        viewA.hoveredProperty().addListener((o, a, b) -> {
            hoveredA = b;
            showReadout();
        });
        viewB.hoveredProperty().addListener((o, a, b) -> {
            hoveredB = b;
            showReadout();
        });
    }

    /** Keys go to the frame first (the window's shortcuts act on it). */
    @Override
    public void requestFocus() {
        viewA.requestFocus();
    }

    NavigationBar navigation() {
        return navigation;
    }

    ObjectProperty<PixelPosition> crosshair() {
        return crosshair;
    }

    /** The answer on screen, or null. */
    FrameAnswer shown() {
        return shown;
    }

    /** The frame as shown (stage A, B while blinking, or the difference) as a figure, or null before one. */
    BackgroundJob<PlotResult> figureJob() {
        FrameAnswer f = shown;
        boolean showsB = blinkShowsB;
        boolean bottom = viewA.originAtBottom(); // the export is drawn the way the view shows it
        return f == null ? null : m -> f.figure(showsB, bottom);
    }

    /** The frame context menu and DS9's right-drag contrast (it calls back with the new range). */
    void wire(ContextMenu menu, Consumer<DisplayRange> onContrast) {
        for (FrameView v : List.of(viewA, viewB)) {
            v.setOnMenu((x, y) -> menu.show(v, x, y));
            v.setOnContrastDrag((fx, fy, start) -> contrastDrag(fx, fy, start, onContrast));
        }
    }

    /**
     * One view, or two for side by side: one above the other for frames much wider than tall (a SOSS
     * strip), else left and right, so each keeps as many screen pixels as possible.
     */
    void arrange(CompareMode m) {
        mode = m;
        blinkShowsB = false;
        if (m != CompareMode.SIDE_BY_SIDE) {
            viewBox.setCenter(viewA);
        } else {
            boolean wide = viewA.imageWidth() > 2 * viewA.imageHeight();
            Pane pair = wide ? new VBox(4, viewA, viewB) : new HBox(4, viewA, viewB);
            for (FrameView v : List.of(viewA, viewB)) {
                HBox.setHgrow(v, Priority.ALWAYS);
                VBox.setVgrow(v, Priority.ALWAYS);
            }
            viewBox.setCenter(pair);
        }
        viewA.fitAtNextLayout();
    }

    void fit() {
        viewA.fitToWindow();
    }

    void actualSize() {
        viewA.actualSize();
    }

    void zoomStep(boolean in) {
        viewA.zoomStep(in);
    }

    /** True while blink shows stage B (tests). */
    boolean blinkShowsB() {
        return blinkShowsB;
    }

    /** Blink: shows the other stage (both pictures are held, nothing is recomputed). */
    void swapBlink() {
        blinkShowsB = !blinkShowsB;
        paint();
    }

    /**
     * The part of the frame in view A, in data rows and columns (the origin flip undone), or null
     * before a frame is shown.
     */
    Region visibleRegion() {
        int w = viewA.imageWidth();
        int h = viewA.imageHeight();
        if (w == 0 || h == 0 || viewA.getWidth() <= 0 || viewA.getHeight() <= 0) {
            return null;
        }
        int x0 = clamp((int) Math.floor(viewPort.imageX(0)), w);
        int x1 = clamp((int) Math.ceil(viewPort.imageX(viewA.getWidth())), w);
        int r0 = clamp((int) Math.floor(viewPort.imageY(0)), h); // displayed rows, top first
        int r1 = clamp((int) Math.ceil(viewPort.imageY(viewA.getHeight())), h);
        if (x1 <= x0 || r1 <= r0) {
            return null;
        }
        return viewA.originAtBottom() ? new Region(h - r1, h - r0, x0, x1) : new Region(r0, r1, x0, x1);
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size, v));
    }

    /** Calls back when zoom or pan changes what is in view. */
    void onViewChanged(Runnable changed) {
        viewPort.scaleProperty().addListener((o, a, b) -> changed.run());
        viewPort.offsetXProperty().addListener((o, a, b) -> changed.run());
        viewPort.offsetYProperty().addListener((o, a, b) -> changed.run());
    }

    /** DS9's magnifier in both views. */
    void setMagnifier(boolean on) {
        viewA.setMagnifier(on);
        viewB.setMagnifier(on);
    }

    /** DS9's lower-left origin, or row 0 at the top; repaints what is shown. */
    void setOriginAtBottom(boolean bottom) {
        viewA.setOriginAtBottom(bottom);
        viewB.setOriginAtBottom(bottom);
        paint();
    }

    boolean originAtBottom() {
        return viewA.originAtBottom();
    }

    /**
     * DS9's arrow keys: the crosshair moves one pixel, up meaning up on the screen whichever way the
     * origin is drawn; it starts from the frame's centre and stays inside the frame.
     */
    void nudgeCrosshair(int dx, int dyUp) {
        FrameAnswer f = shown;
        if (f == null) {
            return;
        }
        PixelPosition c = crosshair.get();
        int nx = f.a().nx();
        int ny = f.a().ny();
        int x = c == null ? nx / 2 : c.x() + dx;
        int y = c == null ? ny / 2 : c.y() + (originAtBottom() ? dyUp : -dyUp);
        crosshair.set(new PixelPosition(Math.max(0, Math.min(nx - 1, x)), Math.max(0, Math.min(ny - 1, y))));
    }

    /** The crosshair on a pixel, the view centred on it. */
    void goTo(PixelPosition p) {
        crosshair.set(p);
        viewA.centreOn(p);
    }

    /** Forgets the picture of an exposure that is being replaced. */
    void clear() {
        shown = null;
        crosshair.set(null);
    }

    /** Shows a new answer; returns the range of the main picture. */
    DisplayRange show(FrameAnswer f) {
        shown = f;
        paint();
        return f.mainPicture(blinkShowsB).scale().range();
    }

    private void paint() {
        FrameAnswer f = shown;
        if (f == null) {
            return;
        }
        FrameAnswer.Picture main = f.mainPicture(blinkShowsB);
        if (f.mode() == CompareMode.SIDE_BY_SIDE) {
            if ((viewA.getParent() instanceof VBox) != (f.a().nx() > 2 * f.a().ny())) {
                viewA.setFrame(f.a().nx(), f.a().ny(), main.image().argb(), "");
                arrange(mode);
            }
            paint(viewB, f.pictureB(), f.captionB());
        }
        paint(viewA, main, f.caption(blinkShowsB));
        colorbar.show(main.scale(), f.colorbarTitle(blinkShowsB));
        showColorbarB(f.ownScaleForB());
        if (f.ownScaleForB()) {
            colorbarB.show(f.pictureB().scale(), f.colorbarTitleB());
        }
        showReadout();
    }

    private void paint(FrameView view, FrameAnswer.Picture p, String caption) {
        for (OverlayKind k : OverlayKind.values()) {
            view.setOverlay(k.ordinal(), p.overlays().get(k), overlays.opacity(k));
        }
        view.setNote(p.emptyOverlays());
        view.setFrame(p.image().width(), p.image().height(), p.image().argb(), caption);
    }

    /** An overlay's opacity changed: no recomputation, the masks are held. */
    private void overlayOpacityChanged() {
        for (OverlayKind k : OverlayKind.values()) {
            viewA.setOverlayOpacity(k.ordinal(), overlays.opacity(k));
            viewB.setOverlayOpacity(k.ordinal(), overlays.opacity(k));
        }
    }

    private void showColorbarB(boolean show) {
        colorbarB.setVisible(show);
        colorbarB.setManaged(show);
    }

    /**
     * DS9's right-button drag: left-right moves the display range (bias), up-down widens or narrows it
     * (contrast), starting from the range on screen when the drag began.
     */
    private void contrastDrag(double fx, double fy, boolean start, Consumer<DisplayRange> onContrast) {
        FrameAnswer f = shown;
        if (f == null) {
            return;
        }
        if (start || dragStartRange == null) {
            dragStartRange = f.pictureA().scale().range();
        }
        double span = dragStartRange.high() - dragStartRange.low();
        double centre = (dragStartRange.low() + dragStartRange.high()) / 2 + fx * span;
        double half = span * Math.exp(2 * fy) / 2;
        onContrast.accept(new DisplayRange(centre - half, centre + half));
    }

    /** The read-out of the pixel under the mouse, from the picture on screen now (never an older one). */
    private void showReadout() {
        FrameAnswer f = shown;
        boolean fromB = hoveredA == null && hoveredB != null;
        String text = f == null ? null : f.readout(fromB ? hoveredB : hoveredA, fromB, blinkShowsB);
        readoutSink.accept(text == null ? "" : text);
    }
}
