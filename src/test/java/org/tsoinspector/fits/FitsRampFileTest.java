package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SubarrayWindow;

/** Reading the shared vectors' raw segments and step products, checked against nom-tam-fits' own reader. */
class FitsRampFileTest {

    @Test
    void soss96RawSegmentHasItsHeaderValuesAndShapes() throws Exception {
        try (FitsRampFile f = FitsRampFile.open(TestFits.vector("soss96", "soss96_uncal.fits"))) {
            ExposureMetadata m = f.metadata();
            assertEquals("NIRISS", m.instrument());
            assertEquals("NIS", m.detector());
            assertEquals("NIS_SOSS", m.exposureType());
            assertEquals("SUBSTRIP96", m.subarrayName());
            assertEquals(new SubarrayWindow(1, 1803, 2048, 96), m.window());
            assertEquals(-2, m.orientation().fastAxis());
            assertEquals(-1, m.orientation().slowAxis());
            assertEquals(1, m.nOutputs());
            assertEquals(2, m.nInts());
            assertEquals(3, m.nGroups());
            assertEquals(1, m.nFrames());
            assertEquals(0, m.groupGap());
            assertEquals(2.21376, m.tFrame(), 0);
            assertEquals(2.21376, m.tGroup(), 0);
            assertEquals("NISRAPID", m.readPattern());
            assertEquals(1, m.segmentNumber());
            assertEquals(1, m.segmentTotal());
            assertEquals(1, m.intStart());
            assertEquals(2, m.intEnd());
            assertTrue(m.hasZeroFrame());
            assertTrue(m.completedSteps().isEmpty());
            assertEquals(2, f.integrationCount());
            assertFalse(f.hasPixelDq());
            assertFalse(f.hasGroupDq());
            IntegrationTimes t = f.integrationTimes();
            assertNotNull(t);
            assertArrayEquals(new int[] {1, 2}, t.integrationNumber());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"soss256", "soss96", "soss256amp4"})
    void rawSamplesAreTheUint16ValuesNomTamReads(String name) throws Exception {
        Path p = TestFits.vector(name, name + "_uncal.fits");
        short[][][][] raw = (short[][][][]) TestFits.kernel(p, "SCI");
        short[][][] rawZero = Files.exists(p) && name.equals("soss96") ? (short[][][]) TestFits.kernel(p, "ZEROFRAME") : null;
        try (FitsRampFile f = FitsRampFile.open(p)) {
            ExposureMetadata m = f.metadata();
            assertEquals(raw.length, f.integrationCount());
            assertEquals(raw[0].length, m.nGroups());
            assertEquals(raw[0][0].length, m.ny());
            assertEquals(raw[0][0][0].length, m.nx());
            for (int i = 0; i < raw.length; i++) {
                Ramp r = f.readIntegration(i);
                assertEquals(i, r.integration());
                for (int g = 0; g < m.nGroups(); g++) {
                    float[] group = f.readGroup(i, g);
                    for (int y = 0; y < m.ny(); y++) {
                        for (int x = 0; x < m.nx(); x++) {
                            float expected = raw[i][g][y][x] + 32768;
                            assertEquals(expected, r.sample(g, y, x));
                            assertEquals(expected, group[y * m.nx() + x]);
                        }
                    }
                }
                assertEquals(rawZero != null, r.zeroFrame() != null);
                if (rawZero != null) {
                    for (int y = 0; y < m.ny(); y++) {
                        for (int x = 0; x < m.nx(); x++) {
                            assertEquals(rawZero[i][y][x] + 32768, r.zeroFrame()[y * m.nx() + x]);
                        }
                    }
                }
            }
            assertArrayEquals(new int[m.ny() * m.nx()], f.pixelDq());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"soss256/soss256_dqinitstep", "soss256/soss256_superbiasstep",
        "soss96/soss96_linearitystep", "soss256amp4/soss256amp4_refpixstep", "full/full_superbiasstep"})
    void stepProductsReadAsStoredFloatsAndDq(String stem) throws Exception {
        String[] parts = stem.split("/");
        Path p = TestFits.vector(parts[0], parts[1] + ".fits.gz");
        float[][][][] sci = (float[][][][]) TestFits.kernel(p, "SCI");
        int[][] pdq = (int[][]) TestFits.kernel(p, "PIXELDQ");
        byte[][][][] gdq = (byte[][][][]) TestFits.kernel(p, "GROUPDQ");
        try (FitsRampFile f = FitsRampFile.open(p)) {
            ExposureMetadata m = f.metadata();
            assertTrue(f.hasPixelDq());
            assertTrue(f.hasGroupDq());
            assertEquals(sci.length, f.integrationCount());
            int[] dq = f.pixelDq();
            long nonZero = 0;
            for (int y = 0; y < m.ny(); y++) {
                for (int x = 0; x < m.nx(); x++) {
                    // PIXELDQ is uint32 stored with BZERO = 2^31: the stored int with its top bit flipped.
                    assertEquals(pdq[y][x] ^ 0x80000000, dq[y * m.nx() + x]);
                    nonZero += dq[y * m.nx() + x] != 0 ? 1 : 0;
                }
            }
            assertTrue(nonZero > 0, "the vectors plant flagged pixels");
            for (int i = 0; i < sci.length; i++) {
                Ramp r = f.readIntegration(i);
                for (int g = 0; g < m.nGroups(); g++) {
                    for (int y = 0; y < m.ny(); y++) {
                        for (int x = 0; x < m.nx(); x++) {
                            assertEquals(Float.floatToIntBits(sci[i][g][y][x]), Float.floatToIntBits(r.sample(g, y, x)));
                            assertEquals(gdq[i][g][y][x] & 0xFF, r.groupDq(g, y, x));
                        }
                    }
                }
            }
        }
    }

    @Test
    void productHeaderListsCompletedStepsAndFullFrameGeometry() throws Exception {
        try (FitsRampFile f = FitsRampFile.open(TestFits.vector("full", "full_superbiasstep.fits.gz"))) {
            ExposureMetadata m = f.metadata();
            assertTrue(m.completedSteps().contains(StepName.SUPERBIAS));
            assertEquals(SubarrayWindow.FULL_FRAME, m.window());
            assertEquals(4, m.nOutputs());
            assertFalse(m.window().isSubarray());
            assertNull(f.readIntegration(0).zeroFrame());
        }
        try (FitsRampFile f = FitsRampFile.open(TestFits.vector("soss96", "soss96_linearitystep.fits.gz"))) {
            assertTrue(f.metadata().completedSteps().containsAll(EnumSet.of(StepName.LINEARITY)));
            assertTrue(f.metadata().hasZeroFrame());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"soss256", "soss96", "soss256amp4", "full"})
    void everyProductOfAVectorHasItsGeometryItsStepAndAccumulatedPixelDq(String name) throws Exception {
        Path folder = TestFits.vector(name, "");
        ExposureMetadata first = null;
        int[] previous = null;
        int products = 0;
        for (StepName step : StepName.values()) {
            Path p = folder.resolve(name + "_" + step.productSuffix() + ".fits.gz");
            if (!Files.exists(p)) {
                continue;
            }
            products++;
            try (FitsRampFile f = FitsRampFile.open(p)) {
                ExposureMetadata m = f.metadata();
                assertTrue(m.completedSteps().contains(step), p + " " + m.completedSteps());
                assertTrue(f.hasPixelDq() && f.hasGroupDq());
                if (first == null) {
                    first = m;
                }
                assertEquals(first.window(), m.window());
                assertEquals(first.nGroups(), m.nGroups());
                assertEquals(first.integrationsInSegment(), f.integrationCount());
                assertEquals(first.hasZeroFrame(), m.hasZeroFrame());
                int[] dq = f.pixelDq();
                if (previous != null) {
                    // Steps only ever add pixel flags.
                    for (int k = 0; k < dq.length; k++) {
                        assertEquals(previous[k], dq[k] & previous[k], p + " pixel " + k);
                    }
                }
                previous = dq;
            }
        }
        assertTrue(products >= 2, name + " has its products");
    }
}
