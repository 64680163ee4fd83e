package org.tsoinspector.model;

import java.util.ArrayList;
import java.util.List;

/** The JWST data-quality bits (stdatamodels dqflags): one table for pixel DQ (32 bits) and group DQ (8 bits). */
public enum DqFlag {
    DO_NOT_USE(0, "Bad pixel or group; do not use for science"),
    SATURATED(1, "Pixel saturated during the exposure"),
    JUMP_DET(2, "Jump detected during the exposure"),
    DROPOUT(3, "Data lost in transmission"),
    OUTLIER(4, "Flagged by outlier detection"),
    PERSISTENCE(5, "High persistence"),
    AD_FLOOR(6, "Below the A/D floor"),
    CHARGELOSS(7, "Charge migration"),
    RESERVED(8, "Reserved"),
    NON_SCIENCE(9, "Pixel not on the science portion of the detector"),
    DEAD(10, "Dead pixel"),
    HOT(11, "Hot pixel"),
    WARM(12, "Warm pixel"),
    LOW_QE(13, "Low quantum efficiency"),
    RC(14, "RC pixel"),
    TELEGRAPH(15, "Telegraph pixel"),
    NONLINEAR(16, "Pixel highly nonlinear"),
    BAD_REF_PIXEL(17, "Reference pixel cannot be used"),
    NO_FLAT_FIELD(18, "Flat field cannot be measured"),
    NO_GAIN_VALUE(19, "Gain cannot be measured"),
    NO_LIN_CORR(20, "Linearity correction not available"),
    NO_SAT_CHECK(21, "Saturation check not available"),
    UNRELIABLE_BIAS(22, "Bias variance large"),
    UNRELIABLE_DARK(23, "Dark variance large"),
    UNRELIABLE_SLOPE(24, "Slope variance large (i.e., noisy pixel)"),
    UNRELIABLE_FLAT(25, "Flat variance large"),
    OPEN(26, "Open pixel (counts move to an adjacent pixel)"),
    ADJ_OPEN(27, "Adjacent to an open pixel"),
    FLUX_ESTIMATED(28, "Pixel flux estimated due to missing or bad data"),
    MSA_FAILED_OPEN(29, "Pixel sees light from a failed-open shutter"),
    OTHER_BAD_PIXEL(30, "A catch-all flag"),
    REFERENCE_PIXEL(31, "Pixel is a reference pixel");

    /** Bits that also exist in group DQ (uint8). */
    private static final int GROUP_BITS_MASK = 0xFF;

    private final int bit;
    private final String meaning;

    DqFlag(int bit, String meaning) {
        this.bit = bit;
        this.meaning = meaning;
    }

    public int bit() {
        return bit;
    }

    /** The flag's value as a (possibly negative for bit 31) Java int; use {@link #unsignedValue()} for display. */
    public int value() {
        return 1 << bit;
    }

    public long unsignedValue() {
        return 1L << bit;
    }

    public String meaning() {
        return meaning;
    }

    public boolean isSetIn(int dq) {
        return (dq & value()) != 0;
    }

    /** True for the flags a group DQ byte can hold (GOOD=0 has no bit of its own). */
    public boolean isGroupFlag() {
        return bit < 8 && this != OUTLIER;
    }

    /** Names of the pixel-DQ flags set in a 32-bit value, lowest bit first. */
    public static List<DqFlag> decodePixel(int dq) {
        List<DqFlag> set = new ArrayList<>();
        for (DqFlag f : values()) {
            if (f.isSetIn(dq)) {
                set.add(f);
            }
        }
        return set;
    }

    /** Flags set in a group-DQ byte (only the 8 low bits exist there). */
    public static List<DqFlag> decodeGroup(int groupDq) {
        return decodePixel(groupDq & GROUP_BITS_MASK);
    }

    /** "GOOD" for 0, otherwise the flag names joined by '+', e.g. "DO_NOT_USE+HOT". */
    public static String describe(List<DqFlag> flags) {
        if (flags.isEmpty()) {
            return "GOOD";
        }
        StringBuilder sb = new StringBuilder();
        for (DqFlag f : flags) {
            if (sb.length() > 0) {
                sb.append('+');
            }
            sb.append(f.name());
        }
        return sb.toString();
    }
}
