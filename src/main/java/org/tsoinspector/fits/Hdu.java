package org.tsoinspector.fits;

import java.util.Locale;

/**
 * One header-data unit of a FITS file: its header and where its data sit in the file.
 *
 * @param index      0 for the primary HDU
 * @param dataOffset byte offset of the first data byte
 * @param dataBytes  bytes of data (without the padding to 2880)
 * @param axes       NAXIS1..NAXISn (NAXIS1 first, i.e. the fastest-varying axis first)
 */
public record Hdu(int index, FitsHeader header, long dataOffset, long dataBytes, int bitpix, long[] axes) {

    /** EXTNAME in upper case, "PRIMARY" for the primary HDU without one. */
    public String name() {
        return header.string("EXTNAME").map(s -> s.trim().toUpperCase(Locale.ROOT))
                .orElse(index == 0 ? "PRIMARY" : "");
    }

    /** "IMAGE", "BINTABLE", "TABLE", ... ("IMAGE" for the primary HDU). */
    public String type() {
        return index == 0 ? "IMAGE" : header.string("XTENSION", "").trim().toUpperCase(Locale.ROOT);
    }

    public int naxis() {
        return axes.length;
    }

    /** Bytes per stored element (|BITPIX| / 8). */
    public int elementBytes() {
        return Math.abs(bitpix) / 8;
    }

    /** Number of stored image elements (product of the axes; 0 for an HDU without data). */
    public long elementCount() {
        return elementBytes() == 0 ? 0 : dataBytes / elementBytes();
    }

    public double bzero() {
        return header.real("BZERO", 0.0);
    }

    public double bscale() {
        return header.real("BSCALE", 1.0);
    }

    /** True when the stored values are integers read as they are (BITPIX > 0, BSCALE 1): DQ arrays. */
    public boolean holdsIntegers() {
        return bitpix > 0 && bscale() == 1.0;
    }

    /** Axes in the reading order people and numpy use, slowest first: "2 x 3 x 96 x 2048". */
    public String shapeText() {
        StringBuilder sb = new StringBuilder();
        for (int i = axes.length - 1; i >= 0; i--) {
            sb.append(axes[i]);
            if (i > 0) {
                sb.append(" x ");
            }
        }
        return sb.toString();
    }

    /** The element type a numpy user would see: uint16 for BITPIX 16 with BZERO 32768, and so on. */
    public String dataTypeText() {
        double z = bzero();
        double s = bscale();
        switch (bitpix) {
            case 8:
                return z == -128 && s == 1 ? "int8" : "uint8";
            case 16:
                return z == 32768 && s == 1 ? "uint16" : "int16";
            case 32:
                return z == 2147483648.0 && s == 1 ? "uint32" : "int32";
            case 64:
                return z == 9223372036854775808.0 && s == 1 ? "uint64" : "int64";
            case -32:
                return "float32";
            case -64:
                return "float64";
            default:
                return "BITPIX " + bitpix;
        }
    }
}
