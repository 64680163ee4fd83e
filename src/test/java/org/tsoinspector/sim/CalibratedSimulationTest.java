package org.tsoinspector.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tsoinspector.calib.CalibrationStep;
import org.tsoinspector.calib.DqInitStep;
import org.tsoinspector.calib.LinearityStep;
import org.tsoinspector.calib.PreparedStep;
import org.tsoinspector.calib.RefPixStep;
import org.tsoinspector.calib.SaturationStep;
import org.tsoinspector.calib.SuperbiasStep;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.model.SuperbiasReference;

/**
 * The proof that the simulated data look like the notebook's: the engine's five steps, run with the
 * reference files the simulator wrote, on a generated WASP-43b SUBSTRIP256 segment.
 */
class CalibratedSimulationTest {

    static final int GROUPS = 6;
    static final int NX = 2048;
    static final int NY = 256;
    static final int N = NX * NY;

    static ExposureSimulator sim;
    static ExposureMetadata meta;
    static List<PreparedStep> steps;
    /** Per integration of the small segment: the ramp after superbias, after refpix, after linearity. */
    static List<Ramp[]> stages;
    static int[] pixelDq;

    @BeforeAll
    static void calibrateASmallSegment() throws Exception {
        Path dir = Files.createTempDirectory("calsim");
        try {
            Scenario sc = Scenario.parse("wasp43b", new StringReader("references = subarray"), "test");
            sim = new ExposureSimulator(sc);
            Scenario small = Scenario.parse("wasp43b", new StringReader("references = subarray\nnints = 2"), "test");
            ExposureSimulator.Result r = new ExposureSimulator(small).write(dir, 2, ProgressMonitor.NONE);
            try (FitsRampFile f = FitsRampFile.open(r.segments().get(0))) {
                meta = f.metadata();
                steps = prepare(r.references(), meta, f.pixelDq());
                pixelDq = steps.get(4).pixelDq();
                stages = new ArrayList<>();
                for (int i = 0; i < f.integrationCount(); i++) {
                    stages.add(calibrate(f.readIntegration(i)));
                }
            }
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static List<PreparedStep> prepare(List<Path> refs, ExposureMetadata e, int[] dq) throws Exception {
        SuperbiasReference bias = ReferenceFiles.readSuperbias(refs.get(2), e);
        List<CalibrationStep> all = List.of(new DqInitStep(ReferenceFiles.readMask(refs.get(0), e)),
                new SaturationStep(ReferenceFiles.readSaturation(refs.get(1), e), bias,
                        SaturationStep.Parameters.DEFAULTS),
                new SuperbiasStep(bias), new RefPixStep(RefPixStep.Parameters.DEFAULTS),
                new LinearityStep(ReferenceFiles.readLinearity(refs.get(3), e)));
        List<PreparedStep> prepared = new ArrayList<>();
        for (CalibrationStep s : all) {
            PreparedStep p = s.prepare(e, dq);
            prepared.add(p);
            dq = p.pixelDq();
        }
        return prepared;
    }

    /** Runs the five steps; returns copies after superbias, refpix and linearity. */
    static Ramp[] calibrate(Ramp r) {
        Ramp[] out = new Ramp[3];
        for (int s = 0; s < 5; s++) {
            steps.get(s).apply(r);
            if (s >= 2) {
                out[s - 2] = r.copy();
            }
        }
        return out;
    }

    private static boolean usable(Ramp r, int p) {
        if ((pixelDq[p] & (DqFlag.DO_NOT_USE.value() | DqFlag.REFERENCE_PIXEL.value())) != 0) {
            return false;
        }
        for (int g = 0; g < GROUPS; g++) {
            if (r.groupDq()[g * N + p] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Median of (g6-g5)/(g2-g1) over pixels at 12 000-25 000 DN in the last group, both integrations. */
    static double medianRatio(int stage) {
        List<Double> ratios = new ArrayList<>();
        for (Ramp[] st : stages) {
            Ramp r = st[stage];
            float[] d = r.data();
            for (int p = 0; p < N; p++) {
                float last = d[5 * N + p];
                if (last >= 12000 && last <= 25000 && usable(r, p)) {
                    ratios.add((double) (d[5 * N + p] - d[4 * N + p]) / (d[N + p] - d[p]));
                }
            }
        }
        assertTrue(ratios.size() > 10000, ratios.size() + " pixels at 12 000-25 000 DN");
        double[] a = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a[a.length / 2];
    }

    @Test
    void linearityStraightensTheGroupDifferenceRatio() {
        double before = medianRatio(1);
        double after = medianRatio(2);
        assertTrue(before <= 0.985, "before linearity the ratio is " + before);
        assertEquals(1.0, after, 0.01, "after linearity");
    }

    /**
     * Even minus odd detector columns, group g: the median over faint sky pixels of the difference
     * between vertical neighbours (DMS rows y and y+1 are detector columns of opposite parity and
     * the same detector row, so 1/f stripes cancel), less the light each collected; a median, so
     * cosmic-ray jumps and warm pixels do not count.
     */
    static double parityDifference(Ramp r, int g) {
        float[] light = sim.illumination();
        float[] qe = sim.detector().qe;
        float[] d = new float[N];
        int n = 0;
        SubarrayWindow w = meta.window();
        for (int y = 0; y + 1 < NY; y++) {
            int detectorColumn = meta.orientation().detectorColumn(w.y0() + y, 0, SubarrayWindow.DETECTOR_SIZE);
            int sign = (detectorColumn & 1) == 0 ? 1 : -1;
            for (int x = 0; x < NX; x++) {
                int p = y * NX + x;
                int q = p + NX;
                if (light[p] < 1 && light[q] < 1 && usable(r, p) && usable(r, q)) {
                    double skyP = (light[p] + 4.0) * qe[(w.y0() + y) * NX + x] * 5.494 * (g + 1);
                    double skyQ = (light[q] + 4.0) * qe[(w.y0() + y + 1) * NX + x] * 5.494 * (g + 1);
                    d[n++] = (float) (sign * ((r.data()[g * N + p] - skyP) - (r.data()[g * N + q] - skyQ)));
                }
            }
        }
        assertTrue(n > 20000, n + " neighbour pairs");
        return median(d, n);
    }

    private static double median(float[] v, int n) {
        float[] a = Arrays.copyOf(v, n);
        Arrays.sort(a);
        return n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }

    @Test
    void refpixRemovesTheOddEvenPattern() {
        // rms over every group of both integrations; what is left after refpix is the noise of the
        // reference pixels' own clipped means (about 0.2 DN with 10 DN read noise and ~5 000 per parity)
        double before = 0;
        double after = 0;
        int frames = 0;
        for (Ramp[] st : stages) {
            for (int g = 0; g < GROUPS; g++) {
                before += Math.pow(parityDifference(st[0], g), 2);
                after += Math.pow(parityDifference(st[1], g), 2);
                frames++;
            }
        }
        before = Math.sqrt(before / frames);
        after = Math.sqrt(after / frames);
        assertTrue(before > 2, "after superbias the column parities differ by " + before + " DN rms");
        assertTrue(after < 0.5, "after refpix they differ by " + after + " DN rms");
    }

    @Test
    void saturatedPixelsAreWhereTheLightExceedsTheThresholds() {
        float[] light = sim.illumination();
        DetectorModel det = sim.detector();
        int y0 = meta.window().y0();
        Ramp r = stages.get(0)[2];
        int expected = 0;
        int found = 0;
        int flagged = 0;
        int explained = 0;
        boolean[] near = new boolean[N];
        for (int p = 0; p < N; p++) {
            int f = y0 * NX + p;
            double charge = (light[p] + 4.0) * det.qe[f] * GROUPS * 5.494;
            double level = det.bias[f] + ExposureSimulator.measured(charge, det.coeffs[2 * NX * NX + f], 6e-12);
            if (Float.isNaN(det.threshold[f])) {
                continue;
            }
            if (level > 0.98 * det.threshold[f]) {
                // the 3x3 growth of the SATURATED flag reaches one pixel further each group
                for (int dy = -GROUPS; dy <= GROUPS; dy++) {
                    for (int dx = -GROUPS; dx <= GROUPS; dx++) {
                        int y = p / NX + dy;
                        int x = p % NX + dx;
                        if (y >= 0 && y < NY && x >= 0 && x < NX) {
                            near[y * NX + x] = true;
                        }
                    }
                }
            }
            if (level > 1.02 * det.threshold[f]) {
                expected++;
                found += DqFlag.SATURATED.isSetIn(r.groupDq()[5 * N + p]) ? 1 : 0;
            }
        }
        for (int p = 0; p < N; p++) {
            if (DqFlag.SATURATED.isSetIn(r.groupDq()[5 * N + p])) {
                flagged++;
                explained += near[p] ? 1 : 0;
            }
        }
        assertTrue(expected > 0, "the default scenario has pixels over their threshold");
        assertEquals(expected, found, "every pixel clearly over its threshold is flagged");
        // the rest are cosmic rays on bright pixels
        assertTrue(explained >= 0.9 * flagged, explained + " of " + flagged + " flags next to over-threshold light");
    }

    @Test
    void theWhiteLightCurveShowsTheInjectedDepth() throws Exception {
        float[] light = sim.illumination();
        float max = 0;
        for (float v : light) {
            max = Math.max(max, v);
        }
        DetectorModel det = sim.detector();
        int y0 = meta.window().y0();
        boolean[] trace = new boolean[N];
        for (int p = 0; p < N; p++) {
            int f = y0 * NX + p;
            // the brighter trace, below saturation
            trace[p] = light[p] > 0.1 * max && light[p] * GROUPS * 5.494 < 0.7 * (det.threshold[f] - det.bias[f]);
        }
        int[] out = {0, 1, 2, 3};
        int[] in = {93, 94, 95, 96};
        double fluxOut = 0;
        double fluxIn = 0;
        double injectedOut = 0;
        double injectedIn = 0;
        for (int k = 0; k < 4; k++) {
            fluxOut += whiteLight(out[k], trace);
            fluxIn += whiteLight(in[k], trace);
            injectedOut += sim.injectedFlux(out[k]);
            injectedIn += sim.injectedFlux(in[k]);
        }
        double injected = 1 - injectedIn / injectedOut;
        double measured = 1 - fluxIn / fluxOut;
        assertTrue(injected > 0.025, "mid-transit depth " + injected);
        assertEquals(injected, measured, 0.1 * injected, "white-light depth");
    }

    /** Sum over the trace of last minus first group, after all five steps. */
    private static double whiteLight(int integration, boolean[] trace) {
        Ramp r = calibrate(sim.ramp(integration))[2];
        double s = 0;
        for (int p = 0; p < N; p++) {
            if (trace[p] && (pixelDq[p] & DqFlag.DO_NOT_USE.value()) == 0) {
                s += r.data()[5 * N + p] - r.data()[p];
            }
        }
        return s;
    }

    @Test
    void theSmallSegmentIsTheDefaultSampleItsFirstIntegrations() {
        assertEquals(Arrays.asList(1, 2), Arrays.asList(meta.intStart(), meta.intEnd()));
        assertEquals("SUBSTRIP256", meta.subarrayName());
        assertEquals(GROUPS, meta.nGroups());
    }
}
