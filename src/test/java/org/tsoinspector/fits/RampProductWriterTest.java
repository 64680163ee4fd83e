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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
            assertEquals(List.of(target), s.toList(), "no temporary or spill files left behind");
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
                        "integrations out of order");
                assertThrows(IllegalStateException.class, () -> w.commit(new int[96 * 2048]), "one missing");
            }
        }
        assertEquals("the good product of an earlier run", Files.readString(target));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    void sourceWithoutAFileGetsALevel1bHeaderFromItsMetadata() throws Exception {
        Path target = dir.resolve("memory_dqinitstep.fits");
        try (FitsRampFile in = FitsRampFile.open(soss96())) {
            RampSource memory = new RampSource() {
                public String name() { return "memory"; }
                public ExposureMetadata metadata() { return in.metadata(); }
                public int integrationCount() { return in.integrationCount(); }
                public Ramp readIntegration(int i) throws IOException { return in.readIntegration(i); }
                public float[] readGroup(int i, int g) throws IOException { return in.readGroup(i, g); }
                public int[] pixelDq() throws IOException { return in.pixelDq(); }
                public IntegrationTimes integrationTimes() { return null; }
                public void close() { }
            };
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
