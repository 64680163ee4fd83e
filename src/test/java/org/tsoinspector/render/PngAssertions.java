package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks shared by the tests that write PNGs: the requested size, real content, normal permissions. */
public final class PngAssertions {

    private PngAssertions() {
    }

    /** The file is a PNG of exactly w x h with many colours and a fair share of non-white pixels, mode 0644. */
    public static void assertNonBlankPng(Path png, int w, int h) throws Exception {
        assertTrue(Files.size(png) > 0, png + " is empty");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(w, img.getWidth(), png + " width");
        assertEquals(h, img.getHeight(), png + " height");
        Set<Integer> colors = new HashSet<>();
        int nonWhite = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                int c = img.getRGB(x, y) & 0xFFFFFF;
                colors.add(c);
                nonWhite += c == 0xFFFFFF ? 0 : 1;
            }
        }
        assertTrue(colors.size() > 20, png + " has only " + colors.size() + " colours");
        assertTrue(nonWhite > w * h / 4 / 50, png + " is nearly blank");
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(png));
    }
}
