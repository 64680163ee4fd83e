package org.tsoinspector.render;

import org.tsoinspector.io.OutputFile;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Saves figures as PNG files of a chosen size, with their caption. */
public final class PngExport {

    private PngExport() {
    }

    /** Draws the figure at width x height and writes it to target (replaced only when complete). */
    public static void write(Figure figure, Caption caption, int width, int height, Path target) throws IOException {
        write(FigureImage.draw(figure, caption, width, height), target);
    }

    /** Writes an image as PNG (replaced only when complete). */
    public static void write(BufferedImage image, Path target) throws IOException {
        OutputFile.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
