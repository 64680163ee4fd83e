package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;
import org.tsoinspector.model.StepName;

/** Step products: written integration by integration, read back value for value, never half-written. */
class RampProductWriterTest {

    @TempDir
    Path dir;

    private static Path soss96() {
        return TestFits.vector("soss96", "soss96_uncal.fits");
    }

    /** Integration i changed so that every kind of value shows up: fractions, NaN, negative, all DQ bits. */
    private static Ramp changed(Ramp r) {
        Ramp c = r.copy();
        for (int k = 0; k < c.data().length; k++) {
            c.data()[k] = c.data()[k] * 0.5f - 1000.25f;
            c.groupDq()[k] = (byte) (k * 7 + r.integration());
        }
        c.data()[3] = Float.NaN;
        c.zeroFrame()[5] = -2.5f;
        return c;
    }

    private static int[] pixelDq(int n) {
        int[] dq = new int[n];
        for (int k = 0; k < n; k++) {
            dq[k] = k % 5 == 0 ? 0x80000000 | k : k * 31;
        }
        return dq;
    }

    @Test
    void productReadsBackValueForValueWithTheRightLayout() throws Exception {
        Path target = dir.resolve("soss96_saturationstep.fits");
        ExposureMetadata productMeta;
        int[] dq;
        try (FitsRampFile in = FitsRampFile.open(soss96())) {
            productMeta = in.metadata().withCompletedSteps(EnumSet.of(StepName.DQ_INIT, StepName.SATURATION));
            dq = pixelDq(productMeta.ny() * productMeta.nx());
            try (RampProductWriter w = RampProductWriter.create(target, in, productMeta,
                    Map.of(StepName.DQ_INIT, "soss96_mask.fits.gz", StepName.SATURATION, "soss96_saturation.fits.gz",
                            StepName.SUPERBIAS, "soss96_superbias.fits.gz"))) {
                for (int i = 0; i < in.integrationCount(); i++) {
                    w.writeIntegration(changed(in.readIntegration(i)));
                }
                w.commit(dq);
            }
            try (FitsRampFile out = FitsRampFile.open(target)) {
                assertEquals(productMeta, out.metadata());
                assertArrayEquals(dq, out.pixelDq());
                for (int i = 0; i < in.integrationCount(); i++) {
                    Ramp expected = changed(in.readIntegration(i));
                    Ramp actual = out.readIntegration(i);
                    assertArrayEquals(expected.data(), actual.data());
                    assertArrayEquals(expected.groupDq(), actual.groupDq());
                    assertArrayEquals(expected.zeroFrame(), actual.zeroFrame());
                }
                IntegrationTimes a = in.integrationTimes();
                IntegrationTimes b = out.integrationTimes();
                assertArrayEquals(a.integrationNumber(), b.integrationNumber());
                assertArrayEquals(a.midMjdUtc(), b.midMjdUtc());
                assertArrayEquals(a.endBjdTdb(), b.endBjdTdb());
                FitsHeader h = out.fits().primary().header();
                assertEquals("COMPLETE", h.string("S_DQINIT", ""));
                assertEquals("COMPLETE", h.string("S_SATURA", ""));
                assertFalse(h.has("S_SUPERB"));
                assertFalse(h.has("R_SUPERB"), "superbias has not run, its reference is not recorded");
                assertEquals("soss96_mask.fits.gz", h.string("R_MASK", ""));
                assertEquals("soss96_saturation.fits.gz", h.string("R_SATURA", ""));
                assertEquals("RampModel", h.string("DATAMODL", ""));
                assertEquals("GR700XD", h.string("PUPIL", ""), "input keywords are carried over");
                List<String> names = out.fits().hdus().stream().map(Hdu::name).toList();
                assertEquals(List.of("PRIMARY", "SCI", "PIXELDQ", "GROUPDQ", "ZEROFRAME", "INT_TIMES"), names);
                assertEquals("float32", out.fits().find("SCI").orElseThrow().dataTypeText());
                assertEquals("uint32", out.fits().find("PIXELDQ").orElseThrow().dataTypeText());
                assertEquals("uint8", out.fits().find("GROUPDQ").orElseThrow().dataTypeText());
            }
        }
        // nom-tam-fits sees the same layout: float SCI, PIXELDQ stored with BZERO 2^31.
        try (Fits f = new Fits(target.toFile())) {
            ImageHDU pix = (ImageHDU) f.getHDU("PIXELDQ");
            assertEquals(2147483648.0, pix.getBZero());
            int[][] raw = (int[][]) pix.getKernel();
            assertEquals(dq[7] ^ 0x80000000, raw[0][7]);
            assertTrue(f.getHDU("SCI").getKernel() instanceof float[][][][]);
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList(), "no temporary file left behind");
        }
    }

    @Test
    void failureOrCancelLeavesAnExistingProductUntouched() throws Exception {
        Path target = dir.resolve("soss96_saturationstep.fits");
        Files.writeString(target, "the good product of an earlier run");
        try (FitsRampFile in = FitsRampFile.open(soss96())) {
            try (RampProductWriter w = RampProductWriter.create(target, in, in.metadata(), Map.of())) {
                w.writeIntegration(in.readIntegration(0));
                assertThrows(IllegalArgumentException.class, () -> w.writeIntegration(in.readIntegration(0)),
                        "the same integration twice");
                Ramp r = in.readIntegration(0);
                Ramp outside = new Ramp(in.integrationCount(), r.nGroups(), r.ny(), r.nx(), r.data(), r.groupDq(),
                        r.zeroFrame());
                assertThrows(IllegalArgumentException.class, () -> w.writeIntegration(outside),
                        "an integration of another segment");
                assertThrows(IllegalStateException.class, () -> w.commit(new int[96 * 2048]), "one missing");
            }
        }
        assertEquals("the good product of an earlier run", Files.readString(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    /** Metadata of segment 2 of 2 holding {@code n} integrations after 2 in segment 1, with or without zero frames. */
    private static ExposureMetadata secondSegment(ExposureMetadata m, int n, boolean zero) {
        return new ExposureMetadata(m.instrument(), m.detector(), m.exposureType(), m.subarrayName(), m.window(),
                m.orientation(), m.nOutputs(), n + 2, m.nGroups(), m.nFrames(), m.groupGap(), m.tFrame(), m.tGroup(),
                m.readPattern(), 2, 2, 3, n + 2, m.dateObs(), zero, Set.of(StepName.DQ_INIT));
    }

    /** Ramp {@code i} of the vectors as integration {@code i + 2} of the exposure, every value distinct. */
    private static Ramp asSecondSegment(Ramp r, int i, boolean zero) {
        Ramp c = changed(r);
        for (int k = 0; k < c.data().length; k++) {
            c.data()[k] += 1e-3f * (k % 1000) + 10000 * i;
        }
        return new Ramp(i + 2, c.nGroups(), c.ny(), c.nx(), c.data(), c.groupDq(), zero ? c.zeroFrame() : null);
    }

    private static IntegrationTimes timesOfSecondSegment(int n) {
        int[] number = new int[n];
        double[][] t = new double[6][n];
        for (int r = 0; r < n; r++) {
            number[r] = r + 3;
            for (int c = 0; c < 6; c++) {
                t[c][r] = 59800.125 + r * 0.001 + c * 1e-5;
            }
        }
        return new IntegrationTimes(number, t[0], t[1], t[2], t[3], t[4], t[5]);
    }

    /**
     * Integrations handed over in any order land at their places: SCI, GROUPDQ, ZEROFRAME (or none),
     * PIXELDQ and INT_TIMES read back as written, for a segment that does not start at integration 1.
     */
    @ParameterizedTest(name = "zero frame {0}")
    @ValueSource(booleans = {true, false})
    void integrationsInAnyOrderReadBackAtTheirPlaces(boolean zero) throws Exception {
        Path target = dir.resolve("seg002_dqinitstep.fits");
        try (FitsRampFile in = FitsRampFile.open(soss96())) {
            int n = in.integrationCount();
            assumeTrue(n >= 2, "the vectors have at least two integrations");
            ExposureMetadata m = secondSegment(in.metadata(), n, zero);
            IntegrationTimes times = timesOfSecondSegment(n);
            RampSource source = memory(in, m, times);
            int[] dq = pixelDq(m.ny() * m.nx());
            List<Integer> order = new ArrayList<>();
            for (int i = n - 1; i >= 0; i -= 2) {
                order.add(i);
            }
            for (int i = n % 2 == 0 ? 0 : 1; i < n; i += 2) {
                order.add(i);
            }
            try (RampProductWriter w = RampProductWriter.create(target, source, m, Map.of())) {
                for (int i : order) {
                    w.writeIntegration(asSecondSegment(in.readIntegration(i), i, zero));
                }
                w.commit(dq);
            }
            try (FitsRampFile out = FitsRampFile.open(target)) {
                assertEquals(m, out.metadata());
                assertArrayEquals(dq, out.pixelDq());
                for (int i = 0; i < n; i++) {
                    Ramp expected = asSecondSegment(in.readIntegration(i), i, zero);
                    Ramp actual = out.readIntegration(i);
                    assertEquals(i + 2, actual.integration());
                    assertArrayEquals(expected.data(), actual.data(), "SCI of integration " + i);
                    assertArrayEquals(expected.groupDq(), actual.groupDq(), "GROUPDQ of integration " + i);
                    assertArrayEquals(expected.zeroFrame(), actual.zeroFrame(), "ZEROFRAME of integration " + i);
                }
                IntegrationTimes b = out.integrationTimes();
                assertArrayEquals(times.integrationNumber(), b.integrationNumber());
                assertArrayEquals(times.startMjdUtc(), b.startMjdUtc());
                assertArrayEquals(times.midMjdUtc(), b.midMjdUtc());
                assertArrayEquals(times.endMjdUtc(), b.endMjdUtc());
                assertArrayEquals(times.startBjdTdb(), b.startBjdTdb());
                assertArrayEquals(times.midBjdTdb(), b.midBjdTdb());
                assertArrayEquals(times.endBjdTdb(), b.endBjdTdb());
                List<String> names = out.fits().hdus().stream().map(Hdu::name).toList();
                assertEquals(zero ? List.of("PRIMARY", "SCI", "PIXELDQ", "GROUPDQ", "ZEROFRAME", "INT_TIMES")
                        : List.of("PRIMARY", "SCI", "PIXELDQ", "GROUPDQ", "INT_TIMES"), names);
            }
        }
        assertEquals(0, Files.size(target) % FitsStreamWriter.BLOCK, "whole 2880-byte blocks");
    }

    /** A product ending with a reserved data unit (no INT_TIMES) still has its full, padded length. */
    @Test
    void productEndingWithGroupDqIsPaddedToWholeBlocks() throws Exception {
        Path target = dir.resolve("seg002_dqinitstep.fits");
        try (FitsRampFile in = FitsRampFile.open(soss96())) {
            int n = in.integrationCount();
            ExposureMetadata m = secondSegment(in.metadata(), n, false);
            try (RampProductWriter w = RampProductWriter.create(target, memory(in, m, null), m, Map.of())) {
                for (int i = 0; i < n; i++) {
                    w.writeIntegration(asSecondSegment(in.readIntegration(i), i, false));
                }
                w.commit(new int[m.ny() * m.nx()]);
            }
            assertEquals(0, Files.size(target) % FitsStreamWriter.BLOCK);
            try (FitsRampFile out = FitsRampFile.open(target)) {
                assertEquals(null, out.integrationTimes());
                assertArrayEquals(asSecondSegment(in.readIntegration(n - 1), n - 1, false).groupDq(),
                        out.readIntegration(n - 1).groupDq());
                List<String> names = out.fits().hdus().stream().map(Hdu::name).toList();
                assertEquals(List.of("PRIMARY", "SCI", "PIXELDQ", "GROUPDQ"), names);
            }
        }
    }

    /**
     * An independent reader agrees: astropy opens the product, {@code verify('exception')} passes, and
     * it reads the values written at chosen places (PIXELDQ as uint32 through BZERO). Skipped where
     * Python with astropy is not installed.
     */
    @Test
    void astropyVerifiesTheProductAndReadsTheValuesWritten() throws Exception {
        String python = pythonWithAstropy();
        assumeTrue(python != null, "python3 with astropy not installed");
        Path target = dir.resolve("seg002_dqinitstep.fits");
        int n;
        int[] dq;
        List<Ramp> written = new ArrayList<>();
        try (FitsRampFile in = FitsRampFile.open(soss96())) {
            n = in.integrationCount();
            ExposureMetadata m = secondSegment(in.metadata(), n, true);
            dq = pixelDq(m.ny() * m.nx());
            try (RampProductWriter w = RampProductWriter.create(target, memory(in, m, timesOfSecondSegment(n)), m,
                    Map.of())) {
                for (int i = n - 1; i >= 0; i--) {
                    Ramp r = asSecondSegment(in.readIntegration(i), i, true);
                    written.add(0, r);
                    w.writeIntegration(r);
                }
                w.commit(dq);
            }
        }
        Ramp last = written.get(n - 1);
        int g = last.nGroups() - 1;
        int y = last.ny() - 1;
        int x = last.nx() - 2;
        String script = String.join("\n",
                "import sys",
                "from astropy.io import fits",
                "with fits.open(sys.argv[1]) as h:",
                "    h.verify('exception')",
                "    print(','.join(x.name for x in h))",
                "    i, g, y, x = [int(v) for v in sys.argv[2:6]]",
                "    print(repr(float(h['SCI'].data[i, g, y, x])), int(h['GROUPDQ'].data[i, g, y, x]),",
                "          repr(float(h['ZEROFRAME'].data[i, y, x])), int(h['PIXELDQ'].data[y, x]),",
                "          h['PIXELDQ'].data.dtype, int(h['INT_TIMES'].data['integration_number'][i]))");
        Process p = new ProcessBuilder(python, "-c", script, target.toString(),
                String.valueOf(n - 1), String.valueOf(g), String.valueOf(y), String.valueOf(x))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        String[] lines = output.strip().split("\n");
        assertEquals("PRIMARY,SCI,PIXELDQ,GROUPDQ,ZEROFRAME,INT_TIMES", lines[0]);
        int k = last.index(g, y, x);
        int pixel = y * last.nx() + x;
        String[] v = lines[1].split(" ");
        assertEquals(last.data()[k], Double.parseDouble(v[0]), 0.0, "SCI");
        assertEquals(last.groupDq()[k] & 0xff, Integer.parseInt(v[1]), "GROUPDQ");
        assertEquals(last.zeroFrame()[pixel], Double.parseDouble(v[2]), 0.0, "ZEROFRAME");
        assertEquals(Integer.toUnsignedLong(dq[pixel]), Long.parseLong(v[3]), "PIXELDQ");
        assertEquals("uint32", v[4]);
        assertEquals(n + 2, Integer.parseInt(v[5]), "INT_TIMES integration number");
    }

    /** The interpreter that imports astropy (the Debian one may be shadowed on the PATH), or null. */
    private static String pythonWithAstropy() {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import astropy").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // not installed under this name: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** A source without a file: {@code m} and {@code times} as its metadata, the vectors' integrations. */
    private static RampSource memory(FitsRampFile in, ExposureMetadata m, IntegrationTimes times) {
        return new RampSource() {
            public String name() { return "memory"; }
            public ExposureMetadata metadata() { return m; }
            public int integrationCount() { return in.integrationCount(); }
            public Ramp readIntegration(int i) throws IOException { return in.readIntegration(i); }
            public float[] readGroup(int i, int g) throws IOException { return in.readGroup(i, g); }
            public int[] pixelDq() throws IOException { return in.pixelDq(); }
            public IntegrationTimes integrationTimes() { return times; }
            public void close() { }
        };
    }

    @Test
    void sourceWithoutAFileGetsALevel1bHeaderFromItsMetadata() throws Exception {
        Path target = dir.resolve("memory_dqinitstep.fits");
        try (FitsRampFile in = FitsRampFile.open(soss96())) {
            RampSource memory = memory(in, in.metadata(), null);
            ExposureMetadata m = in.metadata().withCompletedSteps(EnumSet.of(StepName.DQ_INIT));
            try (RampProductWriter w = RampProductWriter.create(target, memory, m, Map.of())) {
                for (int i = 0; i < in.integrationCount(); i++) {
                    w.writeIntegration(in.readIntegration(i));
                }
                w.commit(new int[m.ny() * m.nx()]);
            }
            try (FitsRampFile out = FitsRampFile.open(target)) {
                assertEquals(m, out.metadata());
                assertEquals(null, out.integrationTimes());
                assertArrayEquals(in.readIntegration(1).data(), out.readIntegration(1).data());
            }
        }
    }
}
