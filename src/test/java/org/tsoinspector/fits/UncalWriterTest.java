package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.ImageHDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.SubarrayWindow;

class UncalWriterTest {

    @TempDir
    Path dir;

    static final int NX = 6;
    static final int NY = 4;
    static final int NG = 3;
    static final double TFRAME = 5.494;

    private static ExposureMetadata meta(boolean zero) {
        // segment 2 of 3, holding integrations 3..4 of a 6-integration exposure
        return new ExposureMetadata("NIRISS", "NIS", "NIS_SOSS", "SUBSTRIP256",
                new SubarrayWindow(1, 1793, NX, NY), new DetectorOrientation(-2, -1), 1, 6, NG, 1, 0, TFRAME,
                TFRAME, "NISRAPID", 2, 3, 3, 4, "2022-07-01", zero, Set.of());
    }

    private static IntegrationTimes times() {
        double cycle = (NG + 1) * TFRAME / 86400.0;
        int n = 2;
        int[] num = new int[n];
        double[][] t = new double[6][n];
        for (int r = 0; r < n; r++) {
            num[r] = 3 + r;
            double start = 59761.5 + (2 + r) * cycle;
            double end = start + NG * TFRAME / 86400.0;
            double bary = 0.003;
            t[0][r] = start;
            t[1][r] = 0.5 * (start + end);
            t[2][r] = end;
            t[3][r] = start + bary;
            t[4][r] = 0.5 * (start + end) + bary;
            t[5][r] = end + bary;
        }
        return new IntegrationTimes(num, t[0], t[1], t[2], t[3], t[4], t[5]);
    }

    private static int physical(int i, int g, int y, int x) {
        return 12000 + 1000 * i + 100 * g + 10 * y + x + (x == 5 && y == 3 ? 52000 : 0);
    }

    private static List<String> keys(Header h) {
        List<String> k = new ArrayList<>();
        for (Iterator<HeaderCard> it = h.iterator(); it.hasNext(); ) {
            k.add(it.next().getKey());
        }
        return k;
    }

    private Path writeSegment(boolean zero) throws Exception {
        Path file = dir.resolve("sim-seg002_uncal.fits");
        try (UncalWriter w = UncalWriter.create(file, meta(zero), times(),
                HeaderCards.empty().add("TARGNAME", "WASP-43", "Standard astronomical catalog name for target"))) {
            for (int i = 0; i < 2; i++) {
                ByteBuffer sci = ByteBuffer.allocate(2 * NG * NY * NX);
                ByteBuffer z = ByteBuffer.allocate(2 * NY * NX);
                for (int g = 0; g < NG; g++) {
                    for (int y = 0; y < NY; y++) {
                        for (int x = 0; x < NX; x++) {
                            sci.putShort(UncalWriter.stored(physical(i, g, y, x)));
                            if (g == 0) {
                                z.putShort(UncalWriter.stored(physical(i, 0, y, x) - 7));
                            }
                        }
                    }
                }
                w.writeIntegration(sci.flip(), zero ? z.flip() : null);
            }
            w.commit();
        }
        return file;
    }

    @Test
    void segmentHasTheFlightLayout() throws Exception {
        Path file = writeSegment(true);
        try (Fits fits = new Fits(file.toFile())) {
            fits.read();
            assertEquals(5, fits.getNumberOfHDUs());
            Header p = fits.getHDU(0).getHeader();
            assertEquals("NIRISS", p.getStringValue("INSTRUME"));
            assertEquals("NIS", p.getStringValue("DETECTOR"));
            assertEquals("NIS_SOSS", p.getStringValue("EXP_TYPE"));
            assertEquals("NISRAPID", p.getStringValue("READPATT"));
            assertEquals("SUBSTRIP256", p.getStringValue("SUBARRAY"));
            assertEquals(1793, p.getIntValue("SUBSTRT2"));
            assertEquals(NY, p.getIntValue("SUBSIZE2"));
            assertEquals(-2, p.getIntValue("FASTAXIS"));
            assertEquals(-1, p.getIntValue("SLOWAXIS"));
            assertEquals(1, p.getIntValue("NOUTPUTS"));
            assertEquals(6, p.getIntValue("NINTS"));
            assertEquals(2, p.getIntValue("EXSEGNUM"));
            assertEquals(3, p.getIntValue("EXSEGTOT"));
            assertEquals(3, p.getIntValue("INTSTART"));
            assertEquals(4, p.getIntValue("INTEND"));
            assertEquals(TFRAME, p.getDoubleValue("TFRAME"), 0);
            assertTrue(p.getBooleanValue("ZEROFRAM"));
            assertTrue(p.getBooleanValue("TSOVISIT"));
            assertEquals("WASP-43", p.getStringValue("TARGNAME"));
            assertEquals("sim-seg002_uncal.fits", p.getStringValue("FILENAME"));
            // the flight order: program, target, instrument, exposure, subarray
            List<String> k = keys(p);
            assertTrue(k.indexOf("TITLE") < k.indexOf("TARGNAME"));
            assertTrue(k.indexOf("TARGNAME") < k.indexOf("INSTRUME"));
            assertTrue(k.indexOf("INSTRUME") < k.indexOf("EXP_TYPE"));
            assertTrue(k.indexOf("NINTS") < k.indexOf("NGROUPS"));
            assertTrue(k.indexOf("NGROUPS") < k.indexOf("SUBARRAY"));
            assertTrue(k.size() > 150, "the real keyword set, not a handful");

            ImageHDU sci = (ImageHDU) fits.getHDU(1);
            assertEquals("SCI", sci.getHeader().getStringValue("EXTNAME"));
            assertEquals(16, sci.getHeader().getIntValue("BITPIX"));
            assertEquals(32768.0, sci.getBZero(), 0);
            short[][][][] raw = (short[][][][]) sci.getKernel();
            assertEquals(2, raw.length);
            assertEquals(NG, raw[0].length);
            assertEquals(physical(1, 2, 3, 5), raw[1][2][3][5] + 32768);
            assertEquals(physical(0, 1, 2, 4), raw[0][1][2][4] + 32768);

            ImageHDU zf = (ImageHDU) fits.getHDU(2);
            assertEquals("ZEROFRAME", zf.getHeader().getStringValue("EXTNAME"));
            short[][][] z = (short[][][]) zf.getKernel();
            assertEquals(physical(1, 0, 2, 3) - 7, z[1][2][3] + 32768);

            BinaryTableHDU group = (BinaryTableHDU) fits.getHDU(3);
            assertEquals("GROUP", group.getHeader().getStringValue("EXTNAME"));
            BinaryTable g = group.getData();
            assertEquals(2 * NG, g.getNRows());
            IntegrationTimes t = times();
            // the last group of an integration ends when the integration ends (NFRAMES=1, no gap)
            assertEquals(4, g.getLong(5, 0));
            assertEquals(3, g.getLong(5, 1));
            assertEquals(t.endMjdUtc()[1], g.getDouble(5, 11) - 0.003, 1e-9);
            assertEquals("COMPLETE", g.getString(0, 10));

            BinaryTableHDU it = (BinaryTableHDU) fits.getHDU(4);
            assertEquals("INT_TIMES", it.getHeader().getStringValue("EXTNAME"));
            assertEquals("int_mid_BJD_TDB", it.getHeader().getStringValue("TTYPE6"));
            BinaryTable tab = it.getData();
            assertEquals(3, tab.getLong(0, 0));
            assertEquals(t.midMjdUtc()[1], tab.getDouble(1, 2), 0);
            assertEquals(t.endBjdTdb()[0], tab.getDouble(0, 6), 0);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "the temporary file is gone");
        }
    }

    @Test
    void withoutZeroFrameThereIsNoZeroFrameExtension() throws Exception {
        Path file = writeSegment(false);
        try (Fits fits = new Fits(file.toFile())) {
            fits.read();
            assertEquals(4, fits.getNumberOfHDUs());
            assertFalse(fits.getHDU(0).getHeader().getBooleanValue("ZEROFRAM"));
            assertEquals("GROUP", fits.getHDU(2).getHeader().getStringValue("EXTNAME"));
        }
    }

    @Test
    void anIncompleteSegmentIsNotWritten() throws Exception {
        Path file = dir.resolve("short_uncal.fits");
        try (UncalWriter w = UncalWriter.create(file, meta(true), times(), HeaderCards.empty())) {
            w.writeIntegration(ByteBuffer.allocate(2 * NG * NY * NX), ByteBuffer.allocate(2 * NY * NX));
            assertThrows(IllegalStateException.class, w::commit);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }
}
