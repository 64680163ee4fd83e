package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.fits.ReferenceFileWriter;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.fits.TestMounts;
import org.tsoinspector.fits.VectorEdits;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.inspect.ErrorMessage;

/**
 * Keeps docs/robustness.md true: every row of its table names a case here, and the case, run through
 * the real command line (or, for what only a running reader can meet, through the reader with the
 * command line's own {@link ErrorMessage}), prints exactly the row's line: one line on stderr,
 * {@code error: <file>: <what>}, exit 1. The window column must be the same sentence, since the window
 * shows {@link ErrorMessage#of} too. Every case must have a row.
 */
class RobustnessTableTest {

    private static final Path TABLE = Path.of("docs", "robustness.md");
    /** A table row: | `id` | what | `command line` | `window` | */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|[^|]*\\|\\s*`([^`]*)`\\s*\\|\\s*`([^`]*)`\\s*\\|");

    @TempDir
    Path dir;

    /** What a case produced: exit status, stderr, and the path that stands for {@code <file>}. */
    record Outcome(int exit, String stderr, Path file) {
    }

    @FunctionalInterface
    interface Case {
        Outcome run(Path dir) throws Exception;
    }

    private final Map<String, Case> cases = new LinkedHashMap<>();

    RobustnessTableTest() {
        cases.put("no-such-file", d -> info(d.resolve("missing_uncal.fits")));
        cases.put("folder", d -> info(Files.createDirectory(d.resolve("seg_uncal.fits"))));
        cases.put("not-fits", d -> info(write(d, "notes_uncal.fits", "a, b, c\n".repeat(500).getBytes())));
        cases.put("empty", d -> info(write(d, "empty_uncal.fits", new byte[0])));
        cases.put("truncated-header", d -> info(write(d, "cut_uncal.fits",
                Arrays.copyOf(soss96(), VectorEdits.cardOffset(soss96(), "SCI", "XTENSION") + 400))));
        cases.put("truncated-data", d -> info(write(d, "cut_uncal.fits",
                Arrays.copyOf(soss96(), VectorEdits.sciDataOffset(soss96()) + 100_000))));
        cases.put("sci-missing", d -> calibrate(d, edited(d, "SCI", "EXTNAME", "'RATE    '")));
        cases.put("wrong-bitpix", d -> info(edited(d, "SCI", "BITPIX", "12")));
        cases.put("wrong-dimensionality", d -> calibrate(d, edited(d, "SCI", "NAXIS", "2")));
        cases.put("huge-size", d -> info(edited(d, "SCI", "NAXIS4", "1000000000")));
        cases.put("negative-size", d -> info(edited(d, "SCI", "NAXIS1", "-2048")));
        cases.put("overflowing-size", d -> info(edited(d, "SCI", "NAXIS4", "9223372036854775807")));
        cases.put("bad-keyword-value", d -> info(edited(d, "SCI", "BZERO", "'lots'")));
        cases.put("missing-keyword", d -> calibrate(d, edited(d, "", "FASTAXIS", "")));
        cases.put("corrupt-gzip", d -> info(write(d, "seg_uncal.fits.gz", corrupted(gzip(soss96())))));
        cases.put("truncated-gzip", d -> {
            byte[] gz = gzip(soss96());
            return info(write(d, "seg_uncal.fits.gz", Arrays.copyOf(gz, gz.length / 3)));
        });
        cases.put("ref-other-instrument", d -> withMask(d, mask(d, "NIRCAM", "NRCA1", window(), false)));
        cases.put("ref-other-detector", d -> withMask(d, mask(d, "NIRISS", "NRS1", window(), false)));
        cases.put("ref-other-type", d -> withMask(d, mask(d, "NIRISS", "NIS", window(), true)));
        cases.put("ref-window", d -> {
            SubarrayWindow w = window();
            return withMask(d, mask(d, "NIRISS", "NIS", new SubarrayWindow(w.xStart(), w.yStart() + 10, w.xSize(),
                    w.ySize()), false));
        });
        cases.put("ref-missing", d -> {
            Path refs = Files.createDirectory(d.resolve("other-refs"));
            Path raw = raw(d);
            Outcome o = cli("calibrate", raw.toString(), "--steps", "saturation", "--refs", refs.toString(),
                    "--out", d.toString());
            assertTrue(o.stderr().contains(" in " + refs + ", " + d.resolve("refs") + " (no such folder), " + d + " or "),
                    o.stderr());
            return new Outcome(o.exit(), o.stderr(), raw);
        });
        cases.put("user-dq-shape", d -> {
            Path dq = d.resolve("small_dq.fits");
            try (Fits f = new Fits()) {
                f.addHDU(ImageData.from(new int[10][10]).toHDU());
                f.write(dq.toFile());
            }
            Outcome o = cli("calibrate", raw(d).toString(), "--steps", "dq_init", "--mask",
                    mask(d, "NIRISS", "NIS", window(), false).toString(), "--param", "dq_init.user_supplied_dq=" + dq,
                    "--out", d.toString());
            return new Outcome(o.exit(), o.stderr(), dq);
        });
        cases.put("out-not-writable", d -> {
            Path out = Files.createDirectory(d.resolve("out"));
            Path raw = raw(d);
            Path mask = mask(d, "NIRISS", "NIS", window(), false);
            try (TestMounts.ReadOnlyFolder ro = TestMounts.ReadOnlyFolder.make(out)) {
                assumeTrue(ro != null, "cannot make a read-only folder here");
                Outcome o = cli("calibrate", raw.toString(), "--steps", "dq_init", "--mask", mask.toString(),
                        "--out", out.toString());
                return new Outcome(o.exit(), o.stderr(), out);
            }
        });
        cases.put("disk-full", d -> {
            Path raw = raw(d);
            Path mask = mask(d, "NIRISS", "NIS", window(), false);
            Path out = Files.createDirectory(d.resolve("out"));
            try (TestMounts.SmallDisk disk = TestMounts.SmallDisk.mount(out, "1m")) {
                assumeTrue(disk != null, "cannot mount a small tmpfs here (needs root)");
                Path product = out.resolve("seg_dqinitstep.fits");
                byte[] good = "an earlier good product".getBytes(StandardCharsets.US_ASCII);
                Files.write(product, good);
                Outcome o = cli("calibrate", raw.toString(), "--steps", "dq_init", "--mask", mask.toString(),
                        "--out", out.toString());
                assertArrayEquals(good, Files.readAllBytes(product), "the earlier product is untouched");
                try (Stream<Path> left = Files.list(out)) {
                    assertEquals(List.of(product), left.toList(), "no temporary file is left behind");
                }
                return new Outcome(o.exit(), o.stderr(), product);
            }
        });
        cases.put("cut-while-open", d -> {
            Path p = write(d, "seg_uncal.fits", soss96());
            try (FitsRampFile r = FitsRampFile.open(p)) {
                r.readIntegration(0);
                try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
                    raf.setLength(VectorEdits.sciDataOffset(soss96()) + 1000);
                }
                r.readIntegration(1);
                return new Outcome(0, "", p);
            } catch (IOException e) {
                return new Outcome(CommandLine.EXIT_BAD_INPUT, "error: " + ErrorMessage.of(e) + "\n", p);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyRowIsWhatTheToolSays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] row : rows()) {
            String id = row[0];
            tests.add(DynamicTest.dynamicTest(id, () -> {
                Case c = cases.get(id);
                assertTrue(c != null, "docs/robustness.md has a row '" + id + "' that no test case makes");
                assumeTrue(System.getProperty("tso.testdata") != null, "needs -Dtso.testdata");
                Path caseDir = Files.createDirectory(dir.resolve(id));
                Outcome o = c.run(caseDir);
                String expected = row[1].replace("<file>", o.file().toString());
                assertEquals(CommandLine.EXIT_BAD_INPUT, o.exit(), id + ": " + o.stderr());
                assertTrue(o.stderr().endsWith("\n") && o.stderr().indexOf('\n') == o.stderr().length() - 1,
                        id + ": exactly one line on stderr: " + o.stderr());
                String line = o.stderr().substring(0, o.stderr().length() - 1);
                assertTrue(line.startsWith("error: " + o.file() + ": "), id + ": names the file: " + line);
                assertTrue(Pattern.matches(wildcard(expected), line), id + ":\n  table: " + expected
                        + "\n  tool:  " + line);
                assertEquals("error: " + row[2], row[1], id + ": the window shows the same sentence");
            }));
        }
        return tests.stream();
    }

    @Test
    void everyCaseHasARow() throws IOException {
        List<String> ids = rows().stream().map(r -> r[0]).toList();
        for (String id : cases.keySet()) {
            assertTrue(ids.contains(id), "case '" + id + "' is missing from docs/robustness.md");
        }
        assertEquals(ids.size(), ids.stream().distinct().count(), "duplicate ids in docs/robustness.md");
    }

    /** The rows of the table: id, command-line text, window text. */
    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE)) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                rows.add(new String[] {m.group(1), m.group(2), m.group(3)});
            }
        }
        assertTrue(rows.size() >= 20, "docs/robustness.md lists only " + rows.size() + " rows");
        return rows;
    }

    /** The row's text as a regex: literal, except {@code <reason>} which stands for the system's words. */
    private static String wildcard(String text) {
        StringBuilder sb = new StringBuilder();
        String[] parts = text.split("<reason>|<folders>", -1);
        for (int i = 0; i < parts.length; i++) {
            sb.append(Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                sb.append("[^\\n]+");
            }
        }
        return sb.toString();
    }

    static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Outcome(exit, err.toString(StandardCharsets.UTF_8), null);
    }

    private static Outcome info(Path file) {
        Outcome o = cli("info", file.toString());
        return new Outcome(o.exit(), o.stderr(), file);
    }

    private static Outcome calibrate(Path d, Path file) throws Exception {
        Outcome o = cli("calibrate", file.toString(), "--steps", "dq_init", "--mask",
                mask(d, "NIRISS", "NIS", window(), false).toString(), "--out", d.toString());
        return new Outcome(o.exit(), o.stderr(), file);
    }

    /** calibrate --steps dq_init on the vector with this mask: the mask is the file at fault. */
    private static Outcome withMask(Path d, Path mask) throws Exception {
        Outcome o = cli("calibrate", raw(d).toString(), "--steps", "dq_init", "--mask", mask.toString(), "--out",
                d.toString());
        return new Outcome(o.exit(), o.stderr(), mask);
    }

    private static byte[] soss96Bytes;
    private static ExposureMetadata soss96Exposure;

    static synchronized byte[] soss96() throws Exception {
        if (soss96Bytes == null) {
            Path p = Path.of(System.getProperty("tso.testdata"), "detector1", "soss96", "soss96_uncal.fits");
            soss96Bytes = Files.readAllBytes(p);
            try (FitsRampFile r = FitsRampFile.open(p)) {
                soss96Exposure = r.metadata();
            }
        }
        return soss96Bytes;
    }

    private static SubarrayWindow window() throws Exception {
        soss96();
        return soss96Exposure.window();
    }

    private static Path raw(Path d) throws Exception {
        return write(d, "seg_uncal.fits", soss96());
    }

    private static Path edited(Path d, String extname, String key, String value) throws Exception {
        return write(d, "seg_uncal.fits", VectorEdits.withCard(soss96(), extname, key, value));
    }

    private static Path write(Path d, String name, byte[] bytes) throws IOException {
        return Files.write(d.resolve(name), bytes);
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(b);
        }
        return bytes.toByteArray();
    }

    private static byte[] corrupted(byte[] gz) {
        byte[] b = gz.clone();
        for (int k = b.length / 2; k < b.length / 2 + 64; k++) {
            b[k] ^= 0x5a;
        }
        return b;
    }

    /** A small reference for a window: a MASK, or (wrongType) a SATURATION file handed over as the mask. */
    private static Path mask(Path d, String instrument, String detector, SubarrayWindow w, boolean wrongType)
            throws IOException {
        ReferenceFileWriter writer = new ReferenceFileWriter(new DetectorOrientation(-2, -1), "robustness test");
        Path p = d.resolve(instrument.toLowerCase() + "_" + detector.toLowerCase() + (wrongType ? "_saturation" : "_mask")
                + "_" + w.yStart() + ".fits");
        if (wrongType) {
            ReferenceHeader h = new ReferenceHeader(p.getFileName().toString(), ReferenceFiles.SATURATION, instrument,
                    detector, "GENERIC", w, "2022-01-01T00:00:00", "test");
            writer.writeSaturation(p, new SaturationReference(h, w, new float[w.pixelCount()], new int[w.pixelCount()]));
        } else {
            ReferenceHeader h = new ReferenceHeader(p.getFileName().toString(), ReferenceFiles.MASK, instrument,
                    detector, "GENERIC", w, "2022-01-01T00:00:00", "test");
            writer.writeMask(p, new MaskReference(h, w, new int[w.pixelCount()]));
        }
        return p;
    }
}
