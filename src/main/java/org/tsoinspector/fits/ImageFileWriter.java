package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one 2-D float32 image as the primary HDU of a FITS file, with cards saying what it is: the
 * form DS9, Aladin and {@code astropy.io.fits.getdata} open without asking which extension.
 */
public final class ImageFileWriter {

    private ImageFileWriter() {
    }

    /**
     * @param values row-major, row 0 first (FITS's first row, drawn at the bottom by DS9)
     * @param cards  the cards after the structural ones (SIMPLE, BITPIX, NAXISn, EXTEND are written here)
     */
    public static void write(Path target, float[] values, int ny, int nx, HeaderCards cards) throws IOException {
        if (values.length != ny * nx) {
            throw new IllegalArgumentException(values.length + " values for a " + ny + " x " + nx + " image");
        }
        HeaderCards header = HeaderCards.empty()
                .add("SIMPLE", true, "conforms to FITS standard")
                .add("BITPIX", Bitpix.FLOAT.code(), "array data type")
                .add("NAXIS", 2, "number of array dimensions")
                .add("NAXIS1", nx, "columns")
                .add("NAXIS2", ny, "rows")
                .add("EXTEND", true, null)
                .addAll(cards);
        try (FitsStreamWriter out = FitsStreamWriter.create(target)) {
            out.writeHeader(header);
            out.write(values, 0, values.length);
            out.commit();
        }
    }
}
