package org.tsoinspector.inspect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A pixel of the shown frame: 0-based column x and row y in the file's (subarray) array. */
public record PixelPosition(int x, int y) {

    private static final Pattern TYPED = Pattern.compile("\\s*\\(?\\s*(-?\\d+)\\s*[, ]\\s*(-?\\d+)\\s*\\)?\\s*");

    /**
     * A pixel as a user types it to go there: "x, y", "x y" or "(x, y)", from 0 like the read-out.
     *
     * @throws IllegalArgumentException in one sentence when it is not two whole numbers inside the frame
     */
    public static PixelPosition parse(String typed, int nx, int ny) {
        Matcher m = TYPED.matcher(typed);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + typed.strip() + "' is not a pixel: type x, y (whole numbers"
                    + " from 0, as the read-out shows them)");
        }
        int x = Integer.parseInt(m.group(1));
        int y = Integer.parseInt(m.group(2));
        if (x < 0 || y < 0 || x >= nx || y >= ny) {
            throw new IllegalArgumentException("pixel (" + x + ", " + y + ") is outside the frame: x runs 0.."
                    + (nx - 1) + ", y 0.." + (ny - 1));
        }
        return new PixelPosition(x, y);
    }
}
