package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.fits.VectorArrays;
import org.tsoinspector.render.PlotKind;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * {@code plot ... --fits F --votable F}: every plot's numbers as a VOTable equal to its CSV, with units;
 * every image as a FITS image whose values are the frame's and whose header says what it is. Read back
 * with nom-tam-fits and STIL, readers we did not write.
 */
class ExportFormatsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(List<String> args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
    }

    /** PlotCommandTest's plot at 400 x 300, the PNG into dir. */
    private static List<String> plot(String kind, Path base, Path dir, String... more) {
        List<String> a = new ArrayList<>(List.of("--width", "400", "--height", "300"));
        a.addAll(List.of(more));
        return PlotCommandTest.plot(kind, base, dir.resolve(kind + ".png"), a.toArray(String[]::new));
    }

    @Test
    void everyPlotsVoTableHoldsTheRowsOfItsCsvWithUnits(@TempDir Path dir) throws Exception {
        Path base = PlotCommandTest.vector("soss96");
        for (PlotKind k : PlotKind.values()) {
            if (k == PlotKind.RATE) {
                continue; // needs GAIN and READNOISE, which the detector1 vectors lack: aRateImageExportsAsFits...
            }
            Path csv = dir.resolve(k.id() + ".csv");
            Path vot = dir.resolve(k.id() + ".vot");
            assertEquals(0, run(plot(k.id(), base, dir, "--csv", csv.toString(), "--votable", vot.toString())),
                    k.id() + ": " + err);
            List<String> lines = Files.readAllLines(csv);
            StarTable t = new StarTableFactory().makeStarTable(vot.toString(), "votable");
            String[] header = lines.get(0).split(",", -1);
            assertEquals(header.length, t.getColumnCount(), k.id());
            assertEquals(lines.size() - 1, t.getRowCount(), k.id());
            for (int c = 0; c < header.length; c++) {
                assertEquals(header[c], t.getColumnInfo(c).getName(), k.id());
                assertFalse(t.getColumnInfo(c).getDescription().isBlank(), k.id() + " " + header[c]);
            }
            // every row, or every 97th of a long one
            long step = Math.max(1, t.getRowCount() / 5000);
            for (long r = 0; r < t.getRowCount(); r += step) {
                String[] csvRow = lines.get((int) r + 1).split(",", -1);
                for (int c = 0; c < header.length; c++) {
                    assertEquals(csvRow[c].replace("\"", ""), text(t.getCell(r, c)),
                            k.id() + " row " + r + " column " + header[c]);
                }
            }
            assertTrue(t.getParameterByName("file").getValue().toString().startsWith("soss96"), k.id());
        }
        StarTable frame = new StarTableFactory().makeStarTable(dir.resolve("frame.vot").toString(), "votable");
        assertEquals("pixel", frame.getColumnInfo(0).getUnitString());
        assertEquals("'DN'", frame.getColumnInfo(2).getUnitString(), "VOUnits' quoted form");
        StarTable lc = new StarTableFactory().makeStarTable(dir.resolve("lightcurve.vot").toString(), "votable");
        assertEquals("d", lc.getColumnInfo(2).getUnitString());
        assertEquals(Integer.class, lc.getColumnInfo(1).getContentClass(), "integration numbers are integers");
    }

    /** A cell as the CSV writes it. */
    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "nan" : d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : Double.toString(d);
        }
        return v.toString();
    }

    @Test
    void aFrameExportsAsTheReferenceProductsFrameWithItsHistory(@TempDir Path dir) throws Exception {
        Path base = PlotCommandTest.vector("soss256");
        Path fits = dir.resolve("frame.fits");
        assertEquals(0, run(plot("frame", base, dir, "--after", "superbias", "--int", "1", "--group", "3",
                "--fits", fits.toString())), err.toString());
        try (Fits f = new Fits(fits.toFile())) {
            BasicHDU<?> hdu = f.getHDU(0);
            Header h = hdu.getHeader();
            float[][] image = (float[][]) hdu.getKernel();
            assertEquals(256, image.length);
            assertEquals(2048, image[0].length);
            float[] expected = VectorArrays.floats(Path.of(base + "_superbiasstep.fits.gz"), "SCI");
            int frame = 256 * 2048;
            int offset = 2 * frame; // integration 1, group 3
            float[] got = new float[frame];
            for (int y = 0; y < 256; y++) {
                System.arraycopy(image[y], 0, got, y * 2048, 2048);
            }
            float[] want = java.util.Arrays.copyOfRange(expected, offset, offset + frame);
            VectorArrays.agree("exported frame", want, got);
            assertEquals("frame", h.getStringValue("IMAGETYP"));
            assertEquals(1, h.getIntValue("INTEGRAT"));
            assertEquals(3, h.getIntValue("GROUP"));
            assertEquals("DN", h.getStringValue("BUNIT"));
            assertEquals("after superbias", h.getStringValue("STAGE"));
            assertEquals("dq_init,saturation,superbias", h.getStringValue("STEPS"));
            assertEquals("COMPLETE", h.getStringValue("S_SUPERB"));
            assertFalse(h.containsKey("S_REFPIX"));
            assertEquals("soss256_uncal.fits", h.getStringValue("FILENAME"));
            assertEquals(1 - h.getIntValue("SUBSTRT2"), h.getIntValue("LTV2"));
        }
    }

    @Test
    void aRateImageExportsAsFitsEqualToTheReferenceRateintsAndItsDqPlaneToo(@TempDir Path dir) throws Exception {
        Path folder = Path.of(System.getProperty("tso.testdata", "../shared/testdata"), "detector1-ramp", "soss96r");
        Assumptions.assumeTrue(Files.isDirectory(folder), "reference vectors not found");
        Path raw = folder.resolve("soss96r_uncal.fits.gz");
        Path ref = folder.resolve("soss96r_rateints.fits.gz");
        int frame = 96 * 2048;
        for (String plane : new String[] {"sci", "dq"}) {
            Path fits = dir.resolve("rate-" + plane + ".fits");
            assertEquals(0, run(List.of("plot", "rate", raw.toString(), "--refs", folder.toString(), "--int", "4",
                    "--plane", plane, "--out", dir.resolve(plane + ".png").toString(), "--fits", fits.toString())),
                    err.toString());
            float[] got = new float[frame];
            try (Fits f = new Fits(fits.toFile())) {
                float[][] image = (float[][]) f.getHDU(0).getKernel();
                for (int y = 0; y < image.length; y++) {
                    System.arraycopy(image[y], 0, got, y * 2048, 2048);
                }
                assertEquals(plane.equals("sci") ? "DN/s" : "", f.getHDU(0).getHeader().getStringValue("BUNIT") == null
                        ? "" : f.getHDU(0).getHeader().getStringValue("BUNIT"));
            }
            if (plane.equals("sci")) {
                float[] want = java.util.Arrays.copyOfRange(VectorArrays.floats(ref, "SCI"), 3 * frame, 4 * frame);
                VectorArrays.agree("rate SCI of integration 4", want, got);
            } else {
                int[] want = java.util.Arrays.copyOfRange(VectorArrays.ints(ref, "DQ"), 3 * frame, 4 * frame);
                for (int k = 0; k < frame; k++) {
                    assertEquals(want[k], (int) got[k], "DQ at " + k);
                }
            }
        }
        err.reset();
        assertEquals(2, run(List.of("plot", "frame", raw.toString(), "--plane", "err", "--out",
                dir.resolve("x.png").toString())));
        assertTrue(err.toString().contains("--plane applies to the rate plot only"), err.toString());
    }

    /** The rate light curve: per integration, the reference rateints' SCI summed over the region's science pixels. */
    @Test
    void theRateLightCurveSumsTheRateImagesBesideTheGroupDifferenceCurves(@TempDir Path dir) throws Exception {
        Path folder = Path.of(System.getProperty("tso.testdata", "../shared/testdata"), "detector1-ramp", "soss96r");
        Assumptions.assumeTrue(Files.isDirectory(folder), "reference vectors not found");
        Path csv = dir.resolve("lc.csv");
        assertEquals(0, run(List.of("plot", "lightcurve", folder.resolve("soss96r_uncal.fits.gz").toString(),
                "--refs", folder.toString(), "--flux", "rate", "--region", "0,10,2047,20", "--out",
                dir.resolve("lc.png").toString(), "--csv", csv.toString())), err.toString());
        Path ref = folder.resolve("soss96r_rateints.fits.gz");
        float[] sci = VectorArrays.floats(ref, "SCI");
        int[] dq = VectorArrays.ints(ref, "DQ");
        int frame = 96 * 2048;
        int notScience = org.tsoinspector.model.DqFlag.DO_NOT_USE.value()
                | org.tsoinspector.model.DqFlag.REFERENCE_PIXEL.value();
        List<String[]> rows = Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", -1)).toList();
        List<String[]> rate = rows.stream().filter(r -> r[0].equals("rate after ramp_fit")).toList();
        assertEquals(10, rate.size());
        assertEquals(30, rows.size(), "two group-difference stages and the rate, 10 integrations each");
        for (int i = 0; i < 10; i++) {
            double want = 0;
            for (int y = 10; y <= 20; y++) {
                for (int x = 0; x < 2048; x++) {
                    int k = i * frame + y * 2048 + x;
                    if ((dq[k] & notScience) == 0 && Float.isFinite(sci[k])) {
                        want += sci[k];
                    }
                }
            }
            assertEquals(want, Double.parseDouble(rate.get(i)[3]), Math.abs(want) * 1e-5, "integration " + (i + 1));
        }
    }

    @Test
    void mapsExportAsZeroOneImagesAndPlotsThatAreNotImagesRefuseFits(@TempDir Path dir) throws Exception {
        Path base = PlotCommandTest.vector("soss96");
        Path fits = dir.resolve("mask.fits");
        Path csv = dir.resolve("mask.csv");
        assertEquals(0, run(plot("mask", base, dir, "--fits", fits.toString(), "--csv", csv.toString())),
                err.toString());
        try (Fits f = new Fits(fits.toFile())) {
            float[][] image = (float[][]) f.getHDU(0).getKernel();
            int set = 0;
            for (float[] row : image) {
                for (float v : row) {
                    assertTrue(v == 0f || v == 1f);
                    set += (int) v;
                }
            }
            assertEquals(Files.readAllLines(csv).size() - 1, set, "one 1 per listed special pixel");
            assertFalse(f.getHDU(0).getHeader().containsKey("BUNIT"), "a 0/1 map has no unit");
            assertEquals("mask", f.getHDU(0).getHeader().getStringValue("IMAGETYP"));
        }
        err.reset();
        Path notImage = dir.resolve("ratio.fits");
        assertEquals(2, run(plot("ratio", base, dir, "--fits", notImage.toString())));
        assertTrue(err.toString().contains("--fits applies to the images (frame, mask, saturated)"), err.toString());
        assertFalse(Files.exists(notImage));
        try (var files = Files.list(dir)) {
            assertArrayEquals(new Object[0], files.filter(p -> p.getFileName().toString().endsWith(".part"))
                    .toArray(), "no temporary file left");
        }
    }
}
