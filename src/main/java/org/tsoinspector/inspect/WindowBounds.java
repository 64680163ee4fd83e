package org.tsoinspector.inspect;

/**
 * Where the window opens: the remembered place and size when it still fits the screen it opens on,
 * moved and shrunk into it when not (a smaller screen, a monitor unplugged), and on a first start a size
 * taken from the screen (at most 1360 x 860, at least what the screen allows), centred. The whole
 * window, status bar included, is then on screen.
 *
 * @param x the left edge in screen coordinates (NaN: not remembered yet)
 */
public record WindowBounds(double x, double y, double width, double height) {

    /** The largest first-start size: the layout's natural size. */
    static final double PREFERRED_WIDTH = 1360;
    static final double PREFERRED_HEIGHT = 860;

    /** What a first start has: nothing remembered. */
    public static final WindowBounds NONE = new WindowBounds(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /**
     * The bounds to open with on a screen whose usable area (without task bars) is the given rectangle.
     */
    public WindowBounds fitInto(double screenX, double screenY, double screenWidth, double screenHeight) {
        double w = Double.isNaN(width) ? Math.floor(Math.min(PREFERRED_WIDTH, 0.92 * screenWidth))
                : Math.min(width, screenWidth);
        double h = Double.isNaN(height) ? Math.floor(Math.min(PREFERRED_HEIGHT, 0.92 * screenHeight))
                : Math.min(height, screenHeight);
        double left = Double.isNaN(x) ? screenX + Math.floor((screenWidth - w) / 2) : x;
        double top = Double.isNaN(y) ? screenY + Math.floor((screenHeight - h) / 2) : y;
        left = Math.max(screenX, Math.min(left, screenX + screenWidth - w));
        top = Math.max(screenY, Math.min(top, screenY + screenHeight - h));
        return new WindowBounds(left, top, w, h);
    }
}
