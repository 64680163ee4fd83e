package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.SubarrayWindow;

/**
 * The bad inputs of docs/robustness.md at the level of the FITS reader, made from a real raw segment
 * (the shared soss96 vector) by editing a copy: each gives one BadInputException naming the file,
 * quickly, without allocating what a lying header claims. Also: files changed or deleted while open,
 * a segment larger than the heap, and products that cannot be written.
 */
class BadInputBatteryTest {

    @TempDir
    Path dir;

    private byte[] soss96;
    private ExposureMetadata exposure;

    @BeforeEach
    void loadVector() throws Exception {
        Path td = TestFits.testdata();
        assumeTrue(td != null, "needs -Dtso.testdata");
        Path raw = td.resolve("soss96/soss96_uncal.fits");
        soss96 = Files.readAllBytes(raw);
        try (FitsRampFile r = FitsRampFile.open(raw)) {
            exposure = r.metadata();
        }
    }

    /** A copy of the vector with one header card replaced (the first card of this keyword in the HDU). */
    private Path withCard(String name, String extname, String key, String value) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, VectorEdits.withCard(soss96, extname, key, value));
        return p;
    }

    private static BadInputException rejected(Path p) {
        BadInputException e = assertThrows(BadInputException.class, () -> FitsRampFile.open(p).close());
        assertEquals(p.toString(), e.file());
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private static void assertMentions(BadInputException e, String... words) {
        for (String w : words) {
            assertTrue(e.problem().contains(w), "'" + e.problem() + "' should mention '" + w + "'");
        }
    }

    @Test
    void notFitsEmptyAndFolder() throws Exception {
        Path text = dir.resolve("notes_uncal.fits");
        Files.writeString(text, "a, b, c\n".repeat(1000));
        assertMentions(rejected(text), "is not a FITS file", "SIMPLE");
        Path empty = Files.createFile(dir.resolve("empty_uncal.fits"));
        assertMentions(rejected(empty), "is empty (0 bytes), not a FITS file");
        Path folder = Files.createDirectory(dir.resolve("folder_uncal.fits"));
        assertMentions(rejected(folder), "is a folder");
    }

    @Test
    void truncatedHeaderAndData() throws Exception {
        int sciHeader = VectorEdits.cardOffset(soss96, "SCI", "XTENSION");
        Path header = dir.resolve("cuthead_uncal.fits");
        Files.write(header, Arrays.copyOf(soss96, sciHeader + 400));
        assertMentions(rejected(header), "cut short", "HDU 1");
        Path data = dir.resolve("cutdata_uncal.fits");
        Files.write(data, Arrays.copyOf(soss96, VectorEdits.sciDataOffset(soss96) + 100_000));
        assertMentions(rejected(data), "cut short", "SCI", "declares 2359296 bytes of data",
                "the file ends 100000 bytes after its header");
    }

    @Test
    void sciMissing() throws Exception {
        assertMentions(rejected(withCard("nosci_uncal.fits", "SCI", "EXTNAME", "'RATE    '")), "has no SCI extension");
    }

    @Test
    void wrongBitpixAndDimensionality() throws Exception {
        assertMentions(rejected(withCard("bitpix_uncal.fits", "SCI", "BITPIX", "12")), "BITPIX = 12",
                "FITS allows 8, 16, 32, 64, -32, -64");
        // A 3-D SCI: what remains of the data is trailing bytes after the last HDU, as for a rate cube.
        assertMentions(rejected(withCard("cube_uncal.fits", "SCI", "NAXIS", "3")), "SCI has 3 axes (3 x 96 x 2048)",
                "a ramp has 4");
    }

    @Test
    void headerClaimingAPetabyteFailsFastWithoutAllocating() throws Exception {
        // 10^9 integrations of 3 x 96 x 2048 uint16: 1.2 * 10^15 bytes.
        Path p = withCard("huge_uncal.fits", "SCI", "NAXIS4", "1000000000");
        long t0 = System.nanoTime();
        long before = allocatedBytes();
        BadInputException e = rejected(p);
        long allocated = allocatedBytes() - before;
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertMentions(e, "declares 1179648000000000 bytes of data");
        assertTrue(seconds < 5, "took " + seconds + " s");
        assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes");
    }

    @Test
    void absurdAndNegativeSizes() throws Exception {
        assertMentions(rejected(withCard("neg_uncal.fits", "SCI", "NAXIS1", "-2048")), "NAXIS1 = -2048");
        assertMentions(rejected(withCard("naxis_uncal.fits", "SCI", "NAXIS", "1000")), "NAXIS = 1000");
        Path overflow = withCard("ovf_uncal.fits", "SCI", "NAXIS4", "9223372036854775807");
        assertMentions(rejected(overflow), "product overflows");
        assertMentions(rejected(withCard("pcount_uncal.fits", "INT_TIMES", "PCOUNT", "-1000000")), "PCOUNT = -1000000");
        assertMentions(rejected(withCard("gcount_uncal.fits", "SCI", "GCOUNT", "0")), "GCOUNT = 0");
        assertMentions(rejected(withCard("bzero_uncal.fits", "SCI", "BZERO", "'lots'")), "BZERO = lots is not a number");
        assertMentions(rejected(withCard("tfields_uncal.fits", "INT_TIMES", "TFIELDS", "-3")), "TFIELDS = -3");
        assertMentions(rejected(withCard("tform_uncal.fits", "INT_TIMES", "TFORM2", "'99999999999D'")),
                "TFORM '99999999999D'");
    }

    @Test
    void corruptedAndTruncatedGzip() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(soss96);
        }
        byte[] gz = bytes.toByteArray();
        byte[] flipped = gz.clone();
        for (int k = gz.length / 2; k < gz.length / 2 + 64; k++) {
            flipped[k] ^= 0x5a;
        }
        Path corrupt = dir.resolve("corrupt_uncal.fits.gz");
        Files.write(corrupt, flipped);
        System.setProperty("tso.cache", dir.resolve("cache").toString());
        try {
            assertMentions(rejected(corrupt), "the gzip data are damaged or cut short");
            Path cut = dir.resolve("cut_uncal.fits.gz");
            Files.write(cut, Arrays.copyOf(gz, gz.length / 3));
            assertMentions(rejected(cut), "the gzip data are damaged or cut short");
            try (var left = Files.list(dir.resolve("cache/gunzip"))) {
                assertEquals(0, left.count(), "a failed gunzip leaves nothing in the cache");
            }
        } finally {
            System.clearProperty("tso.cache");
        }
    }

    /** A small reference file for the vector's window, written by the project's writer. */
    private Path mask(String name, String instrument, String detector, SubarrayWindow window) throws Exception {
        Path p = dir.resolve(name);
        ReferenceHeader h = new ReferenceHeader(name, ReferenceFiles.MASK, instrument, detector, "GENERIC", window,
                "2022-01-01T00:00:00", "test mask");
        new ReferenceFileWriter(new DetectorOrientation(-2, -1), "robustness test")
                .writeMask(p, new MaskReference(h, window, new int[window.pixelCount()]));
        return p;
    }

    private static BadInputException rejectedReference(Path p, ReferenceRead read) {
        BadInputException e = assertThrows(BadInputException.class, read::run);
        assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        return e;
    }

    private interface ReferenceRead {
        void run() throws Exception;
    }

    @Test
    void referencesOfAnotherInstrumentDetectorTypeOrWindow() throws Exception {
        SubarrayWindow w = exposure.window();
        Path good = mask("good_mask.fits", "NIRISS", "NIS", w);
        assertEquals(w.pixelCount(), ReferenceFiles.readMask(good, exposure).dq().length);

        Path nircam = mask("nircam_mask.fits", "NIRCAM", "NRCA1", w);
        assertMentions(rejectedReference(nircam, () -> ReferenceFiles.readMask(nircam, exposure)),
                "is a reference file for NIRCAM detector NRCA1, but the exposure is NIRISS detector NIS");
        Path otherDetector = mask("nrs_mask.fits", "NIRISS", "NRS1", w);
        assertMentions(rejectedReference(otherDetector, () -> ReferenceFiles.readMask(otherDetector, exposure)),
                "detector NRS1");
        assertMentions(rejectedReference(good, () -> ReferenceFiles.readSaturation(good, exposure)),
                "has no SCI extension");
        Path saturation = dir.resolve("sat.fits");
        ReferenceHeader sh = new ReferenceHeader("sat.fits", ReferenceFiles.SATURATION, "NIRISS", "NIS", "GENERIC", w,
                "2022-01-01T00:00:00", "test");
        new ReferenceFileWriter(new DetectorOrientation(-2, -1), "robustness test").writeSaturation(saturation,
                new SaturationReference(sh, w, new float[w.pixelCount()], new int[w.pixelCount()]));
        assertMentions(rejectedReference(saturation, () -> ReferenceFiles.readMask(saturation, exposure)),
                "is a SATURATION reference file, not MASK");
        Path shifted = mask("shifted_mask.fits", "NIRISS", "NIS",
                new SubarrayWindow(w.xStart(), w.yStart() + 10, w.xSize(), w.ySize()));
        assertMentions(rejectedReference(shifted, () -> ReferenceFiles.readMask(shifted, exposure)),
                "does not cover the exposure's window");
    }

    @Test
    void fileCutShortWhileOpenGivesAClearErrorOnTheNextRead() throws Exception {
        Path p = dir.resolve("shrinking_uncal.fits");
        Files.write(p, soss96);
        try (FitsRampFile r = FitsRampFile.open(p)) {
            Ramp before = r.readIntegration(1);
            try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
                raf.setLength(VectorEdits.sciDataOffset(soss96) + 1000);
            }
            IOException e = assertThrows(IOException.class, () -> r.readIntegration(1));
            assertTrue(e.getMessage().startsWith(p + ": was cut short while open"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(1, before.integration() - (exposure.intStart() - 1));
        }
    }

    @Test
    void fileDeletedWhileOpenStaysReadableUntilClosed() throws Exception {
        Path p = dir.resolve("deleted_uncal.fits");
        Files.write(p, soss96);
        try (FitsRampFile r = FitsRampFile.open(p)) {
            float[] first = r.readGroup(0, 0);
            Files.delete(p);
            // POSIX keeps an unlinked file's data while a descriptor is open: the same values come back.
            assertArrayEquals(first, r.readGroup(0, 0));
            assertEquals(exposure.nx() * exposure.ny() * exposure.nGroups(), r.readIntegration(1).data().length);
        }
    }

    /**
     * A 4.3 GB segment (sparse: only its header and two samples are on disk) opens at once, and reading
     * its first and last integration allocates about one integration, never the segment.
     */
    @Test
    void segmentLargerThanTheHeapIsReadOneIntegrationAtATime() throws Exception {
        Path td = TestFits.testdata();
        byte[] head = Files.readAllBytes(td.resolve("soss256/soss256_uncal.fits"));
        int dataOffset = VectorEdits.sciDataOffset(head);
        byte[] headers = Arrays.copyOf(head, dataOffset);
        int at = VectorEdits.cardOffset(headers, "SCI", "NAXIS4");
        int nints = 1025;
        System.arraycopy(String.format("%-80s", String.format("NAXIS4  = %20d", nints))
                .getBytes(StandardCharsets.US_ASCII), 0, headers, at, 80);
        long integrationBytes = 4L * 256 * 2048 * 2;
        Path p = dir.resolve("big_uncal.fits");
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
            raf.write(headers);
            raf.setLength(dataOffset + FitsFile.padded(nints * integrationBytes));
            // Physical 1234 in the first sample of integration 0, 4321 in the last sample of the last one.
            raf.seek(dataOffset);
            raf.writeShort(1234 - 32768);
            raf.seek(dataOffset + nints * integrationBytes - 2);
            raf.writeShort(4321 - 32768);
        }
        assertTrue(Files.size(p) > 4L << 30);
        try (FitsRampFile r = FitsRampFile.open(p)) {
            assertEquals(nints, r.integrationCount());
            long before = allocatedBytes();
            Ramp first = r.readIntegration(0);
            Ramp last = r.readIntegration(nints - 1);
            long allocated = allocatedBytes() - before;
            assertEquals(1234f, first.data()[0]);
            assertEquals(4321f, last.data()[last.data().length - 1]);
            assertEquals(32768f, last.data()[0], "a hole in a sparse file reads as stored 0 = physical 32768");
            // Per integration: floats (2x the stored bytes), group DQ (0.5x) and a 4 MB transfer buffer.
            long perIntegration = 2 * integrationBytes + integrationBytes / 2 + (4L << 20);
            assertTrue(allocated < 2 * perIntegration + (1L << 20), "allocated " + allocated + " bytes");
        }
    }

    @Test
    void outputFolderThatIsNotWritableIsNamed() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("readonly"));
        try (TestMounts.ReadOnlyFolder ro = TestMounts.ReadOnlyFolder.make(folder)) {
            assumeTrue(ro != null, "cannot make a folder read-only for this user");
            FileSystemException e = assertThrows(FileSystemException.class,
                    () -> FitsStreamWriter.create(folder.resolve("x_linearitystep.fits")).close());
            assertEquals(folder.toString(), e.getFile());
            assertTrue(e.getReason().startsWith("cannot write a file in this folder ("), e.getReason());
            try (var left = Files.list(folder)) {
                assertEquals(0, left.count());
            }
        }
    }

    @Test
    void fullDiskRemovesTheTemporaryFileAndKeepsTheGoodProduct() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("tiny"));
        try (TestMounts.SmallDisk disk = TestMounts.SmallDisk.mount(folder, "256k")) {
            assumeTrue(disk != null, "cannot mount a small tmpfs here (needs root)");
            Path target = folder.resolve("x_linearitystep.fits");
            writeImage(target, 10);
            byte[] good = Files.readAllBytes(target);
            FileSystemException e = assertThrows(FileSystemException.class, () -> writeImage(target, 100_000));
            assertEquals(target.toString(), e.getFile());
            assertTrue(e.getReason().contains("No space left on device"), e.getReason());
            assertTrue(e.getReason().endsWith("nothing was saved under this name"), e.getReason());
            assertArrayEquals(good, Files.readAllBytes(target), "the good product is untouched");
            try (var left = Files.list(folder)) {
                assertEquals(1, left.count(), "no temporary file is left behind");
            }
        }
    }

    /** A float image of n x 1000 values (4000n bytes) written through the streaming writer. */
    private static void writeImage(Path target, int n) throws IOException {
        try (FitsStreamWriter w = FitsStreamWriter.create(target)) {
            w.writeHeader(HeaderCards.primary());
            w.writeHeader(HeaderCards.image(Bitpix.FLOAT, 1000, n).add("EXTNAME", "SCI", null));
            float[] row = new float[1000];
            for (int i = 0; i < n; i++) {
                w.write(row, 0, row.length);
            }
            w.commit();
        }
    }

    private static long allocatedBytes() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "needs per-thread allocation counts");
        return ((com.sun.management.ThreadMXBean) mx).getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
