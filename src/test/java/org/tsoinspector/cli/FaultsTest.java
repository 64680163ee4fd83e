package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.calib.Pipeline;
import org.tsoinspector.calib.PipelineSettings;
import org.tsoinspector.calib.ReferenceSet;
import org.tsoinspector.calib.SegmentCalibration;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.fits.ReferenceFileWriter;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.fits.VectorEdits;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.StepName;

/**
 * Faults during a run (docs/robustness.md, "Faults during a run"): inputs never change, a cancel
 * stops a long run promptly at any point and leaves nothing, Ctrl-C exits 130 leaving nothing, and
 * NaN or infinite samples get the reference pipeline's treatment instead of an error.
 */
class FaultsTest {

    @TempDir
    Path dir;

    private static Path vectors() {
        String td = System.getProperty("tso.testdata");
        assumeTrue(td != null, "needs -Dtso.testdata");
        return Path.of(td, "detector1");
    }

    private static String sha256(Path p) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static List<Path> listed(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void inputsAreNeverModified() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Map<Path, String> before = new LinkedHashMap<>();
        String[] names = {"soss96_uncal.fits", "soss96_mask.fits.gz", "soss96_saturation.fits.gz",
            "soss96_superbias.fits.gz", "soss96_linearity.fits.gz", "soss96_superbiasstep.fits.gz"};
        for (String n : names) {
            Path copy = Files.copy(vectors().resolve("soss96").resolve(n), in.resolve(n));
            before.put(copy, sha256(copy));
        }
        Path out = Files.createDirectory(dir.resolve("out"));
        for (Path p : before.keySet()) {
            assertEquals(0, RobustnessTableTest.cli("info", p.toString()).exit(), p.toString());
        }
        RobustnessTableTest.Outcome run = RobustnessTableTest.cli("calibrate", in.resolve("soss96_uncal.fits").toString(),
                "--mask", in.resolve(names[1]).toString(), "--saturation", in.resolve(names[2]).toString(),
                "--superbias", in.resolve(names[3]).toString(), "--linearity", in.resolve(names[4]).toString(),
                "--save-each", "--out", out.toString());
        assertEquals(0, run.exit(), run.stderr());
        // From a saved product, as the window and calibrate --steps refpix do.
        RobustnessTableTest.Outcome later = RobustnessTableTest.cli("calibrate",
                in.resolve("soss96_superbiasstep.fits.gz").toString(), "--steps", "refpix", "--out", out.toString());
        assertEquals(0, later.exit(), later.stderr());
        Path plots = Files.createDirectory(dir.resolve("plots"));
        for (String kind : List.of("frame", "ratio", "ramp")) {
            RobustnessTableTest.Outcome plot = RobustnessTableTest.cli("plot", kind,
                    in.resolve("soss96_uncal.fits").toString(), "--mask", in.resolve(names[1]).toString(),
                    "--saturation", in.resolve(names[2]).toString(), "--superbias", in.resolve(names[3]).toString(),
                    "--linearity", in.resolve(names[4]).toString(), "--out", plots.resolve(kind + ".png").toString());
            assertEquals(0, plot.exit(), plot.stderr());
        }
        RobustnessTableTest.Outcome fromProduct = RobustnessTableTest.cli("plot", "frame",
                in.resolve("soss96_superbiasstep.fits.gz").toString(), "--after", "superbias", "--out",
                plots.resolve("product.png").toString());
        assertEquals(0, fromProduct.exit(), fromProduct.stderr());
        try (FitsRampFile r = FitsRampFile.open(in.resolve("soss96_uncal.fits"))) {
            r.readIntegration(r.integrationCount() - 1);
        }
        for (Map.Entry<Path, String> e : before.entrySet()) {
            assertEquals(e.getValue(), sha256(e.getKey()), e.getKey() + " changed");
        }
        List<String> products = listed(out).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("soss96_dqinitstep.fits", "soss96_linearitystep.fits", "soss96_refpixstep.fits",
                "soss96_saturationstep.fits", "soss96_superbiasstep.fits"), products, "products only, no temporary files");
        for (Path p : listed(out)) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        for (Path p : listed(plots)) {
            String name = p.getFileName().toString();
            assertTrue(name.endsWith(".png") || name.endsWith(".csv"), name + ": plots and their tables only");
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), name);
        }
    }

    /**
     * A long raw segment for cancel tests: the soss96 vector's headers claiming {@code nints}
     * integrations, the data a sparse hole (physical 32768 everywhere). Its own INT_TIMES is dropped.
     */
    private Path longSegment(int nints) throws Exception {
        byte[] vector = Files.readAllBytes(vectors().resolve("soss96/soss96_uncal.fits"));
        int dataOffset = VectorEdits.sciDataOffset(vector);
        byte[] headers = VectorEdits.withCard(java.util.Arrays.copyOf(vector, dataOffset), "SCI", "NAXIS4",
                Integer.toString(nints));
        headers = VectorEdits.withCard(headers, "", "NINTS", Integer.toString(nints));
        headers = VectorEdits.withCard(headers, "", "INTEND", Integer.toString(nints));
        long integrationBytes = 3L * 96 * 2048 * 2;
        Path p = dir.resolve("long_uncal.fits");
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
            raf.write(headers);
            raf.setLength(dataOffset + (nints * integrationBytes + 2879) / 2880 * 2880);
        }
        return p;
    }

    private Path mask(ExposureMetadata e) throws IOException {
        Path p = dir.resolve("mask.fits");
        ReferenceHeader h = new ReferenceHeader("mask.fits", ReferenceFiles.MASK, e.instrument(), e.detector(), "GENERIC",
                e.window(), "2022-01-01T00:00:00", "test");
        new ReferenceFileWriter(new DetectorOrientation(-2, -1), "faults test")
                .writeMask(p, new MaskReference(h, e.window(), new int[e.window().pixelCount()]));
        return p;
    }

    /** Cancels when the run reports integration {@code at} done, and remembers when it asked. */
    private static final class CancelAt implements ProgressMonitor {
        final long at;
        final AtomicLong askedNanos = new AtomicLong();

        CancelAt(long at) {
            this.at = at;
            if (at == 0) {
                askedNanos.set(System.nanoTime());
            }
        }

        @Override
        public void progress(long done, long total, String message) {
            if (done >= at && askedNanos.get() == 0) {
                askedNanos.set(System.nanoTime());
            }
        }

        @Override
        public boolean isCancelled() {
            return askedNanos.get() != 0;
        }
    }

    @Test
    void cancelStopsPromptlyAndLeavesNothing() throws Exception {
        int nints = 40;
        Path segment = longSegment(nints);
        Path out = Files.createDirectory(dir.resolve("out"));
        Path product = out.resolve("long_dqinitstep.fits");
        byte[] good = "an earlier good product".getBytes(StandardCharsets.US_ASCII);
        Files.write(product, good);
        try (FitsRampFile source = FitsRampFile.open(segment)) {
            ExposureMetadata e = source.metadata();
            Set<StepName> steps = EnumSet.of(StepName.DQ_INIT);
            ReferenceSet refs = new ReferenceSet(ReferenceFiles.readMask(mask(e), e), null, null, null);
            var prepared = Pipeline.of(source.name(), e, PipelineSettings.DEFAULTS.withEnabled(steps), refs)
                    .prepare(e, source.pixelDq());
            // Before the first integration, early, in the middle, after the last (just before commit).
            for (long at : new long[] {0, 1, nints / 2, nints}) {
                CancelAt monitor = new CancelAt(at);
                SegmentCalibration run = new SegmentCalibration(source, prepared, refs.fileNames(steps), 2);
                assertThrows(CancelledException.class, () -> run.run(out, "long", true, monitor), "cancel at " + at);
                double latency = (System.nanoTime() - monitor.askedNanos.get()) / 1e9;
                assertTrue(latency < 5, "cancel at " + at + " took " + latency + " s");
                assertEquals(List.of(product), listed(out), "cancel at " + at + " left files behind");
                assertArrayEquals(good, Files.readAllBytes(product), "cancel at " + at + " replaced the product");
            }
        }
    }

    @Test
    void ctrlCExits130AndLeavesNoPartialOutput() throws Exception {
        assumeTrue(new java.io.File("/bin/kill").canExecute() || new java.io.File("/usr/bin/kill").canExecute(),
                "needs kill to send SIGINT");
        // long enough (a sparse file) that calibrate cannot finish between starting to write and the signal
        Path segment = longSegment(4000);
        Path out = Files.createDirectory(dir.resolve("out"));
        ExposureMetadata e;
        try (FitsRampFile r = FitsRampFile.open(segment)) {
            e = r.metadata();
        }
        Path mask = mask(e);
        String before = sha256(segment);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.tsoinspector.Main", "calibrate", segment.toString(), "--steps", "dq_init", "--mask",
                mask.toString(), "--out", out.toString()));
        Path log = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (listed(out).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(p.isAlive(), "calibrate ended before it could be interrupted: " + Files.readString(log));
            assertFalse(listed(out).isEmpty(), "calibrate never started writing");
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "calibrate did not stop within 30 s of Ctrl-C");
            assertEquals(CommandLine.EXIT_CANCELLED, p.exitValue(), Files.readString(log));
            assertEquals(List.of(), listed(out), "no partial product or temporary file");
            assertEquals(before, sha256(segment), "the input is unchanged");
        } finally {
            p.destroyForcibly();
        }
    }

    /** simulate, like calibrate, leaves no partial segment when Ctrl-C stops it. */
    @Test
    void ctrlCDuringSimulateExits130AndLeavesNoPartialSegment() throws Exception {
        assumeTrue(new java.io.File("/bin/kill").canExecute() || new java.io.File("/usr/bin/kill").canExecute(),
                "needs kill to send SIGINT");
        Path out = Files.createDirectory(dir.resolve("sim"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("simulate.txt");
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.tsoinspector.Main", "simulate", "--nints", "400", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (listed(out).stream().noneMatch(f -> f.getFileName().toString().endsWith(".part")) && p.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(p.isAlive(), "simulate ended before it could be interrupted: " + Files.readString(log));
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "simulate did not stop within 30 s of Ctrl-C");
            assertEquals(CommandLine.EXIT_CANCELLED, p.exitValue(), Files.readString(log));
            assertEquals(List.of(out.resolve("refs")), listed(out), "no partial segment or temporary file");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void nanAndInfiniteSamplesFollowTheReferencePipeline() throws Exception {
        Path v = vectors().resolve("soss96");
        Path out = Files.createDirectory(dir.resolve("out"));
        // A float32 product to plant the samples in: dq_init of the vector.
        RobustnessTableTest.Outcome first = RobustnessTableTest.cli("calibrate", v.resolve("soss96_uncal.fits").toString(),
                "--steps", "dq_init", "--mask", v.resolve("soss96_mask.fits.gz").toString(), "--out", out.toString());
        assertEquals(0, first.exit(), first.stderr());
        Path clean = out.resolve("soss96_dqinitstep.fits");
        Path planted = Files.copy(clean, dir.resolve("planted_dqinitstep.fits"));
        byte[] bytes = Files.readAllBytes(planted);
        int data = VectorEdits.sciDataOffset(bytes);
        int nx = 2048;
        int ny = 96;
        // integration 0, group 1: NaN at (40, 500), +Inf at (40, 600), -Inf at (40, 700)
        int g = 1;
        int y = 40;
        try (RandomAccessFile raf = new RandomAccessFile(planted.toFile(), "rw")) {
            for (int[] px : new int[][] {{500, 0}, {600, 1}, {700, 2}}) {
                raf.seek(data + 4L * (((long) g * ny + y) * nx + px[0]));
                raf.writeFloat(px[1] == 0 ? Float.NaN : px[1] == 1 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY);
            }
        }
        String[] refs = {"--saturation", v.resolve("soss96_saturation.fits.gz").toString(), "--superbias",
            v.resolve("soss96_superbias.fits.gz").toString(), "--linearity", v.resolve("soss96_linearity.fits.gz").toString()};
        Path cleanOut = Files.createDirectory(dir.resolve("clean"));
        Path plantedOut = Files.createDirectory(dir.resolve("planted"));
        for (Path[] run : new Path[][] {{clean, cleanOut}, {planted, plantedOut}}) {
            List<String> args = new ArrayList<>(List.of("calibrate", run[0].toString()));
            args.addAll(List.of(refs));
            args.addAll(List.of("--out", run[1].toString()));
            RobustnessTableTest.Outcome o = RobustnessTableTest.cli(args.toArray(new String[0]));
            assertEquals(0, o.exit(), "NaN and infinite samples are not an error: " + o.stderr());
        }
        try (FitsRampFile a = FitsRampFile.open(cleanOut.resolve("soss96_linearitystep.fits"));
                FitsRampFile b = FitsRampFile.open(plantedOut.resolve("planted_linearitystep.fits"))) {
            Ramp ra = a.readIntegration(0);
            Ramp rb = b.readIntegration(0);
            int sat = DqFlag.SATURATED.value();
            int floor = DqFlag.AD_FLOOR.value() | DqFlag.DO_NOT_USE.value();
            assertTrue(Float.isNaN(rb.sample(g, y, 500)), "NaN stays NaN");
            for (int k = 0; k < ra.nGroups(); k++) {
                assertEquals(ra.groupDq(k, y, 500), rb.groupDq(k, y, 500), "NaN neither saturates nor hits the floor");
            }
            assertEquals(Float.POSITIVE_INFINITY, rb.sample(g, y, 600), "saturated samples are kept by linearity");
            for (int k = g; k < ra.nGroups(); k++) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        assertEquals(sat, rb.groupDq(k, y + dy, 600 + dx) & sat,
                                "+Inf saturates in group " + k + " and grows to (" + (y + dy) + "," + (600 + dx) + ")");
                    }
                }
            }
            assertEquals(floor, rb.groupDq(g, y, 700) & floor, "-Inf is at the A/D floor");
            assertEquals(ra.groupDq(g + 1, y, 700), rb.groupDq(g + 1, y, 700), "the floor flag is for that group only");
            // Elsewhere nothing changes: the same flags as the clean run away from the three pixels.
            int differing = 0;
            for (int k = 0; k < ra.groupDq().length; k++) {
                if (ra.groupDq()[k] != rb.groupDq()[k]) {
                    differing++;
                }
            }
            assertTrue(differing <= 1 + 9 * (ra.nGroups() - g), "flags changed at " + differing + " samples");
        }
    }
}
