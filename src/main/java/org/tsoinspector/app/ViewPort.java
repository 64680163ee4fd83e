package org.tsoinspector.app;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Where an image sits on screen: screen = image * scale + offset. Two frame views that share one
 * view port zoom and pan together (the locked side-by-side comparison).
 */
public final class ViewPort {

    static final double MIN_SCALE = 1.0 / 64;
    static final double MAX_SCALE = 128;

    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final DoubleProperty offsetX = new SimpleDoubleProperty(0);
    private final DoubleProperty offsetY = new SimpleDoubleProperty(0);

    public DoubleProperty scaleProperty() {
        return scale;
    }

    public DoubleProperty offsetXProperty() {
        return offsetX;
    }

    public DoubleProperty offsetYProperty() {
        return offsetY;
    }

    public double scale() {
        return scale.get();
    }

    /** Image x (in pixels, fractional) under screen x. */
    public double imageX(double screenX) {
        return (screenX - offsetX.get()) / scale.get();
    }

    public double imageY(double screenY) {
        return (screenY - offsetY.get()) / scale.get();
    }

    public double screenX(double imageX) {
        return imageX * scale.get() + offsetX.get();
    }

    public double screenY(double imageY) {
        return imageY * scale.get() + offsetY.get();
    }

    /** Multiplies the scale by factor keeping the image point under (screenX, screenY) in place. */
    public void zoomAbout(double screenX, double screenY, double factor) {
        double newScale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale.get() * factor));
        double ix = imageX(screenX);
        double iy = imageY(screenY);
        scale.set(newScale);
        offsetX.set(screenX - ix * newScale);
        offsetY.set(screenY - iy * newScale);
    }

    public void panBy(double dx, double dy) {
        offsetX.set(offsetX.get() + dx);
        offsetY.set(offsetY.get() + dy);
    }

    /** Whole image visible and centred in a view of the given size. */
    public void fit(int imageWidth, int imageHeight, double viewWidth, double viewHeight) {
        if (imageWidth <= 0 || imageHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            return;
        }
        double s = Math.min(viewWidth / imageWidth, viewHeight / imageHeight);
        s = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
        scale.set(s);
        offsetX.set((viewWidth - imageWidth * s) / 2);
        offsetY.set((viewHeight - imageHeight * s) / 2);
    }

    /** One image pixel per screen pixel, keeping the point at the view centre in place. */
    public void actualSize(double viewWidth, double viewHeight) {
        zoomAbout(viewWidth / 2, viewHeight / 2, 1 / scale.get());
    }
}
