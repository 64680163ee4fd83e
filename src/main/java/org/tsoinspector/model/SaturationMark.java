package org.tsoinspector.model;

/**
 * Groups marked saturated by hand, as the notebook does with {@code groupdq[0, 2:, 123, 123] = 2}:
 * pixels x0..x1, y0..y1 (inclusive, 0-based) of one integration (0-based exposure index, or -1 for
 * every integration) from group {@code fromGroup} (0-based) to the last.
 */
public record SaturationMark(int integration, int x0, int y0, int x1, int y1, int fromGroup) {

    public SaturationMark {
        if (x1 < x0 || y1 < y0 || fromGroup < 0) {
            throw new IllegalArgumentException("empty mark: x " + x0 + ".." + x1 + ", y " + y0 + ".." + y1
                    + ", from group " + (fromGroup + 1));
        }
    }

    public boolean appliesTo(int exposureIntegration) {
        return integration < 0 || integration == exposureIntegration;
    }

    public String describe() {
        String where = x0 == x1 && y0 == y1 ? "pixel x " + x0 + " y " + y0
                : "x " + x0 + ".." + x1 + ", y " + y0 + ".." + y1;
        return where + ", groups " + (fromGroup + 1) + "+, "
                + (integration < 0 ? "every integration" : "integration " + (integration + 1));
    }
}
