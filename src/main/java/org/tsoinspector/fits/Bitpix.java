package org.tsoinspector.fits;

/** The FITS BITPIX codes of image data: element type and size of a data unit's values. */
public enum Bitpix {
    BYTE(8),
    SHORT(16),
    INT(32),
    LONG(64),
    FLOAT(-32),
    DOUBLE(-64);

    private final int code;

    Bitpix(int code) {
        this.code = code;
    }

    /** The value of the BITPIX keyword. */
    public int code() {
        return code;
    }

    /** Bytes per value. */
    public int bytes() {
        return Math.abs(code) / 8;
    }

    public static Bitpix of(int code) {
        for (Bitpix b : values()) {
            if (b.code == code) {
                return b;
            }
        }
        throw new IllegalArgumentException("BITPIX " + code + " is not one of 8, 16, 32, 64, -32, -64");
    }
}
