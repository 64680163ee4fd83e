package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.ImageHDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitsStreamWriterTest {

    @TempDir
    Path dir;

    private static List<String> keysOf(Header h) {
        List<String> keys = new ArrayList<>();
        for (Iterator<HeaderCard> it = h.iterator(); it.hasNext(); ) {
            keys.add(it.next().getKey());
        }
        return keys;
    }

    @Test
    void imagesAndTableRoundTripThroughNomTam() throws Exception {
        Path file = dir.resolve("round_uncal.fits");
        int nInts = 3;
        int nGroups = 2;
        int ny = 5;
        int nx = 7;
        String longText = "a string value much longer than the sixty-eight characters a single card can hold, continued";
        try (FitsStreamWriter w = FitsStreamWriter.create(file)) {
            w.writeHeader(HeaderCards.primary()
                    .section("Exposure parameters")
                    .add("NINTS", nInts, "Number of integrations in exposure")
                    .add("TFRAME", 5.494, "[s] Time between frames")
                    .add("ZEROFRAM", false, "Zero frame was downlinked separately")
                    .add("S_REGION", longText, "spatial extent"));
            w.writeHeader(HeaderCards.image(Bitpix.SHORT, nx, ny, nGroups, nInts)
                    .add("BSCALE", 1, null).add("BZERO", 32768, null).add("EXTNAME", "SCI", "extension name"));
            // one integration at a time, like the simulator streams it
            for (int i = 0; i < nInts; i++) {
                short[] slab = new short[nGroups * ny * nx];
                for (int k = 0; k < slab.length; k++) {
                    int physical = (i * 1000 + k * 997) % 65536;
                    slab[k] = (short) (physical - 32768);
                }
                w.write(slab, 0, slab.length);
            }
            w.writeHeader(HeaderCards.image(Bitpix.INT, nx, ny)
                    .add("BSCALE", 1, null).add("BZERO", 2147483648L, null).add("EXTNAME", "DQ", null));
            int[] dq = new int[ny * nx];
            dq[0] = 0x80000000; // REFERENCE_PIXEL, bit 31
            dq[1] = 0x80000001;
            dq[2] = 2048;
            w.writeUnsigned32(dq, 0, dq.length);
            w.writeHeader(HeaderCards.image(Bitpix.FLOAT, nx, ny).add("EXTNAME", "FLT", null));
            float[] f = new float[ny * nx];
            for (int k = 0; k < f.length; k++) {
                f[k] = k * 0.5f - 3f;
            }
            f[3] = Float.NaN;
            w.write(f, 0, f.length);
            List<TableColumn> cols = List.of(TableColumn.of("integration_number", TableColumn.Type.INT),
                    new TableColumn("int_mid_MJD_UTC", TableColumn.Type.DOUBLE, 1, "d"),
                    TableColumn.of("VALUE", TableColumn.Type.UINT32), TableColumn.text("NAME", 8));
            w.writeHeader(HeaderCards.binaryTable(cols, 2).add("EXTNAME", "INT_TIMES", null));
            for (int r = 0; r < 2; r++) {
                w.writeInt(r + 1);
                w.writeDouble(60000.5 + r);
                w.writeInt((r == 0 ? 0x80000000 : 4) ^ 0x80000000);
                w.writeAscii(r == 0 ? "REFPIX" : "JUMP", 8);
            }
            w.commit();
        }
        assertEquals(0, Files.size(file) % 2880);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }

        try (Fits fits = new Fits(file.toFile())) {
            Header primary = fits.getHDU(0).getHeader();
            assertEquals(List.of("SIMPLE", "BITPIX", "NAXIS", "EXTEND", "", "NINTS", "TFRAME", "ZEROFRAM",
                    "S_REGION"), keysOf(primary).subList(0, 9));
            assertEquals(nInts, primary.getIntValue("NINTS"));
            assertEquals(5.494, primary.getDoubleValue("TFRAME"), 0);
            assertFalse(primary.getBooleanValue("ZEROFRAM", true));
            assertEquals(longText, primary.getStringValue("S_REGION"));

            ImageHDU sci = (ImageHDU) fits.getHDU(1);
            assertEquals(32768.0, sci.getBZero(), 0);
            short[][][][] raw = (short[][][][]) sci.getKernel();
            assertEquals(nInts, raw.length);
            assertEquals(nGroups, raw[0].length);
            assertEquals(ny, raw[0][0].length);
            assertEquals(nx, raw[0][0][0].length);
            for (int i = 0; i < nInts; i++) {
                for (int g = 0; g < nGroups; g++) {
                    for (int y = 0; y < ny; y++) {
                        for (int x = 0; x < nx; x++) {
                            int k = (g * ny + y) * nx + x;
                            assertEquals((i * 1000 + k * 997) % 65536, raw[i][g][y][x] + 32768);
                        }
                    }
                }
            }

            ImageHDU dqHdu = (ImageHDU) fits.getHDU(2);
            int[][] dqRaw = (int[][]) dqHdu.getKernel();
            assertEquals(2147483648L, (long) dqRaw[0][0] + (long) dqHdu.getBZero());
            assertEquals(2147483649L, (long) dqRaw[0][1] + (long) dqHdu.getBZero());
            assertEquals(2048L, (long) dqRaw[0][2] + (long) dqHdu.getBZero());
            assertEquals(0L, (long) dqRaw[4][6] + (long) dqHdu.getBZero());

            float[][] fr = (float[][]) fits.getHDU(3).getKernel();
            assertTrue(Float.isNaN(fr[0][3]));
            assertEquals(-3f, fr[0][0]);
            assertEquals(14f, fr[4][6]);

            BinaryTableHDU tab = (BinaryTableHDU) fits.getHDU(4);
            assertEquals("INT_TIMES", tab.getHeader().getStringValue("EXTNAME"));
            BinaryTable t = tab.getData();
            assertEquals(2, t.getNRows());
            assertEquals(2L, t.getLong(1, 0));
            assertEquals(60001.5, t.getDouble(1, 1), 0);
            // nom-tam returns the stored value; TZERO3 makes it unsigned
            long tzero = tab.getHeader().getLongValue("TZERO3");
            assertEquals(2147483648L, tzero);
            assertEquals(2147483648L, t.getLong(0, 2) + tzero);
            assertEquals(4L, t.getLong(1, 2) + tzero);
            assertEquals("REFPIX", t.getString(0, 3));
            assertEquals("d", tab.getHeader().getStringValue("TUNIT2"));
        }
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws IOException {
        Path file = dir.resolve("cancelled.fits");
        try (FitsStreamWriter w = FitsStreamWriter.create(file)) {
            w.writeHeader(HeaderCards.primary());
            w.writeHeader(HeaderCards.image(Bitpix.SHORT, 4, 4));
            w.write(new short[8], 0, 8);
            // a cancel or an error: no commit
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void dataMustMatchTheHeader() throws IOException {
        Path file = dir.resolve("bad.fits");
        try (FitsStreamWriter w = FitsStreamWriter.create(file)) {
            w.writeHeader(HeaderCards.primary());
            w.writeHeader(HeaderCards.image(Bitpix.FLOAT, 2, 2));
            assertThrows(IllegalStateException.class, () -> w.write(new float[5], 0, 5));
            w.write(new float[3], 0, 3);
            assertThrows(IllegalStateException.class, w::commit, "one value short");
        }
        assertFalse(Files.exists(file));
    }

    @Test
    void preEncodedBlocksAndChunksGiveTheSameBytes() throws Exception {
        int n = 700_001; // larger than the internal buffer, odd on purpose
        short[] values = new short[n];
        ByteBuffer encoded = ByteBuffer.allocate(2 * n);
        for (int k = 0; k < n; k++) {
            values[k] = (short) (k * 31);
            encoded.putShort(values[k]);
        }
        encoded.flip();
        Path a = dir.resolve("a.fits");
        Path b = dir.resolve("b.fits");
        try (FitsStreamWriter w = FitsStreamWriter.create(a)) {
            w.writeHeader(HeaderCards.primary());
            w.writeHeader(HeaderCards.image(Bitpix.SHORT, n));
            w.write(encoded);
            w.commit();
        }
        try (FitsStreamWriter w = FitsStreamWriter.create(b)) {
            w.writeHeader(HeaderCards.primary());
            w.writeHeader(HeaderCards.image(Bitpix.SHORT, n));
            for (int off = 0; off < n; off += 1000) {
                w.write(values, off, Math.min(1000, n - off));
            }
            w.commit();
        }
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertEquals(2880 + 2880 + 2 * n + FitsStreamWriter.padding(2L * n), Files.size(a));
    }

    /**
     * Reserved data units filled piecewise in reverse order, with a streamed unit after them, give the
     * bytes of the same file streamed front to back.
     */
    @Test
    void reservedUnitsFilledInAnyOrderGiveTheStreamedBytes() throws Exception {
        int n = 300_007; // floats: more than the 1 MB staging chunk, and a ragged end
        float[] floats = new float[n];
        for (int k = 0; k < n; k++) {
            floats[k] = k * 0.25f - 7;
        }
        int[] dq = {0, 1, 0x80000000, -1, 12345};
        short[] tail = {1, -2, 3};
        Path streamed = dir.resolve("streamed.fits");
        try (FitsStreamWriter w = FitsStreamWriter.create(streamed)) {
            w.writeHeader(HeaderCards.primary());
            w.writeHeader(HeaderCards.image(Bitpix.FLOAT, n));
            w.write(floats, 0, n);
            w.writeHeader(HeaderCards.image(Bitpix.INT, dq.length).add("BZERO", 2147483648L, null));
            w.writeUnsigned32(dq, 0, dq.length);
            w.writeHeader(HeaderCards.image(Bitpix.SHORT, tail.length));
            w.write(tail, 0, tail.length);
            w.commit();
        }
        Path reserved = dir.resolve("reserved.fits");
        try (FitsStreamWriter w = FitsStreamWriter.create(reserved)) {
            w.writeHeader(HeaderCards.primary());
            w.writeHeader(HeaderCards.image(Bitpix.FLOAT, n));
            ReservedDataUnit f = w.reserveDataUnit();
            w.writeHeader(HeaderCards.image(Bitpix.INT, dq.length).add("BZERO", 2147483648L, null));
            ReservedDataUnit d = w.reserveDataUnit();
            w.writeHeader(HeaderCards.image(Bitpix.SHORT, tail.length));
            w.write(tail, 0, tail.length);
            d.writeUnsigned32(0, dq);
            int half = n / 2;
            f.write(4L * half, java.util.Arrays.copyOfRange(floats, half, n));
            assertThrows(IllegalStateException.class, w::commit, "half of the float unit is missing");
            // the same half again (a band recomputed) still leaves the other half missing
            f.write(4L * half, java.util.Arrays.copyOfRange(floats, half, n));
            assertThrows(IllegalStateException.class, w::commit, "written twice, half still missing");
            assertThrows(IllegalArgumentException.class, () -> f.write(4L * n - 4, new float[2]), "past its end");
            f.write(0, java.util.Arrays.copyOfRange(floats, 0, half));
            w.commit();
        }
        assertArrayEquals(Files.readAllBytes(streamed), Files.readAllBytes(reserved));
    }

    /** A reserved unit that ends the file still gets its padding: the file is whole 2880-byte blocks. */
    @Test
    void reservedLastUnitIsPadded() throws Exception {
        Path file = dir.resolve("last.fits");
        try (FitsStreamWriter w = FitsStreamWriter.create(file)) {
            w.writeHeader(HeaderCards.primary());
            w.writeHeader(HeaderCards.image(Bitpix.BYTE, 5));
            ReservedDataUnit u = w.reserveDataUnit();
            u.write(0, new byte[] {1, 2, 3, 4, 5});
            w.commit();
        }
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(3 * 2880, bytes.length);
        assertEquals(5, bytes[2 * 2880 + 4]);
        assertEquals(0, bytes[bytes.length - 1]);
    }

    @Test
    void copiedHeaderKeepsOrderAndDropsStructure() throws Exception {
        Header h = new Header();
        h.addValue("SIMPLE", true, "");
        h.addValue("BITPIX", 8, "");
        h.addValue("NAXIS", 0, "");
        h.addValue("INSTRUME", "NIRISS", "Instrument used to acquire the data");
        h.addValue("NGROUPS", 6, "Number of groups in integration");
        HeaderCards copy = HeaderCards.copyOf(h).add("NGROUPS", 9, "changed in place").add("S_DQINIT", "COMPLETE",
                null);
        assertEquals(List.of("INSTRUME", "NGROUPS", "S_DQINIT"), copy.keys());
        assertEquals(9, copy.longValue("NGROUPS").getAsLong());
        assertEquals("NIRISS", copy.value("INSTRUME"));
    }
}
