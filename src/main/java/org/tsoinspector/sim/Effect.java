package org.tsoinspector.sim;

import java.util.Locale;

/** The detector and sky effects the simulator can switch on and off one by one. */
public enum Effect {
    /** Per-pixel bias pedestal of 12-15k DN with structure; the SUPERBIAS reference holds it. */
    BIAS,
    /** Gaussian noise on every read. */
    READ_NOISE,
    /** Per-group stripes along detector rows (DMS columns for NIRISS) with a 1/f spectrum. */
    ONE_OVER_F,
    /** Per-group offsets for even and odd detector columns of each output, seen by the reference pixels. */
    ODD_EVEN,
    /** Dark current, with warm and hot pixels. */
    DARK,
    /** Non-linear response, the inverse of the LINEARITY reference polynomial. */
    NONLINEARITY,
    /** Charge stops growing at the SATURATION reference thresholds (and the ADC at 65535). */
    SATURATION,
    /** Jumps that persist up the ramp. */
    COSMIC_RAYS,
    /** Zodiacal background. */
    ZODI,
    /** Dead, low-QE, warm and hot pixels (and bad reference pixels) as flagged in the MASK reference. */
    BAD_PIXELS,
    /** Photon (and dark) shot noise in electrons. */
    POISSON;

    /** Its name in scenario files, e.g. "one_over_f". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Effect parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder known = new StringBuilder();
            for (Effect f : values()) {
                known.append(known.length() == 0 ? "" : ", ").append(f.key());
            }
            throw new IllegalArgumentException("unknown effect '" + text + "' (known: " + known + ")");
        }
    }
}
