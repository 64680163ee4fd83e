package org.tsoinspector.app;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** An ARGB picture the size of the frame, drawn over it at its own opacity (an overlay or the frame itself). */
final class ImageLayer {

    private WritableImage image;
    private double opacity = 1;

    /** Replaces the pixels; the array is copied into the image, so the caller may reuse it. */
    void setPixels(int width, int height, int[] argb) {
        if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
            image = new WritableImage(width, height);
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
    }

    void clear() {
        image = null;
    }

    WritableImage image() {
        return image;
    }

    double opacity() {
        return opacity;
    }

    void setOpacity(double opacity) {
        this.opacity = opacity;
    }

    boolean visible() {
        return image != null;
    }
}
