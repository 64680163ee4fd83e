package org.tsoinspector.samp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nom.tam.fits.Fits;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.SampUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.inspect.PlotResult;
import org.tsoinspector.inspect.RampStage;
import org.tsoinspector.inspect.StepConfiguration;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.StepName;
import org.tsoinspector.render.PlotKind;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/** The SAMP client against JSAMP's real hub on the loopback, with a second client standing in for DS9 and TOPCAT. */
class SampLinkTest {

    @TempDir
    Path dir;
    private TestHub hub;
    private SampLink link;
    private final BlockingQueue<List<Path>> opened = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> highlighted = new LinkedBlockingQueue<>();
    private final List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final SampLink.Listener listener = new SampLink.Listener() {
        @Override
        public void stateChanged() {
            states.add(link.state());
        }

        @Override
        public void filesReceived(List<Path> files, String sender) {
            opened.add(files);
        }

        @Override
        public void integrationHighlighted(int integration, String sender) {
            highlighted.add(integration);
        }
    };

    @BeforeEach
    void startHub() throws Exception {
        hub = new TestHub(dir);
        link = new SampLink(hub.clientProfile(), listener);
        link.connect();
        waitUntil(link::isConnected);
    }

    @AfterEach
    void stopHub() {
        link.close();
        hub.close();
    }

    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(20);
        }
    }

    private static Inspection soss96() throws Exception {
        Path base = Path.of(System.getProperty("tso.testdata", "../shared/testdata"), "detector1", "soss96", "soss96");
        Assumptions.assumeTrue(Files.isDirectory(base.getParent()), "reference vectors not found");
        return Inspection.open(List.of(Path.of(base + "_uncal.fits")), base.getParent(), StepConfiguration.DEFAULTS
                .withSettings(StepConfiguration.DEFAULTS.settings().withEnabled(java.util.EnumSet.range(
                        StepName.DQ_INIT, StepName.LINEARITY))), ProgressMonitor.NONE);
    }

    @Test
    void theStateNamesTheHubAndTheRecipientsAreTheOtherClients() throws Exception {
        waitUntil(() -> link.state().equals("SAMP: connected (1 other tool)"));
        List<SampLink.Recipient> images = link.recipients(SampLink.IMAGE_LOAD_FITS);
        assertEquals(List.of(new SampLink.Recipient(hub.peerId(), "peer")), images, "the link does not list itself");
        assertFalse(states.isEmpty());
    }

    @Test
    void aSentFrameArrivesAsAFitsFileWhoseDataAreTheFrame() throws Exception {
        try (Inspection s = soss96()) {
            PlotResult frame = s.plot(PlotRequest.of(PlotKind.FRAME).withIntegration(2).withGroup(3),
                    ProgressMonitor.NONE);
            assertEquals(1, link.sendImage(frame, hub.peerId()));
            Message m = hub.awaitMessage(SampLink.IMAGE_LOAD_FITS);
            Path file = SampUtils.urlToFile(new URL((String) m.getParam("url"))).toPath();
            float[] shown = s.stageFrame(RampStage.after(StepName.LINEARITY), 1, 2).values();
            try (Fits f = new Fits(file.toFile())) {
                float[][] image = (float[][]) f.getHDU(0).getKernel();
                float[] got = new float[shown.length];
                for (int y = 0; y < image.length; y++) {
                    System.arraycopy(image[y], 0, got, y * image[y].length, image[y].length);
                }
                assertArrayEquals(shown, got);
                assertEquals(2, f.getHDU(0).getHeader().getIntValue("INTEGRAT"));
            }
            assertTrue(((String) m.getParam("name")).contains("integration 2"), m.toString());
        }
    }

    @Test
    void aSentTableArrivesAsAVoTableWithTheRowsOfThePlotsCsv() throws Exception {
        try (Inspection s = soss96()) {
            PlotResult curve = s.plot(PlotRequest.of(PlotKind.LIGHTCURVE), ProgressMonitor.NONE);
            assertEquals(1, link.sendTable(curve, null), "to all that take tables: the peer");
            Message m = hub.awaitMessage(SampLink.TABLE_LOAD_VOTABLE);
            StarTable t = new StarTableFactory().makeStarTable((String) m.getParam("url"), "votable");
            StringWriter csv = new StringWriter();
            curve.table().writeTo(csv);
            String[] lines = csv.toString().split("\n");
            assertEquals(lines.length - 1, t.getRowCount());
            for (int r = 0; r < t.getRowCount(); r++) {
                String[] cells = lines[r + 1].split(",", -1);
                assertEquals(cells[0], t.getCell(r, 0));
                assertEquals(Integer.parseInt(cells[1]), t.getCell(r, 1));
                assertEquals(Double.parseDouble(cells[3]), (Double) t.getCell(r, 3), 0.0);
            }
            assertNotNull(m.getParam("table-id"));
        }
    }

    @Test
    void highlightsGoBothWaysBetweenTableRowsAndIntegrations() throws Exception {
        try (Inspection s = soss96()) {
            PlotResult curve = s.plot(PlotRequest.of(PlotKind.LIGHTCURVE), ProgressMonitor.NONE);
            link.sendTable(curve, hub.peerId());
            Message load = hub.awaitMessage(SampLink.TABLE_LOAD_VOTABLE);
            int column = curve.table().columnIndex("integration");
            int lastRow = curve.table().rowCount() - 1;
            Message fromTopcat = new Message(SampLink.TABLE_HIGHLIGHT_ROW).addParam("table-id", load.getParam("table-id"))
                    .addParam("url", load.getParam("url")).addParam("row", SampUtils.encodeInt(lastRow));
            assertNull(hub.call(hub.clientNamed("TSO Inspector"), fromTopcat));
            assertEquals(curve.table().value(lastRow, column), highlighted.poll(10, TimeUnit.SECONDS));

            link.highlightIntegration(2);
            Message toTopcat = hub.awaitMessage(SampLink.TABLE_HIGHLIGHT_ROW);
            int row = SampUtils.decodeInt((String) toTopcat.getParam("row"));
            assertEquals(2, curve.table().value(row, column));
            assertEquals(1, row, "the first row of integration 2 (stage before, integrations 1 and 2)");
            assertEquals(load.getParam("table-id"), toTopcat.getParam("table-id"));

            Message unknown = new Message(SampLink.TABLE_HIGHLIGHT_ROW).addParam("table-id", "elsewhere")
                    .addParam("url", "file:///nowhere.vot").addParam("row", "0");
            assertTrue(hub.call(hub.clientNamed("TSO Inspector"), unknown).contains("not a table TSO Inspector sent"));
        }
    }

    @Test
    void filesSentWithinAFewSecondsOpenAsOneExposureFromFileAndLoopbackHttpUrls() throws Exception {
        Path a = Files.writeString(dir.resolve("a_seg001_uncal.fits"), "one");
        Path b = Files.writeString(dir.resolve("a_seg002_uncal.fits"), "two");
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/b_seg002_uncal.fits", ex -> {
            byte[] body = Files.readAllBytes(b);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        try {
            String me = hub.clientNamed("TSO Inspector");
            assertNull(hub.call(me, new Message(SampLink.IMAGE_LOAD_FITS)
                    .addParam("url", SampUtils.fileToUrl(a.toFile()).toString())));
            assertNull(hub.call(me, new Message(SampLink.IMAGE_LOAD_FITS).addParam("url",
                    "http://127.0.0.1:" + http.getAddress().getPort() + "/b_seg002_uncal.fits")));
            List<Path> files = opened.poll(10, TimeUnit.SECONDS);
            assertNotNull(files);
            assertEquals(2, files.size(), "one exposure of two segments: " + files);
            assertEquals(a, files.get(0));
            assertEquals("two", Files.readString(files.get(1)));
            assertTrue(files.get(1).getFileName().toString().endsWith("b_seg002_uncal.fits"), files.toString());

            String refused = hub.call(me, new Message(SampLink.IMAGE_LOAD_FITS)
                    .addParam("url", "http://192.0.2.1/far_uncal.fits"));
            assertEquals("only file: URLs and http: URLs on this machine are opened, not http://192.0.2.1/far_uncal.fits",
                    refused, "one sentence, no stack trace");
            String missing = hub.call(me, new Message(SampLink.IMAGE_LOAD_FITS)
                    .addParam("url", SampUtils.fileToUrl(dir.resolve("gone.fits").toFile()).toString()));
            assertTrue(missing.contains("gone.fits: no such file"), missing);
            assertNull(opened.poll(SampLink.BATCH_MILLIS * 2, TimeUnit.MILLISECONDS), "nothing refused is opened");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void withoutAHubStartReturnsAtOnceAndSendingSaysSo() throws Exception {
        List<String> heard = new ArrayList<>();
        SampLink alone = new SampLink(new TestHub.NoHub(), new SampLink.Listener() {
            @Override
            public void stateChanged() {
                heard.add("state");
            }

            @Override
            public void filesReceived(List<Path> files, String sender) {
            }

            @Override
            public void integrationHighlighted(int integration, String sender) {
            }
        });
        try (Inspection s = soss96()) {
            long t0 = System.nanoTime();
            alone.start();
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "start must not wait for a hub");
            assertFalse(alone.isConnected());
            assertEquals("SAMP: no hub", alone.state());
            assertEquals(List.of(), alone.recipients(SampLink.IMAGE_LOAD_FITS));
            PlotResult frame = s.plot(PlotRequest.of(PlotKind.FRAME), ProgressMonitor.NONE);
            IOException e = assertThrows(IOException.class, () -> alone.sendImage(frame, null));
            assertEquals("not connected to a SAMP hub (File > Connect to SAMP hub)", e.getMessage());
            alone.highlightIntegration(1); // no table, no hub: nothing happens
        } finally {
            alone.close();
        }
    }
}
