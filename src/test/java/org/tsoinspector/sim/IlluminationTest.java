package org.tsoinspector.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.tsoinspector.model.SubarrayWindow;

class IlluminationTest {

    @Test
    void theRealRateImageIsReadAndCleaned() {
        float[] raw = Illumination.readRateImage();
        assertEquals(256 * 2048, raw.length);
        // SOURCES: the order-1 peak is about 440 DN/s near x = 1800 (row of the trace there is about 48)
        float peak = 0;
        for (int y = 30; y < 70; y++) {
            peak = Math.max(peak, raw[y * 2048 + 1800]);
        }
        assertTrue(peak > 380 && peak < 520, "order-1 peak " + peak);
        float[] clean = Illumination.strip(Illumination.Source.RATE_IMAGE, 4.0);
        for (float v : clean) {
            assertTrue(v >= 0 && !Float.isNaN(v));
        }
        assertEquals(Math.max(0, raw[100 * 2048 + 1000] - 4f), clean[100 * 2048 + 1000], 1e-4);
    }

    @Test
    void theTraceModelFollowsTheMeasuredCentroids() {
        double[][] c = Illumination.readCentroids();
        assertEquals(85.42804773637792, c[0][0], 1e-12);
        assertTrue(Double.isNaN(c[1][2047]), "order 2 leaves the strip on the right");
        float[] model = Illumination.traceModel();
        // at x = 1500, order 1 is centred on row 39: the profile's horns lie 7 rows either side
        int x = 1500;
        double centre = c[0][x];
        int brightest = 0;
        for (int y = 0; y < 256; y++) {
            if (model[y * 2048 + x] > model[brightest * 2048 + x]) {
                brightest = y;
            }
        }
        assertEquals(7, Math.abs(brightest - centre), 1.0);
        assertEquals(0f, model[250 * 2048 + x], "far from every order");
    }

    @Test
    void brightnessIsScaledToThePeakAndReferencePixelsStayDark() throws Exception {
        Scenario sc = Scenario.parse("t", new StringReader("illumination = trace_model\nbrightness.peak_dn = 15000"), "t");
        SubarrayWindow w = Geometry.SUBSTRIP256.window();
        float[] light = Illumination.forWindow(sc, w, 6 * 5.494);
        assertEquals(15000, Illumination.percentileOfLit(light, 99.9) * 6 * 5.494, 1.0);
        for (int y = 0; y < 256; y++) {
            assertEquals(0f, light[y * 2048 + 2]);
            assertEquals(0f, light[y * 2048 + 2045]);
        }
        for (int x = 0; x < 2048; x++) {
            assertEquals(0f, light[253 * 2048 + x], "DMS rows 2044-2047 are reference pixels");
        }
        // a full frame gets the strip in its SOSS rows and nothing elsewhere
        float[] full = Illumination.forWindow(sc, SubarrayWindow.FULL_FRAME, 6 * 5.494);
        assertEquals(light[100 * 2048 + 1500], full[(1792 + 100) * 2048 + 1500]);
        assertEquals(0f, full[1000 * 2048 + 1500]);
    }
}
