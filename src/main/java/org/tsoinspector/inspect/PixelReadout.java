package org.tsoinspector.inspect;

import java.util.Locale;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.SubarrayWindow;

/**
 * The hover read-out of one pixel: its position in the array, on the full frame (DMS) and on the
 * detector's readout frame, its value at the shown stage, and its pixel and group DQ decoded.
 * Coordinates are 0-based like the notebook's numpy indices.
 */
public record PixelReadout(int x, int y, SubarrayWindow window, DetectorOrientation orientation, float value,
        int pixelDq, int groupDq) {

    public int fullFrameX() {
        return window.x0() + x;
    }

    public int fullFrameY() {
        return window.y0() + y;
    }

    /** One line for the status area. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "x %d  y %d", x, y));
        if (window.isSubarray()) {
            sb.append(String.format(Locale.ROOT, "  (full frame x %d  y %d)", fullFrameX(), fullFrameY()));
        }
        if (orientation != null) {
            int n = SubarrayWindow.DETECTOR_SIZE;
            sb.append(String.format(Locale.ROOT, "  detector col %d  row %d",
                    orientation.detectorColumn(fullFrameY(), fullFrameX(), n),
                    orientation.detectorRow(fullFrameY(), fullFrameX(), n)));
        }
        sb.append("   value ").append(formatValue(value));
        sb.append("   pixel DQ ").append(Integer.toUnsignedString(pixelDq))
                .append(' ').append(DqFlag.describe(DqFlag.decodePixel(pixelDq)));
        sb.append("   group DQ ").append(groupDq & 0xFF)
                .append(' ').append(DqFlag.describe(DqFlag.decodeGroup(groupDq)));
        return sb.toString();
    }

    public static String formatValue(float v) {
        if (Float.isNaN(v)) {
            return "NaN";
        }
        float a = Math.abs(v);
        if (a < 1e7 && v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v); // raw DN are integers: no ".00"
        }
        if (a != 0 && (a >= 1e7 || a < 1e-2)) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
