package org.tsoinspector.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.model.SuperbiasReference;

class ExposureSimulatorTest {

    @TempDir
    Path dir;

    /** A scenario from properties text (the same parser as the samples). */
    static Scenario scenario(String text) throws Exception {
        return Scenario.parse("test", new StringReader(text), "test");
    }

    private static ExposureSimulator defaultSimulator;

    /** The default scenario's simulator, built once for the tests that only read from it. */
    static synchronized ExposureSimulator defaultSimulator() {
        if (defaultSimulator == null) {
            defaultSimulator = new ExposureSimulator(Scenario.defaults("wasp43b-substrip256"));
        }
        return defaultSimulator;
    }

    static final String SMALL = "geometry = SUBSTRIP96\nnints = 3\nngroups = 3\nreferences = subarray\n";

    @Test
    void everyShippedSampleMakesAnIntegrationInItsGeometry() throws Exception {
        for (String name : SampleLibrary.NAMES) {
            ExposureSimulator sim = new ExposureSimulator(SampleLibrary.scenario(name).withIntegrations(1));
            Geometry g = sim.scenario().run().geometry();
            ExposureMetadata m = sim.segmentMetadata(1);
            assertEquals(g.window(), m.window());
            assertEquals(g.nOutputs(), m.nOutputs());
            assertEquals(g.tFrame(), m.tFrame(), 0);
            Ramp r = sim.ramp(0);
            assertEquals(g.window().ySize(), r.ny(), name);
            assertEquals(g.window().xSize(), r.nx(), name);
            assertEquals(sim.scenario().run().zeroFrame(), r.zeroFrame() != null, name);
        }
        assertEquals(4, Geometry.FULL.nOutputs());
        assertEquals(1803, Geometry.SUBSTRIP96.window().yStart());
    }

    @Test
    void sameSeedSameRampsOtherSeedOtherRamps() throws Exception {
        Scenario sc = scenario(SMALL);
        float[] a = new ExposureSimulator(sc).ramp(1).data();
        float[] b = new ExposureSimulator(sc).ramp(1).data();
        float[] c = new ExposureSimulator(sc.withSeed(7)).ramp(1).data();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void filesDoNotDependOnTheNumberOfThreads() throws Exception {
        Scenario sc = scenario(SMALL + "zeroframe = true\n");
        ExposureSimulator.Result one = new ExposureSimulator(sc).write(dir.resolve("one"), 1, ProgressMonitor.NONE);
        ExposureSimulator.Result two = new ExposureSimulator(sc).write(dir.resolve("two"), 2, ProgressMonitor.NONE);
        assertEquals(1, one.segments().size());
        assertArrayEquals(Files.readAllBytes(one.segments().get(0)), Files.readAllBytes(two.segments().get(0)));
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(Files.readAllBytes(one.references().get(k)), Files.readAllBytes(two.references().get(k)));
        }
    }

    @Test
    void segmentsSplitUnderTheLimitAndHoldTheirIntegrations() throws Exception {
        // one SUBSTRIP96 integration of 3 groups and its zero frame is 2*4*96*2048 = 1 572 864 bytes:
        // 2 fit under 3.3 MB with the headers
        Scenario sc = scenario("geometry = SUBSTRIP96\nnints = 5\nngroups = 3\nreferences = subarray\n"
                + "zeroframe = true\nsegment.max_bytes = 3300000\n");
        ExposureSimulator sim = new ExposureSimulator(sc);
        ExposureSimulator.Result r = sim.write(dir, 2, ProgressMonitor.NONE);
        assertEquals(List.of("test-seg001_uncal.fits", "test-seg002_uncal.fits", "test-seg003_uncal.fits"),
                r.segments().stream().map(p -> p.getFileName().toString()).toList());
        int[][] ranges = {{1, 2}, {3, 4}, {5, 5}};
        for (int s = 0; s < 3; s++) {
            assertTrue(Files.size(r.segments().get(s)) < 3_300_000);
            try (FitsRampFile f = FitsRampFile.open(r.segments().get(s))) {
                ExposureMetadata m = f.metadata();
                assertEquals("NIRISS", m.instrument());
                assertEquals("NIS_SOSS", m.exposureType());
                assertEquals("SUBSTRIP96", m.subarrayName());
                assertEquals(new SubarrayWindow(1, 1803, 2048, 96), m.window());
                assertEquals(-2, m.orientation().fastAxis());
                assertEquals(-1, m.orientation().slowAxis());
                assertEquals(1, m.nOutputs());
                assertEquals(2.214, m.tFrame(), 0);
                assertEquals("NISRAPID", m.readPattern());
                assertEquals(5, m.nInts());
                assertEquals(s + 1, m.segmentNumber());
                assertEquals(3, m.segmentTotal());
                assertEquals(ranges[s][0], m.intStart());
                assertEquals(ranges[s][1], m.intEnd());
                assertTrue(m.hasZeroFrame());
                for (int i = 0; i < f.integrationCount(); i++) {
                    Ramp fromFile = f.readIntegration(i);
                    Ramp inMemory = sim.ramp(ranges[s][0] - 1 + i);
                    assertArrayEquals(inMemory.data(), fromFile.data());
                    assertArrayEquals(fromFile.frame(0), fromFile.zeroFrame(), "NISRAPID zero frame is group 1");
                }
                // INT_TIMES are continuous across segments: integration k starts (ngroups + 1) frames after k-1
                double cycle = 4 * 2.214 / 86400;
                assertEquals(sc.run().exposureStartMjd() + (ranges[s][0] - 1) * cycle,
                        f.integrationTimes().startMjdUtc()[0], 1e-9);
                assertEquals(ranges[s][0], f.integrationTimes().integrationNumber()[0]);
            }
        }
    }

    @Test
    void withOnlyTheBiasARampIsBiasPlusLight() throws Exception {
        Scenario sc = scenario(SMALL + "effects.only = bias\ntransit = false\n");
        ExposureSimulator sim = new ExposureSimulator(sc);
        Ramp r = sim.ramp(0);
        float[] light = sim.illumination();
        SubarrayWindow w = sc.run().geometry().window();
        int[] pixels = {0, 45 * 2048 + 1500, 60 * 2048 + 1800, 95 * 2048 + 2047};
        for (int p : pixels) {
            float bias = sim.detector().bias[(w.y0() + p / 2048) * 2048 + p % 2048];
            for (int g = 0; g < 3; g++) {
                double expected = bias + light[p] * 2.214 * (g + 1);
                assertEquals(Math.round(expected), r.data()[g * w.pixelCount() + p], 0, "pixel " + p + " group " + g);
            }
        }
    }

    @Test
    void nonLinearityIsTheInverseOfTheLinearityPolynomial() {
        double c2 = 1.3e-6;
        double c3 = 6e-12;
        for (double t : new double[] {0, 1, 500, 10000, 20000, 33000, 60000}) {
            double m = ExposureSimulator.measured(t, c2, c3);
            assertEquals(t, m + c2 * m * m + c3 * m * m * m, 1e-6 * Math.max(1, t));
            assertTrue(m <= t);
        }
        // about 3.5 % compressed at 20 000 DN: what the notebook's ratio plot shows before correction
        double m = ExposureSimulator.measured(20000, c2, c3);
        double slope = 1 / (1 + 2 * c2 * m + 3 * c3 * m * m);
        assertTrue(slope < 0.97 && slope > 0.94, "slope " + slope);
    }

    @Test
    void substrip256HasTheReferencePixelsOfFlightData() throws Exception {
        // spec 6.5: 2048 border-column pixels + 4 x 2040 top-row pixels = 10 208
        ExposureSimulator sim = defaultSimulator();
        SubarrayWindow w = sim.scenario().run().geometry().window();
        int reference = 0;
        for (int y = w.y0(); y < w.y0() + w.ySize(); y++) {
            for (int x = 0; x < 2048; x++) {
                if (DqFlag.REFERENCE_PIXEL.isSetIn(sim.detector().maskDq[y * 2048 + x])) {
                    reference++;
                }
            }
        }
        assertEquals(10208, reference);
    }

    @Test
    void brightnessLikeTheNotebook() throws Exception {
        ExposureSimulator sim = defaultSimulator();
        Ramp r = sim.ramp(0);
        int n = r.ny() * r.nx();
        int y0 = sim.scenario().run().geometry().window().y0();
        int between = 0;
        int saturated = 0;
        double max = 0;
        for (int p = 0; p < n; p++) {
            int f = y0 * 2048 + p;
            float last = r.data()[5 * n + p];
            double aboveBias = last - sim.detector().bias[f];
            if (aboveBias > 10000 && aboveBias < 25000) {
                between++;
            }
            if (last >= sim.detector().threshold[f]) {
                saturated++;
            }
            max = Math.max(max, aboveBias);
        }
        assertTrue(between > 10000, between + " pixels between 10 000 and 25 000 DN");
        assertTrue(saturated > 0 && saturated < 200, saturated + " saturated pixels");
        assertTrue(max > 20000, "brightest " + max);
    }

    @Test
    void theTransitIsInTheInjectedFluxAndInTheRamps() throws Exception {
        ExposureSimulator sim = defaultSimulator();
        TransitModel t = sim.transit();
        int mid = 95;
        assertEquals(1.0, sim.injectedFlux(0), 0);
        assertEquals(1.0, sim.injectedFlux(189), 0);
        double depth = 1 - sim.injectedFlux(mid);
        assertEquals(t.centralDepth(), depth, 2e-4);
        // (Rp/Rs)^2 scaled by the limb-darkened intensity under the planet at b = 0.65
        assertTrue(depth > 0.026 && depth < 0.028, "depth " + depth);

        float[] light = sim.illumination();
        float cut = 0;
        for (float v : light) {
            cut = Math.max(cut, v);
        }
        cut *= 0.1f;
        double[] sums = new double[2];
        int[] ints = {0, mid};
        for (int k = 0; k < 2; k++) {
            Ramp r = sim.ramp(ints[k]);
            int n = r.ny() * r.nx();
            for (int p = 0; p < n; p++) {
                if (light[p] > cut) {
                    sums[k] += r.data()[4 * n + p] - r.data()[p];
                }
            }
        }
        double measured = 1 - sums[1] / sums[0];
        assertEquals(depth, measured, 0.1 * depth, "depth from raw group differences");
    }

    @Test
    void referenceFilesMatchTheDetectorAndReadBackCut() throws Exception {
        Scenario sc = scenario("geometry = SUBSTRIP96\nnints = 1\nngroups = 2\n");
        ExposureSimulator sim = new ExposureSimulator(sc);
        ExposureSimulator.Result r = sim.write(dir, 2, ProgressMonitor.NONE);
        assertEquals(List.of("tsosim_niriss_mask_s43.fits", "tsosim_niriss_saturation_s43.fits",
                "tsosim_niriss_superbias_s43.fits", "tsosim_niriss_linearity_s43.fits", "tsosim_niriss_dark_s43.fits",
                "tsosim_niriss_gain_s43.fits", "tsosim_niriss_readnoise_s43.fits"),
                r.references().stream().map(p -> p.getFileName().toString()).toList());
        ExposureMetadata m = sim.segmentMetadata(1);
        org.tsoinspector.model.DarkReference dark = ReferenceFiles.readDark(r.references().get(4), m);
        float[] gain = ReferenceFiles.readGain(r.references().get(5), m).values();
        float[] noise = ReferenceFiles.readReadNoise(r.references().get(6), m).values();
        assertEquals(2, dark.groups());
        for (int p = 0; p < 96 * 2048; p++) {
            float rate = sim.detector().dark[1802 * 2048 + p];
            for (int g = 0; g < 2; g++) {
                // the dark signal a group holds: (g + 1) frames of the detector's dark current (NISRAPID)
                assertEquals((float) (rate * m.tGroup() * (g + 1)), dark.frames()[g * 96 * 2048 + p]);
            }
            assertEquals((float) sc.detector().gain(), gain[p]);
            assertEquals((float) (sc.detector().readNoise() * Math.sqrt(2)), noise[p]);
        }
        MaskReference mask = ReferenceFiles.readMask(r.references().get(0), m);
        SaturationReference sat = ReferenceFiles.readSaturation(r.references().get(1), m);
        SuperbiasReference bias = ReferenceFiles.readSuperbias(r.references().get(2), m);
        LinearityReference lin = ReferenceFiles.readLinearity(r.references().get(3), m);
        int n = 96 * 2048;
        int y0 = 1802;
        int hot = 0;
        int nanCoeffs = 0;
        for (int p = 0; p < n; p++) {
            int f = y0 * 2048 + p;
            assertEquals(sim.detector().maskDq[f], mask.dq()[p]);
            assertEquals(sim.detector().bias[f], bias.bias()[p]);
            assertEquals(sim.detector().threshold[f], sat.threshold()[p]);
            assertEquals(sim.detector().coeffs[2 * 2048 * 2048 + f], lin.coeffs()[2 * n + p]);
            hot += DqFlag.HOT.isSetIn(mask.dq()[p]) ? 1 : 0;
            nanCoeffs += Float.isNaN(lin.coeffs()[3 * n + p]) ? 1 : 0;
        }
        assertTrue(hot > 20, hot + " hot pixels");
        assertTrue(nanCoeffs > 0, "some pixels have no linearity coefficients");
        // border columns are reference pixels; DMS columns 0-3 and 2044-2047 only in SUBSTRIP96
        assertEquals(DqFlag.REFERENCE_PIXEL.value(), mask.dq()[10 * 2048 + 2] & DqFlag.REFERENCE_PIXEL.value());
    }
}
