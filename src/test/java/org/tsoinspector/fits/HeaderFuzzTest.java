package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.BadInputException;

/**
 * Mutates real headers (the shared real NIRCam uncal header and the vectors' raw segments: flipped
 * bytes, dropped and duplicated cards, structural keywords set to absurd values, truncation) and
 * reads each result the way the tool does. Every outcome must be success or a BadInputException; any
 * other exception, an OutOfMemoryError or an allocation far beyond the file's size fails the test
 * with the seed and the mutation, so the case can be replayed with {@link #replay(long, int)}.
 */
class HeaderFuzzTest {

    /** Wall-clock budget for the whole fuzz run; the iteration count below is the other bound. */
    private static final long BUDGET_NANOS = 12_000_000_000L;
    private static final int MAX_ITERATIONS = 3000;
    /** Fixed so a run is reproducible; -Dtso.fuzz.seed=N explores other mutations. */
    private static final long BASE_SEED = Long.getLong("tso.fuzz.seed", 20261129L);

    private static final String[] STRUCTURAL = {"BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "NAXIS3", "NAXIS4",
        "PCOUNT", "GCOUNT", "TFIELDS", "TFORM1", "TFORM2", "TFORM3", "BZERO", "BSCALE", "EXTNAME", "XTENSION",
        "SIMPLE", "SUBSTRT1", "SUBSTRT2", "SUBSIZE1", "SUBSIZE2", "NOUTPUTS", "FASTAXIS", "SLOWAXIS", "INTSTART",
        "INTEND", "NINTS", "NGROUPS", "NFRAMES", "INSTRUME", "DETECTOR", "TTYPE1", "TZERO1", "TTYPE2", "TZERO2"};

    private static final String[] VALUES = {"0", "-1", "1", "2", "3", "7", "-32", "-64", "16", "999", "1000",
        "2147483647", "2147483648", "-2147483648", "4294967296", "1000000000000000", "9223372036854775807",
        "99999999999999999999", "-9223372036854775808", "2.5", "1E300", "-1E300", "NaN", "'abc'", "''", "T",
        "F", "'1J'", "'0J'", "'J'", "'2147483648J'", "'99999999999J'", "'1Z'", "'-1J'", "'3A'", "'1PJ(5)'",
        "'20E'", "'65536B'", "'SCI'", "'INT_TIMES'", "'PIXELDQ'", "'GROUPDQ'", "'ZEROFRAME'", "'BINTABLE'",
        "'IMAGE'", "'NIRISS'", "'NIS'", "=", "'", "/"};

    @TempDir
    Path dir;

    private final List<byte[]> originals = new ArrayList<>();
    private final List<String> originalNames = new ArrayList<>();

    private void load() throws Exception {
        String td = System.getProperty("tso.testdata");
        assumeTrue(td != null, "needs -Dtso.testdata");
        Path shared = Path.of(td).getParent();
        Path real = shared.resolve("realdata/jw01075001001_03105_00009_nrca2_uncal_headeronly.fits");
        for (Path p : new Path[] {real,
            Path.of(td, "detector1/soss96/soss96_uncal.fits"),
            Path.of(td, "detector1/soss256amp4/soss256amp4_uncal.fits"),
            Path.of(td, "detector1/soss256/soss256_uncal.fits")}) {
            if (Files.isRegularFile(p)) {
                originals.add(fewRows(p, 4));
                originalNames.add(p.getFileName().toString());
            }
        }
        assumeTrue(!originals.isEmpty(), "no real headers found");
    }

    @Test
    void mutatedHeadersGiveSuccessOrOneClearError() throws Exception {
        load();
        long start = System.nanoTime();
        int iterations = 0;
        int rejected = 0;
        while (iterations < MAX_ITERATIONS && System.nanoTime() - start < BUDGET_NANOS) {
            // The small real header gets half of the iterations: most of the structure per byte.
            int source = iterations % 2 == 0 ? 0 : 1 + (iterations / 2) % (originals.size() - 1);
            if (originals.size() == 1) {
                source = 0;
            }
            if (runOne(BASE_SEED + iterations, source)) {
                rejected++;
            }
            iterations++;
        }
        System.out.printf("HeaderFuzzTest: %d mutated files read, %d rejected with BadInputException, %.1f s%n",
                iterations, rejected, (System.nanoTime() - start) / 1e9);
        assertTrue(iterations >= 100, "fuzz ran only " + iterations + " iterations in its time budget");
        assertTrue(rejected > 0 && rejected < iterations, "mutations should both pass and fail: " + rejected);
    }

    /**
     * The file with every image cut to its first {@code rows} rows (NAXIS2), headers otherwise as
     * they are: the same structure to mutate at a fraction of the bytes to write and read.
     */
    private static byte[] fewRows(Path path, int rows) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (FitsFile f = FitsFile.open(path)) {
            for (Hdu h : f.hdus()) {
                boolean cut = h.type().equals("IMAGE") && h.naxis() >= 2 && h.axes()[1] > rows;
                StringBuilder header = new StringBuilder();
                for (String card : h.header().cards()) {
                    header.append(String.format("%-80s", cut && FitsHeader.keywordOf(card).equals("NAXIS2")
                            ? String.format("NAXIS2  = %20d", rows) : card));
                }
                header.append(String.format("%-80s", "END"));
                while (header.length() % 2880 != 0) {
                    header.append(' ');
                }
                out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
                long written = 0;
                if (cut) {
                    long rowBytes = h.axes()[0] * h.elementBytes();
                    long planes = h.elementCount() / (h.axes()[0] * h.axes()[1]);
                    for (long p = 0; p < planes; p++) {
                        long from = p * h.axes()[1] * rowBytes;
                        out.write(f.readRawBytes(h, from, (int) (rows * rowBytes)).array());
                        written += rows * rowBytes;
                    }
                } else if (h.dataBytes() > 0) {
                    out.write(f.readRawBytes(h, 0, (int) h.dataBytes()).array());
                    written = h.dataBytes();
                }
                out.write(new byte[(int) FitsFile.padded(written) - (int) written]);
            }
        }
        return out.toByteArray();
    }

    /** Runs one seed against one source (for replaying a failure reported by the fuzz loop). */
    void replay(long seed, int source) throws Exception {
        load();
        runOne(seed, source);
    }

    /** Returns true when the mutated file was rejected with a BadInputException. */
    private boolean runOne(long seed, int source) throws Exception {
        Random rnd = new Random(seed);
        byte[] original = originals.get(source);
        StringBuilder what = new StringBuilder();
        byte[] mutated = mutate(original, rnd, what);
        Path file = dir.resolve("fuzz_uncal.fits");
        Files.write(file, mutated);
        long before = allocatedBytes();
        try {
            readEverything(file);
            checkAllocation(before, mutated.length, seed, source, what);
            return false;
        } catch (BadInputException e) {
            checkAllocation(before, mutated.length, seed, source, what);
            if (!e.getMessage().startsWith(file + ": ") || e.getMessage().contains("\n")) {
                fail(report(seed, source, what) + ": message is not one line naming the file: " + e.getMessage());
            }
            return true;
        } catch (Throwable t) {
            throw new AssertionError(report(seed, source, what) + ": " + t, t);
        }
    }

    private String report(long seed, int source, StringBuilder what) {
        return "seed " + seed + " on " + originalNames.get(source) + " (" + what + ")";
    }

    /** A mutated copy: 1 to 3 mutations, each one of the kinds the class comment lists. */
    private static byte[] mutate(byte[] original, Random rnd, StringBuilder what) {
        byte[] b = original.clone();
        int count = 1 + rnd.nextInt(3);
        for (int m = 0; m < count; m++) {
            List<Integer> cards = headerCards(b);
            if (cards.isEmpty()) {
                break;
            }
            int kind = rnd.nextInt(10);
            int card = cards.get(rnd.nextInt(cards.size()));
            switch (kind) {
                case 0: { // flip a byte of a header card
                    int at = card + rnd.nextInt(80);
                    byte v = (byte) (rnd.nextBoolean() ? 32 + rnd.nextInt(95) : rnd.nextInt(256));
                    what.append("byte ").append(at).append("=").append(v).append("; ");
                    b[at] = v;
                    break;
                }
                case 1: { // drop a card, shifting the rest of its header (END moves up)
                    int end = endOf(b, card);
                    what.append("drop card at ").append(card).append("; ");
                    System.arraycopy(b, card + 80, b, card, end + 80 - card - 80);
                    Arrays.fill(b, end, end + 80, (byte) ' ');
                    break;
                }
                case 2: { // duplicate a card over the next one
                    int next = card + 80;
                    if (next + 80 <= b.length) {
                        what.append("duplicate card at ").append(card).append("; ");
                        System.arraycopy(b, card, b, next, 80);
                    }
                    break;
                }
                case 3: { // drop a card with no fix-up: everything after it shifts by 80 bytes
                    what.append("cut card at ").append(card).append(" shifting the file; ");
                    byte[] c = new byte[b.length - 80];
                    System.arraycopy(b, 0, c, 0, card);
                    System.arraycopy(b, card + 80, c, card, b.length - card - 80);
                    b = c;
                    break;
                }
                case 4: { // truncate
                    int at = rnd.nextInt(b.length);
                    what.append("truncate at ").append(at).append("; ");
                    b = Arrays.copyOf(b, at);
                    break;
                }
                default: { // a structural keyword set to an absurd value
                    String key = STRUCTURAL[rnd.nextInt(STRUCTURAL.length)];
                    String value = VALUES[rnd.nextInt(VALUES.length)];
                    List<Integer> matches = cardsWithKey(b, cards, key);
                    if (matches.isEmpty()) {
                        break;
                    }
                    int at = matches.get(rnd.nextInt(matches.size()));
                    what.append(key).append(" at ").append(at).append(" = ").append(value).append("; ");
                    String text = String.format("%-8s= %20s", key, value);
                    byte[] bytes = String.format("%-80s", text).substring(0, 80).getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(bytes, 0, b, at, 80);
                }
            }
        }
        return b;
    }

    /** Offsets of the header cards (END excluded) of every HDU found by walking the file loosely. */
    private static List<Integer> headerCards(byte[] b) {
        List<Integer> out = new ArrayList<>();
        for (int at = 0; at + 80 <= b.length; at += 80) {
            String key = new String(b, at, 8, StandardCharsets.US_ASCII).trim();
            boolean headerLike = !key.isEmpty() && key.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_');
            if (headerLike && !key.equals("END") && (b[at + 8] == '=' || key.equals("COMMENT") || key.equals("HISTORY"))) {
                out.add(at);
            }
        }
        return out;
    }

    private static int endOf(byte[] b, int from) {
        for (int at = from; at + 80 <= b.length; at += 80) {
            if (new String(b, at, 8, StandardCharsets.US_ASCII).equals("END     ")) {
                return at;
            }
        }
        return b.length - 80;
    }

    private static List<Integer> cardsWithKey(byte[] b, List<Integer> cards, String key) {
        List<Integer> out = new ArrayList<>();
        for (int at : cards) {
            if (new String(b, at, 8, StandardCharsets.US_ASCII).trim().equals(key)) {
                out.add(at);
            }
        }
        return out;
    }

    /** What info, the window and calibrate read: every header, table, the first and last integration. */
    private static void readEverything(Path file) throws Exception {
        FitsFile.readPrimaryHeader(file);
        try (FitsFile f = FitsFile.open(file)) {
            for (Hdu h : f.hdus()) {
                if (h.type().equals("BINTABLE")) {
                    BinaryTable t = BinaryTable.read(f, h);
                    for (int c = 0; c < t.columns().size(); c++) {
                        if (t.columns().get(c).type() == 'A') {
                            t.texts(c);
                        } else if (t.columns().get(c).numeric()) {
                            t.numbers(c);
                        }
                    }
                }
            }
            ReferenceFiles.readHeader(f, file);
        }
        try (FitsRampFile r = FitsRampFile.open(file)) {
            int n = r.integrationCount();
            r.readIntegration(0);
            r.readIntegration(n - 1);
            r.readGroup(n - 1, r.metadata().nGroups() - 1);
            r.readGroupDq(0, 0);
            r.pixelDq();
            r.integrationTimes();
        }
    }

    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx instanceof com.sun.management.ThreadMXBean sun) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }

    /**
     * A reader may turn each stored byte into a float or an int (x4) and hold a transfer buffer; more
     * than that means it trusted a size in the header that the file does not back.
     */
    private void checkAllocation(long before, long fileBytes, long seed, int source, StringBuilder what) {
        long used = allocatedBytes() - before;
        long allowed = 8 * fileBytes + (64L << 20);
        if (before > 0 && used > allowed) {
            fail(report(seed, source, what) + ": allocated " + used + " bytes for a file of " + fileBytes);
        }
    }
}
