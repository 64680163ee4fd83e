package org.tsoinspector.app;

import org.tsoinspector.render.ArgbImage;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** An ARGB picture the size of the frame, drawn over it at its own opacity (an overlay or the frame itself). */
final class ImageLayer {

    private WritableImage image;
    private double opacity = 1;
    /** The pixels as set, kept for a mask's shrunk copies (null for the frame itself, which is not shrunk). */
    private ArgbImage pixels;
    private int pooledFactor;
    private WritableImage pooled;

    /** Replaces the pixels; the array is copied into the image, so the caller may reuse it. */
    void setPixels(int width, int height, int[] argb) {
        image = write(image, width, height, argb);
        pixels = null;
        pooled = null;
    }

    /**
     * Replaces the pixels of a mask: zoomed out it is drawn from {@link #pooled} copies, so that no set
     * pixel is lost between screen pixels.
     */
    void setMask(ArgbImage mask) {
        setPixels(mask.width(), mask.height(), mask.argb());
        pixels = mask;
    }

    /** The mask shrunk by a whole factor, each pixel the most opaque of its block (cached for one factor). */
    WritableImage pooled(int factor) {
        if (pixels == null || factor <= 1) {
            return image;
        }
        if (pooled == null || pooledFactor != factor) {
            ArgbImage p = pixels.maxPooled(factor);
            pooled = write(null, p.width(), p.height(), p.argb());
            pooledFactor = factor;
        }
        return pooled;
    }

    private static WritableImage write(WritableImage into, int width, int height, int[] argb) {
        WritableImage img = into;
        if (img == null || (int) img.getWidth() != width || (int) img.getHeight() != height) {
            img = new WritableImage(width, height);
        }
        img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return img;
    }

    void clear() {
        image = null;
        pixels = null;
        pooled = null;
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
