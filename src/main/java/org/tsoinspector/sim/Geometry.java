package org.tsoinspector.sim;

import java.util.Locale;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.SubarrayWindow;

/** The NIRISS/SOSS readout geometries the simulator makes, with their flight window, outputs and frame time. */
public enum Geometry {
    SUBSTRIP256("SUBSTRIP256", new SubarrayWindow(1, 1793, 2048, 256), 1, 5.494),
    SUBSTRIP96("SUBSTRIP96", new SubarrayWindow(1, 1803, 2048, 96), 1, 2.214),
    FULL("FULL", SubarrayWindow.FULL_FRAME, 4, 10.73676);

    /** NIRISS: detector columns are DMS rows, both axes flipped (FASTAXIS=-2, SLOWAXIS=-1). */
    public static final DetectorOrientation NIRISS = new DetectorOrientation(-2, -1);

    private final String subarrayName;
    private final SubarrayWindow window;
    private final int nOutputs;
    private final double tFrame;

    Geometry(String subarrayName, SubarrayWindow window, int nOutputs, double tFrame) {
        this.subarrayName = subarrayName;
        this.window = window;
        this.nOutputs = nOutputs;
        this.tFrame = tFrame;
    }

    /** SUBARRAY keyword value. */
    public String subarrayName() {
        return subarrayName;
    }

    public SubarrayWindow window() {
        return window;
    }

    /** NOUTPUTS: 1 for the SOSS strips, 4 for full frame. */
    public int nOutputs() {
        return nOutputs;
    }

    /** TFRAME in seconds (NISRAPID). */
    public double tFrame() {
        return tFrame;
    }

    public static Geometry parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown geometry '" + text + "' (SUBSTRIP256, SUBSTRIP96 or FULL)");
        }
    }
}
