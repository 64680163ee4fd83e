package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SubarrayWindow;

/**
 * Spec 10.1: NIRSpec's SUB512, SUB512S and SUB32 hold no reference pixels, so refpix takes the window's
 * first and last four detector columns as its reference pixels and runs the single-output path on them.
 */
class EdgelessSubarrayTest {

    /** NRS1 reads along DMS y (FASTAXIS 2): detector columns run along the window's 32 DMS rows. */
    private static final DetectorOrientation NRS1 = new DetectorOrientation(2, 1);
    private static final SubarrayWindow WINDOW = new SubarrayWindow(1, 1009, 512, 32);

    private static ExposureMetadata exposure(String subarray) {
        return new ExposureMetadata("NIRSPEC", "NRS1", "NRS_BRIGHTOBJ", subarray, WINDOW, NRS1, 1, 1, 2, 1, 0, 0.9,
                0.9, "NRSRAPID", 1, 1, 1, 1, "2026-01-01", false, Set.of());
    }

    /** Edge detector columns hold 200 (even) and 210 (odd), the rest a sloped science signal. */
    private static Ramp ramp(DetectorWindow w) {
        Ramp r = Ramp.zeros(0, 2, WINDOW.ySize(), WINDOW.xSize(), false);
        for (int g = 0; g < 2; g++) {
            for (int y = 0; y < WINDOW.ySize(); y++) {
                for (int x = 0; x < WINDOW.xSize(); x++) {
                    int c = w.detectorColumn(y, x);
                    boolean edge = c < 1008 + 4 || c > 1008 + 31 - 4;
                    r.data()[r.index(g, y, x)] = edge ? ((c & 1) == 0 ? 200 : 210) + 7 * g : 5000 + x + 100 * g;
                }
            }
        }
        return r;
    }

    @Test
    void theFirstAndLastFourDetectorColumnsAreTheReferencePixels() throws Exception {
        DetectorWindow w = new DetectorWindow(WINDOW, NRS1);
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int y = 0; y < WINDOW.ySize(); y++) {
            first = Math.min(first, w.detectorColumn(y, 0));
            last = Math.max(last, w.detectorColumn(y, 0));
        }
        // the 32 DMS rows are detector columns 1008..1039 (2048 - 1009 - 31 .. 2048 - 1009)
        assertEquals(1008, first);
        assertEquals(1039, last);
        int[] dqIn = new int[WINDOW.pixelCount()];
        PreparedStep step = new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(exposure("SUB512"), dqIn);
        assertEquals("COMPLETE", step.status());
        assertArrayEquals(dqIn, step.pixelDq(), "the output pixel DQ gains no REFERENCE_PIXEL");
        Ramp r = ramp(w);
        Ramp expected = r.copy();
        for (int g = 0; g < 2; g++) {
            for (int y = 0; y < WINDOW.ySize(); y++) {
                for (int x = 0; x < WINDOW.xSize(); x++) {
                    // each group loses the mean of its edge columns of the same parity: 200 + 7g or 210 + 7g
                    float mean = ((w.detectorColumn(y, x) & 1) == 0 ? 200 : 210) + 7 * g;
                    expected.data()[r.index(g, y, x)] -= mean;
                }
            }
        }
        step.apply(r);
        assertArrayEquals(expected.data(), r.data());
    }

    @Test
    void theSameWindowUnderAnotherNameHasNoReferencePixelsAndIsLeftAsItIs() throws Exception {
        DetectorWindow w = new DetectorWindow(WINDOW, NRS1);
        Ramp r = ramp(w);
        Ramp before = r.copy();
        new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(exposure("GENERIC"), new int[WINDOW.pixelCount()])
                .apply(r);
        assertArrayEquals(before.data(), r.data());
        for (String name : new String[] {"SUB512S", "SUB32"}) {
            Ramp s = ramp(w);
            new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(exposure(name), new int[WINDOW.pixelCount()])
                    .apply(s);
            assertEquals(5000 + 100 - (w.detectorColumn(20, 100) % 2 == 0 ? 200 : 210) - 0f,
                    s.sample(0, 20, 100) + 0f, name);
        }
    }
}
