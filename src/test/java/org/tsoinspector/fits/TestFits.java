package org.tsoinspector.fits;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageData;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import nom.tam.fits.header.Standard;

/** Small FITS files for tests, written and read with nom-tam-fits (independent of our own reader). */
final class TestFits {

    private TestFits() {
    }

    /** The shared reference vectors folder, or null when the build was not given one. */
    static Path testdata() {
        String p = System.getProperty("tso.testdata");
        return p == null ? null : Path.of(p, "detector1");
    }

    /** A file of the shared vectors (the test is skipped when the build was not given them). */
    static Path vector(String folder, String file) {
        Path base = testdata();
        org.junit.jupiter.api.Assumptions.assumeTrue(base != null && java.nio.file.Files.isDirectory(base),
                "shared test data not available");
        return base.resolve(folder).resolve(file);
    }

    /** A primary header with these keywords (String, Integer, Boolean or Double values). */
    static NullDataHDU primary(Map<String, Object> keywords) throws Exception {
        NullDataHDU p = new NullDataHDU();
        Header h = p.getHeader();
        for (Map.Entry<String, Object> e : keywords.entrySet()) {
            Object v = e.getValue();
            if (v instanceof String) {
                h.addValue(e.getKey(), (String) v, "");
            } else if (v instanceof Boolean) {
                h.addValue(e.getKey(), (Boolean) v, "");
            } else if (v instanceof Double) {
                h.addValue(e.getKey(), (Double) v, "");
            } else {
                h.addValue(e.getKey(), ((Number) v).longValue(), "");
            }
        }
        return p;
    }

    /** An image extension named extname holding a Java array (short[][]..., float[][], int[][]). */
    static ImageHDU image(String extname, Object array) throws Exception {
        ImageHDU h = ImageData.from(array).toHDU();
        h.getHeader().addValue(Standard.EXTNAME, extname);
        return h;
    }

    /** The same with BZERO, for unsigned types stored as signed. */
    static ImageHDU image(String extname, Object array, long bzero) throws Exception {
        ImageHDU h = image(extname, array);
        h.getHeader().addValue(Standard.BSCALE, 1);
        h.getHeader().addValue(Standard.BZERO, bzero);
        return h;
    }

    static void write(Path file, BasicHDU<?>... hdus) throws Exception {
        try (Fits f = new Fits()) {
            for (BasicHDU<?> h : hdus) {
                f.addHDU(h);
            }
            f.write(new File(file.toString()));
        }
    }

    /** The raw kernel (stored values, no BZERO applied) of an HDU read by nom-tam-fits. */
    static Object kernel(Path file, String extname) throws Exception {
        try (Fits f = new Fits(file.toFile())) {
            return f.getHDU(extname).getKernel();
        }
    }
}
