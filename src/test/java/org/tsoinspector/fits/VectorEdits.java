package org.tsoinspector.fits;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte-level edits of a real FITS file for bad-input tests: a header card replaced, data offsets found. */
public final class VectorEdits {

    private VectorEdits() {
    }

    /** A copy with the first card of {@code key} in the HDU named {@code extname} ("" = primary) replaced. */
    public static byte[] withCard(byte[] fits, String extname, String key, String value) {
        byte[] b = fits.clone();
        byte[] card = String.format("%-80s", String.format("%-8s= %20s", key, value)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(card, 0, b, cardOffset(b, extname, key), 80);
        return b;
    }

    /** A copy with the first card of {@code key} in that HDU made a blank COMMENT card: the keyword is gone. */
    public static byte[] withoutCard(byte[] fits, String extname, String key) {
        byte[] b = fits.clone();
        byte[] card = String.format("%-80s", "COMMENT").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(card, 0, b, cardOffset(b, extname, key), 80);
        return b;
    }

    /** Offset of the card of this keyword in the header of the HDU with this EXTNAME ("" = primary). */
    public static int cardOffset(byte[] b, String extname, String key) {
        int hduStart = 0;
        if (!extname.isEmpty()) {
            String want = String.format("EXTNAME = '%-8s'", extname);
            hduStart = -1;
            for (int at = 0; at + 80 <= b.length && hduStart < 0; at += 80) {
                if (new String(b, at, want.length(), StandardCharsets.US_ASCII).equals(want)) {
                    hduStart = at / 2880 * 2880;
                }
            }
            if (hduStart < 0) {
                throw new IllegalArgumentException("no HDU " + extname);
            }
        }
        for (int at = hduStart; at + 80 <= b.length; at += 80) {
            if (new String(b, at, 8, StandardCharsets.US_ASCII).trim().equals(key)) {
                return at;
            }
        }
        throw new IllegalArgumentException(key + " not in " + extname);
    }

    /** Offset of the first data byte of the SCI extension. */
    public static int sciDataOffset(byte[] b) {
        int sciHeader = cardOffset(b, "SCI", "XTENSION");
        int end = cardOffset(Arrays.copyOfRange(b, sciHeader, b.length), "", "END");
        return sciHeader + (end / 2880 + 1) * 2880;
    }
}
