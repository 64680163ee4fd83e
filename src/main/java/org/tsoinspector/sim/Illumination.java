package org.tsoinspector.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.tsoinspector.model.SubarrayWindow;

/**
 * The light falling on the detector, in DN/s per pixel of an exposure's window: the real on-sky
 * SUBSTRIP256 rate image of WASP-39 (JWST ERS 1366) or a three-order trace model built on the
 * measured trace centroids; scaled to a scenario's brightness. The SOSS traces lie in full-frame
 * DMS rows 1792-2047; a window elsewhere gets no starlight. Reference pixels get none.
 */
public final class Illumination {

    /** Where the light comes from. */
    public enum Source {
        /** The real median rate image (negative and NaN values read as 0). */
        RATE_IMAGE,
        /** Orders 1-3 drawn along the measured centroids with a double-peaked cross profile. */
        TRACE_MODEL;

        public static Source parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown illumination '" + text + "' (rate_image or trace_model)");
            }
        }
    }

    static final int STRIP_ROWS = 256;
    static final int STRIP_COLS = 2048;
    /** 0-based full-frame DMS row of the SUBSTRIP256 image's first row. */
    static final int STRIP_Y0 = 1792;
    static final String RATE_IMAGE = "/samples/wasp39b_ers1366_soss_substrip256_median_rate.npy";
    static final String CENTROIDS = "/samples/wasp39b_ers1366_trace_centroids_MCR.csv";
    private static final int NPY_HEADER = 128;
    private static final int REFERENCE_BORDER = 4;

    private Illumination() {
    }

    /**
     * The unscaled SUBSTRIP256 source (256 x 2048, DN/s for the rate image) with its own background
     * removed and clamped at 0.
     */
    static float[] strip(Source source, double background) {
        float[] s = source == Source.RATE_IMAGE ? readRateImage() : traceModel();
        for (int k = 0; k < s.length; k++) {
            float v = (float) (s[k] - (source == Source.RATE_IMAGE ? background : 0));
            s[k] = Float.isNaN(v) || v < 0 ? 0f : v;
        }
        return s;
    }

    /**
     * The illumination of a window in DN/s, scaled so that the given percentile of the strip's lit
     * pixels collects {@code peakDn} over {@code seconds}.
     */
    public static float[] forWindow(Scenario sc, SubarrayWindow window, double seconds) {
        float[] strip = strip(sc.target().illumination(), sc.target().rateBackground());
        double scale = sc.target().peakDn() / (percentileOfLit(strip, sc.target().peakPercentile()) * seconds);
        float[] out = new float[window.pixelCount()];
        for (int y = 0; y < window.ySize(); y++) {
            int fy = window.y0() + y;
            int sy = fy - STRIP_Y0;
            if (sy < 0 || sy >= STRIP_ROWS || isReference(fy)) {
                continue;
            }
            for (int x = 0; x < window.xSize(); x++) {
                int fx = window.x0() + x;
                if (!isReference(fx)) {
                    out[y * window.xSize() + x] = (float) (strip[sy * STRIP_COLS + fx] * scale);
                }
            }
        }
        return out;
    }

    /** True for a full-frame row or column index in the 4-pixel reference border. */
    static boolean isReference(int fullFrameIndex) {
        return fullFrameIndex < REFERENCE_BORDER || fullFrameIndex >= SubarrayWindow.DETECTOR_SIZE - REFERENCE_BORDER;
    }

    /** The percentile of the values above 1% of the maximum (the trace, not the sky). */
    static double percentileOfLit(float[] v, double percentile) {
        float max = 0;
        for (float f : v) {
            max = Math.max(max, f);
        }
        float cut = max * 0.01f;
        float[] lit = new float[v.length];
        int n = 0;
        for (float f : v) {
            if (f > cut) {
                lit[n++] = f;
            }
        }
        if (n == 0) {
            throw new IllegalStateException("the illumination has no lit pixels");
        }
        Arrays.sort(lit, 0, n);
        int k = (int) Math.min(n - 1, Math.max(0, Math.round(percentile / 100.0 * (n - 1))));
        return lit[k];
    }

    static float[] readRateImage() {
        try (InputStream in = Illumination.class.getResourceAsStream(RATE_IMAGE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RATE_IMAGE + " is missing from the build");
            }
            byte[] all = in.readAllBytes();
            String header = new String(all, 0, NPY_HEADER, StandardCharsets.ISO_8859_1);
            if (!header.startsWith("\u0093NUMPY") || !header.contains("'<f4'")
                    || !header.contains("(" + STRIP_ROWS + ", " + STRIP_COLS + ")")
                    || all.length != NPY_HEADER + 4 * STRIP_ROWS * STRIP_COLS) {
                throw new IllegalStateException(RATE_IMAGE + " is not a 256 x 2048 little-endian float32 .npy");
            }
            float[] out = new float[STRIP_ROWS * STRIP_COLS];
            ByteBuffer.wrap(all, NPY_HEADER, all.length - NPY_HEADER).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                    .get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trace centroids (SUBSTRIP256 rows, 0-based) of orders 1-3 per column; NaN where off the strip. */
    static double[][] readCentroids() {
        double[][] c = new double[3][STRIP_COLS];
        for (double[] row : c) {
            Arrays.fill(row, Double.NaN);
        }
        try (InputStream in = Illumination.class.getResourceAsStream(CENTROIDS)) {
            if (in == null) {
                throw new IllegalStateException("resource " + CENTROIDS + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line = r.readLine(); // x,order1,order2,order3
            boolean[] seen = new boolean[STRIP_COLS];
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                int x = (int) Double.parseDouble(f[0]);
                if (x < 0 || x >= STRIP_COLS || seen[x]) {
                    continue; // the file repeats its table once
                }
                seen[x] = true;
                for (int o = 0; o < 3; o++) {
                    String v = f[o + 1].trim();
                    c[o][x] = v.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(v); // NumPy writes "nan"
                }
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Orders 1, 2 and 3 along the measured centroids: a smooth spectrum per order (order 2 about a
     * third of order 1, order 3 a twentieth) times the SOSS cross-dispersion profile, two horns
     * 7 px either side of the centroid on a broader core.
     */
    static float[] traceModel() {
        double[][] centroids = readCentroids();
        double[] orderScale = {1.0, 0.35, 0.05};
        float[] out = new float[STRIP_ROWS * STRIP_COLS];
        for (int o = 0; o < 3; o++) {
            for (int x = 0; x < STRIP_COLS; x++) {
                double yc = centroids[o][x];
                if (Double.isNaN(yc)) {
                    continue;
                }
                double spectrum = orderScale[o] * (0.3 + 0.7 * Math.exp(-0.5 * Math.pow((x - 1700.0) / 650.0, 2)));
                int y0 = Math.max(0, (int) yc - 20);
                int y1 = Math.min(STRIP_ROWS - 1, (int) yc + 20);
                for (int y = y0; y <= y1; y++) {
                    double d = y - yc;
                    double profile = 0.8 * (Math.exp(-0.5 * Math.pow((d - 7) / 3.0, 2))
                            + Math.exp(-0.5 * Math.pow((d + 7) / 3.0, 2)))
                            + 0.6 * Math.exp(-0.5 * Math.pow(d / 6.0, 2));
                    out[y * STRIP_COLS + x] += (float) (spectrum * profile);
                }
            }
        }
        return out;
    }
}
