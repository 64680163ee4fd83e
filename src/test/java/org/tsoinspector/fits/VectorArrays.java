package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/** Whole arrays of a FITS file's named extensions, read with our reader, for comparisons in tests. */
public final class VectorArrays {

    private VectorArrays() {
    }

    static long elements(Hdu h) {
        long n = 1;
        for (long a : h.axes()) {
            n *= a;
        }
        return n;
    }

    static Hdu extension(FitsFile f, String extname) {
        return f.find(extname).orElseThrow(() -> new AssertionError(f.name() + " has no " + extname));
    }

    public static byte[] bytes(Path file, String extname) throws Exception {
        try (FitsFile f = FitsFile.open(file)) {
            Hdu h = extension(f, extname);
            byte[] out = new byte[(int) elements(h)];
            f.readBytes(h, 0, out, 0, out.length);
            return out;
        }
    }

    public static int[] ints(Path file, String extname) throws Exception {
        try (FitsFile f = FitsFile.open(file)) {
            Hdu h = extension(f, extname);
            int[] out = new int[(int) elements(h)];
            f.readInts(h, 0, out, 0, out.length);
            return out;
        }
    }

    public static float[] floats(Path file, String extname) throws Exception {
        try (FitsFile f = FitsFile.open(file)) {
            Hdu h = extension(f, extname);
            float[] out = new float[(int) elements(h)];
            f.readFloats(h, 0, out, 0, out.length);
            return out;
        }
    }

    /** NaN at the same places, elsewhere within 1e-4 relative plus 1e-6 absolute; the worst relative difference. */
    public static double agree(String what, float[] expected, float[] got) {
        double worst = 0;
        for (int k = 0; k < expected.length; k++) {
            float x = expected[k];
            float y = got[k];
            assertEquals(Float.isNaN(x), Float.isNaN(y), what + " NaN at pixel " + k + ": expected " + x + " got " + y);
            if (!Float.isNaN(x)) {
                double diff = Math.abs((double) x - y);
                assertTrue(diff <= 1e-4 * Math.abs(x) + 1e-6, what + " at pixel " + k + ": expected " + x + " got " + y);
                if (x != 0) {
                    worst = Math.max(worst, diff / Math.abs(x));
                }
            }
        }
        return worst;
    }

}
