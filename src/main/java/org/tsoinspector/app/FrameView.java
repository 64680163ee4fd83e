package org.tsoinspector.app;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.tsoinspector.render.ArgbImage;
import org.tsoinspector.inspect.PixelPosition;

/**
 * One frame on a canvas: the rendered picture (nearest-neighbour, so pixels stay crisp at any zoom),
 * its overlays, a crosshair and a caption. Scroll zooms about the cursor, drag pans, a click sets the
 * crosshair. Zoom, pan and crosshair live in shared objects so two views can be locked together.
 */
public final class FrameView extends Region {

    private static final double ZOOM_STEP = 1.25;
    private static final double CLICK_SLOP = 3;

    private final Canvas canvas = new Canvas();
    private final ImageLayer frame = new ImageLayer();
    private final List<ImageLayer> overlays = new ArrayList<>();
    private ViewPort viewPort;
    private ObjectProperty<PixelPosition> crosshair;
    private final ObjectProperty<PixelPosition> hovered = new SimpleObjectProperty<>();
    private int imageWidth;
    private int imageHeight;
    private String caption = "";
    /** A second line under the caption: why an overlay shows nothing. */
    private String note = "";
    private String placeholder = "";
    private Point2D pressAt;
    private Point2D lastDrag;
    private boolean fitPending = true;
    private MouseButton pressButton;
    /** DS9 and jdaviz draw pixel (0, 0) at the lower left: row 0 at the bottom of the view. */
    private boolean originAtBottom = true;
    /** DS9's magnifier: the pixels about the cursor, enlarged, in a corner of the view. */
    private boolean magnifier = true;
    private double hoverScreenX;
    static final int MAGNIFICATION = 8;
    private ContrastDrag contrastDrag = (fx, fy, start) -> { };
    private java.util.function.BiConsumer<Double, Double> menu = (x, y) -> { };

    public FrameView(ViewPort viewPort, ObjectProperty<PixelPosition> crosshair) {
        getStyleClass().add("frame-view");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(50, 50);
        bind(viewPort, crosshair);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hovered.set(null));
        hovered.addListener((o, a, b) -> {
            if (magnifier) {
                redraw();
            }
        });
    }

    /** Shows or hides the magnifier (View > Magnifier). */
    public void setMagnifier(boolean on) {
        magnifier = on;
        redraw();
    }

    /** True when the magnifier is drawn now: switched on, a picture shown and the mouse over it (tests). */
    boolean magnifierShown() {
        return magnifier && hovered.get() != null && frame.visible();
    }

    private void bind(ViewPort port, ObjectProperty<PixelPosition> cross) {
        this.viewPort = port;
        this.crosshair = cross;
        port.scaleProperty().addListener((o, a, b) -> redraw());
        port.offsetXProperty().addListener((o, a, b) -> redraw());
        port.offsetYProperty().addListener((o, a, b) -> redraw());
        cross.addListener((o, a, b) -> redraw());
    }

    public ViewPort viewPort() {
        return viewPort;
    }

    /** The pixel under the mouse, or null when the mouse is outside the frame. */
    public ObjectProperty<PixelPosition> hoveredProperty() {
        return hovered;
    }

    public ObjectProperty<PixelPosition> crosshairProperty() {
        return crosshair;
    }

    /**
     * Draws row 0 at the bottom (true, DS9's habit) or at the top; positions, the crosshair and the
     * read-out stay in the data's coordinates either way. Takes effect with the next pictures set.
     */
    public void setOriginAtBottom(boolean bottom) {
        originAtBottom = bottom;
    }

    public boolean originAtBottom() {
        return originAtBottom;
    }

    /** The rows in the order they are drawn, top first: reversed when row 0 is drawn at the bottom. */
    private int[] displayed(int width, int height, int[] argb) {
        if (!originAtBottom) {
            return argb;
        }
        int[] out = new int[argb.length];
        for (int y = 0; y < height; y++) {
            System.arraycopy(argb, y * width, out, (height - 1 - y) * width, width);
        }
        return out;
    }

    /** The view row of a data row (they differ when row 0 is drawn at the bottom). */
    private double displayRow(double dataRow) {
        return originAtBottom ? imageHeight - dataRow : dataRow;
    }

    /** Where the centre of data pixel (x, y) is on the screen, in this view's coordinates. */
    public Point2D screenPointOf(int x, int y) {
        return new Point2D(viewPort.screenX(x + 0.5), viewPort.screenY(displayRow(y + 0.5)));
    }

    /** Pans so that data pixel p is at the centre of the view (the zoom stays). */
    public void centreOn(PixelPosition p) {
        Point2D at = screenPointOf(p.x(), p.y());
        viewPort.panBy(getWidth() / 2 - at.getX(), getHeight() / 2 - at.getY());
    }

    /** Shows a rendered frame; the first frame of a new size is fitted to the view. */
    public void setFrame(int width, int height, int[] argb, String caption) {
        boolean newSize = width != imageWidth || height != imageHeight;
        imageWidth = width;
        imageHeight = height;
        frame.setPixels(width, height, displayed(width, height, argb));
        this.caption = caption;
        this.placeholder = "";
        if (newSize) {
            fitPending = true;
            requestLayout();
        }
        redraw();
    }

    /** Clears the picture and shows a line of text instead (e.g. while the first frame loads). */
    public void showPlaceholder(String text) {
        frame.clear();
        overlays.forEach(ImageLayer::clear);
        imageWidth = 0;
        imageHeight = 0;
        placeholder = text;
        caption = "";
        redraw();
    }

    public String caption() {
        return caption;
    }

    /** Shows a line under the caption ("" for none). */
    public void setNote(String text) {
        note = text == null ? "" : text;
        redraw();
    }

    public String note() {
        return note;
    }

    public int imageWidth() {
        return imageWidth;
    }

    public int imageHeight() {
        return imageHeight;
    }

    /** Sets overlay layer index (layers draw in index order); null hides it. */
    public void setOverlay(int index, ArgbImage image, double opacity) {
        while (overlays.size() <= index) {
            overlays.add(new ImageLayer());
        }
        ImageLayer layer = overlays.get(index);
        if (image == null) {
            layer.clear();
        } else {
            layer.setMask(new ArgbImage(image.width(), image.height(),
                    displayed(image.width(), image.height(), image.argb())));
            layer.setOpacity(opacity);
        }
    }

    /** Changes an overlay's opacity without touching its pixels. */
    public void setOverlayOpacity(int index, double opacity) {
        if (index < overlays.size()) {
            overlays.get(index).setOpacity(opacity);
            redraw();
        }
    }

    /** True when overlay layer index holds a picture (tests). */
    public boolean hasOverlay(int index) {
        return index < overlays.size() && overlays.get(index).visible();
    }

    /** True when overlay layer index paints data pixel (x, y) (tests). */
    boolean overlayCovers(int index, int x, int y) {
        int row = originAtBottom ? imageHeight - 1 - y : y;
        return hasOverlay(index) && overlays.get(index).image().getPixelReader().getArgb(x, row) >>> 24 != 0;
    }

    /**
     * Fits the frame at the next layout, when the view has its new size: after a change of arrangement
     * (side by side and back), fitting at once used the old size and left the frame half-panned.
     */
    public void fitAtNextLayout() {
        fitPending = true;
        requestLayout();
    }

    public void fitToWindow() {
        viewPort.fit(imageWidth, imageHeight, getWidth(), getHeight());
    }

    public void actualSize() {
        viewPort.actualSize(getWidth(), getHeight());
    }

    /** Zooms by one step about the view centre (keyboard + and -). */
    public void zoomStep(boolean in) {
        viewPort.zoomAbout(getWidth() / 2, getHeight() / 2, in ? ZOOM_STEP : 1 / ZOOM_STEP);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        if (fitPending && imageWidth > 0 && w > 0 && h > 0) {
            fitPending = false;
            fitToWindow();
        }
        redraw();
    }

    /** Repaints from the layers already held; cheap, so it runs on every zoom or pan event. */
    public void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.setGlobalAlpha(1);
        gc.setFill(Color.rgb(40, 40, 44));
        gc.fillRect(0, 0, w, h);
        if (frame.image() == null) {
            gc.setFill(Color.rgb(200, 200, 200));
            gc.setFont(Font.font(14));
            gc.fillText(placeholder, 16, 28);
            return;
        }
        gc.setImageSmoothing(false);
        drawLayer(gc, frame, w, h);
        for (ImageLayer layer : overlays) {
            if (layer.visible()) {
                drawMask(gc, layer, w, h);
            }
        }
        gc.setGlobalAlpha(1);
        drawCrosshair(gc, w, h);
        drawMagnifier(gc, w, h);
        drawZoom(gc, w);
        if (!caption.isEmpty()) {
            gc.setFont(Font.font(13));
            gc.setFill(Color.rgb(0, 0, 0, 0.55));
            gc.fillRect(4, 4, caption.length() * 7.2 + 12, 22);
            gc.setFill(Color.WHITE);
            gc.fillText(caption, 10, 20);
        }
        if (!note.isEmpty()) {
            gc.setFont(Font.font(12));
            gc.setFill(Color.rgb(0, 0, 0, 0.55));
            gc.fillRect(4, 28, note.length() * 6.6 + 12, 20);
            gc.setFill(Color.rgb(255, 220, 120));
            gc.fillText(note, 10, 42);
        }
    }

    /**
     * The whole factor a mask is shrunk by before it is drawn at this zoom: 1 at zoom 1 and above, else
     * enough image pixels per block that a block is at least one screen pixel.
     */
    int maskPoolFactor() {
        double s = viewPort.scale();
        return s >= 1 ? 1 : (int) Math.ceil(1 / s - 1e-9);
    }

    /** A mask: as it is at zoom 1 and above; zoomed out, its max-pooled copy, so no set pixel disappears. */
    private void drawMask(GraphicsContext gc, ImageLayer layer, double w, double h) {
        int k = maskPoolFactor();
        if (k == 1) {
            drawLayer(gc, layer, w, h);
            return;
        }
        double s = viewPort.scale();
        double x0 = Math.max(0, Math.floor(viewPort.imageX(0) / k));
        double y0 = Math.max(0, Math.floor(viewPort.imageY(0) / k));
        WritableImage pooled = layer.pooled(k);
        double x1 = Math.min(pooled.getWidth(), Math.ceil(viewPort.imageX(w) / k));
        double y1 = Math.min(pooled.getHeight(), Math.ceil(viewPort.imageY(h) / k));
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        gc.setGlobalAlpha(layer.opacity());
        gc.drawImage(pooled, x0, y0, x1 - x0, y1 - y0, viewPort.screenX(x0 * k), viewPort.screenY(y0 * k),
                (x1 - x0) * k * s, (y1 - y0) * k * s);
    }

    /** True when overlay layer index paints data pixel (x, y) at the current zoom (tests). */
    boolean overlayShownAt(int index, int x, int y) {
        if (!hasOverlay(index)) {
            return false;
        }
        int row = originAtBottom ? imageHeight - 1 - y : y;
        int k = maskPoolFactor();
        return overlays.get(index).pooled(k).getPixelReader().getArgb(x / k, row / k) >>> 24 != 0;
    }

    /** Draws only the visible part of the layer, so a deep zoom does not scale the whole image. */
    private void drawLayer(GraphicsContext gc, ImageLayer layer, double w, double h) {
        double s = viewPort.scale();
        double x0 = Math.max(0, Math.floor(viewPort.imageX(0)));
        double y0 = Math.max(0, Math.floor(viewPort.imageY(0)));
        double x1 = Math.min(imageWidth, Math.ceil(viewPort.imageX(w)));
        double y1 = Math.min(imageHeight, Math.ceil(viewPort.imageY(h)));
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        gc.setGlobalAlpha(layer.opacity());
        gc.drawImage(layer.image(), x0, y0, x1 - x0, y1 - y0,
                viewPort.screenX(x0), viewPort.screenY(y0), (x1 - x0) * s, (y1 - y0) * s);
    }

    /**
     * The magnifier: the image pixels about the hovered one, each {@link #MAGNIFICATION} screen pixels
     * wide, with the overlays as they are and the hovered pixel boxed; in the bottom corner away from
     * the cursor, so it never hides what it magnifies.
     */
    private void drawMagnifier(GraphicsContext gc, double w, double h) {
        PixelPosition p = hovered.get();
        // half the view's height, 96 to 160 screen pixels: a short strip view keeps most of the frame in sight
        int size = Math.max(96, Math.min(160, (int) (h / 2))) / MAGNIFICATION * MAGNIFICATION;
        if (!magnifier || p == null || !frame.visible() || w < 3 * size || h < size + 16) {
            return;
        }
        int span = size / MAGNIFICATION;
        double left = hoverScreenX > w / 2 ? 8 : w - size - 8;
        double top = h - size - 8;
        int row = originAtBottom ? imageHeight - 1 - p.y() : p.y();
        int sx = p.x() - span / 2;
        int sy = row - span / 2;
        gc.setGlobalAlpha(1);
        gc.setFill(Color.rgb(20, 20, 22));
        gc.fillRect(left, top, size, size);
        // only the part of the block that lies on the image; the rest stays the background colour
        int x0 = Math.max(0, sx);
        int y0 = Math.max(0, sy);
        int x1 = Math.min(imageWidth, sx + span);
        int y1 = Math.min(imageHeight, sy + span);
        if (x1 > x0 && y1 > y0) {
            double dx = left + (x0 - sx) * MAGNIFICATION;
            double dy = top + (y0 - sy) * MAGNIFICATION;
            double dw = (x1 - x0) * MAGNIFICATION;
            double dh = (y1 - y0) * MAGNIFICATION;
            gc.drawImage(frame.image(), x0, y0, x1 - x0, y1 - y0, dx, dy, dw, dh);
            for (ImageLayer layer : overlays) {
                if (layer.visible()) {
                    gc.setGlobalAlpha(layer.opacity());
                    gc.drawImage(layer.image(), x0, y0, x1 - x0, y1 - y0, dx, dy, dw, dh);
                }
            }
            gc.setGlobalAlpha(1);
        }
        gc.setStroke(Color.rgb(0, 255, 140, 0.9));
        gc.setLineWidth(1);
        gc.strokeRect(left + (span / 2) * MAGNIFICATION + 0.5, top + (span / 2) * MAGNIFICATION + 0.5,
                MAGNIFICATION - 1, MAGNIFICATION - 1);
        gc.setStroke(Color.rgb(200, 200, 200));
        gc.strokeRect(left + 0.5, top + 0.5, size - 1, size - 1);
    }

    /** The zoom factor in the top right corner, as DS9 shows it: screen pixels per image pixel. */
    private void drawZoom(GraphicsContext gc, double w) {
        String text = zoomText();
        gc.setFont(Font.font(12));
        gc.setFill(Color.rgb(0, 0, 0, 0.55));
        gc.fillRect(w - 96, 4, 92, 20);
        gc.setFill(Color.WHITE);
        gc.fillText(text, w - 90, 18);
    }

    /** The zoom factor as drawn: "zoom 4" (4 screen pixels per image pixel) or "zoom 1/2.38". */
    String zoomText() {
        double s = viewPort.scale();
        return s >= 1 ? String.format(java.util.Locale.ROOT, "zoom %.3g", s)
                : String.format(java.util.Locale.ROOT, "zoom 1/%.3g", 1 / s);
    }

    private void drawCrosshair(GraphicsContext gc, double w, double h) {
        PixelPosition c = crosshair.get();
        if (c == null) {
            return;
        }
        double cx = viewPort.screenX(c.x() + 0.5);
        double cy = viewPort.screenY(displayRow(c.y() + 0.5));
        gc.setStroke(Color.rgb(0, 255, 140, 0.85));
        gc.setLineWidth(1);
        gc.strokeLine(0, Math.round(cy) + 0.5, w, Math.round(cy) + 0.5);
        gc.strokeLine(Math.round(cx) + 0.5, 0, Math.round(cx) + 0.5, h);
        double box = Math.max(viewPort.scale(), 6);
        gc.strokeRect(cx - box / 2, cy - box / 2, box, box);
    }

    private PixelPosition pixelAt(double sx, double sy) {
        if (imageWidth == 0) {
            return null;
        }
        int x = (int) Math.floor(viewPort.imageX(sx));
        int row = (int) Math.floor(viewPort.imageY(sy));
        int y = originAtBottom ? imageHeight - 1 - row : row;
        return x >= 0 && y >= 0 && x < imageWidth && y < imageHeight ? new PixelPosition(x, y) : null;
    }

    private void hoverAt(double sx, double sy) {
        hoverScreenX = sx;
        hovered.set(pixelAt(sx, sy));
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        viewPort.zoomAbout(e.getX(), e.getY(), e.getDeltaY() > 0 ? ZOOM_STEP : 1 / ZOOM_STEP);
        e.consume();
    }

    /**
     * DS9's right-button drag: called with the drag so far as fractions of the view (x: bias, y:
     * contrast) and whether it is the first event of the drag.
     */
    public void setOnContrastDrag(ContrastDrag handler) {
        this.contrastDrag = handler;
    }

    /** A right click without drag: the context menu, at these screen coordinates. */
    public void setOnMenu(java.util.function.BiConsumer<Double, Double> handler) {
        this.menu = handler;
    }

    /** Receives a right-button drag. */
    @FunctionalInterface
    public interface ContrastDrag {
        void dragged(double fractionX, double fractionY, boolean start);
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        pressAt = new Point2D(e.getX(), e.getY());
        lastDrag = pressAt;
        pressButton = e.getButton();
        if (e.getButton() == MouseButton.MIDDLE) {
            // DS9: the middle button centres the view on the point clicked
            viewPort.panBy(getWidth() / 2 - e.getX(), getHeight() / 2 - e.getY());
        }
    }

    private void onDragged(MouseEvent e) {
        if (lastDrag == null) {
            return;
        }
        if (pressButton == MouseButton.SECONDARY) {
            double fx = (e.getX() - pressAt.getX()) / Math.max(1, getWidth());
            double fy = (e.getY() - pressAt.getY()) / Math.max(1, getHeight());
            contrastDrag.dragged(fx, fy, lastDrag == pressAt);
        } else {
            viewPort.panBy(e.getX() - lastDrag.getX(), e.getY() - lastDrag.getY());
        }
        lastDrag = new Point2D(e.getX(), e.getY());
        hoverAt(e.getX(), e.getY());
    }

    private void onReleased(MouseEvent e) {
        boolean click = pressAt != null && pressAt.distance(e.getX(), e.getY()) <= CLICK_SLOP;
        if (click && e.getButton() == MouseButton.PRIMARY) {
            PixelPosition p = pixelAt(e.getX(), e.getY());
            if (p != null) {
                crosshair.set(p);
            }
        } else if (click && e.getButton() == MouseButton.SECONDARY) {
            menu.accept(e.getScreenX(), e.getScreenY());
        }
        pressAt = null;
        lastDrag = null;
    }
}
