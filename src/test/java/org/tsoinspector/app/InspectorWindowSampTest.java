package org.tsoinspector.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nom.tam.fits.Fits;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.SampUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tsoinspector.inspect.FrameAnswer;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.PlotResult;
import org.tsoinspector.inspect.ReferencePolicy;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.samp.SampLink;
import org.tsoinspector.samp.TestHub;

/**
 * The window on a real SAMP hub (JSAMP's, in this JVM, on the loopback) with a second client standing
 * in for DS9 and TOPCAT: what the user does with the menus, and what the other tools send.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorWindowSampTest {

    @TempDir
    static Path dir;
    private InspectorWindow window;
    private TestHub hub;

    @Start
    void start(Stage stage) throws Exception {
        hub = new TestHub(Files.createTempDirectory(dir, "hub"));
        AppSettings settings = AppSettings.forNode("/org/tsoinspector/app-samp-test");
        settings.clear();
        window = new InspectorWindow(stage, settings, (files, configuration, m) -> {
            if (files.get(0).toString().contains("bad")) {
                throw new BadInputException(files.get(0).getFileName().toString(), "not a FITS file");
            }
            InMemoryRampSource source = files.get(0).toString().contains("other")
                    ? new InMemoryRampSource("other_uncal.fits", 2, 2, 8, 32) : new InMemoryRampSource(5, 4);
            return Inspection.of(source, files, new ReferencePolicy(null, List.of()), configuration);
        });
        Scene scene = new Scene(window.root(), 1100, 700);
        window.installKeys(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopHub() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (window.samp() != null) {
                window.samp().close(); // deletes the files it sent
            }
        }).get();
        hub.close();
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> done) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, done);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void connectAndOpen(FxRobot robot) throws Exception {
        robot.interact(() -> window.useSamp(l -> new SampLink(hub.clientProfile(), l)));
        waitFor(() -> window.sampText().equals("SAMP: connected (1 other tool)"));
        robot.interact(() -> window.open(List.of(Path.of("/tmp/sample_uncal.fits"))));
        waitFor(() -> window.jobs().activeJobsProperty().get() == 0 && window.shownFrames() != null);
    }

    @Test
    void anImageSentByAnotherToolOpensAndABadOneIsOneSentenceThatKeepsTheExposure(FxRobot robot) throws Exception {
        connectAndOpen(robot);
        String me = hub.clientNamed("TSO Inspector");
        Path bad = Files.writeString(dir.resolve("bad_uncal.fits"), "not FITS");
        assertEquals(null, hub.call(me, new Message(SampLink.IMAGE_LOAD_FITS)
                .addParam("url", SampUtils.fileToUrl(bad.toFile()).toString())));
        String before = window.shownFrames().exposureName();
        waitFor(() -> window.statusText().equals("bad_uncal.fits: not a FITS file"));
        assertEquals(before, window.shownFrames().exposureName(), "the open exposure stays");

        Path other = Files.writeString(dir.resolve("other_uncal.fits"), "opened by the stand-in");
        assertEquals(null, hub.call(me, new Message(SampLink.IMAGE_LOAD_FITS)
                .addParam("url", SampUtils.fileToUrl(other.toFile()).toString())));
        waitFor(() -> window.shownFrames() != null && window.shownFrames().exposureName().equals("other_uncal.fits"));
    }

    @Test
    void sendFrameToFromTheContextMenuDeliversTheShownFrameAsFits(FxRobot robot) throws Exception {
        connectAndOpen(robot);
        robot.clickOn("#view-a");
        robot.type(KeyCode.CLOSE_BRACKET); // integration 2
        waitFor(() -> window.jobs().activeJobsProperty().get() == 0 && window.shownFrames().a().integration() == 1);
        robot.rightClickOn("#view-a");
        robot.clickOn("Send frame to");
        WaitForAsyncUtils.waitForFxEvents();
        // into the submenu by keys: its first line is "All clients", then (past the separator) each by name
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("All clients (1)").tryQuery().isPresent(), "the submenu lists the hub's clients");
        assertTrue(robot.lookup("peer").tryQuery().isPresent(), "the submenu names the peer");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        Message m = hub.awaitMessage(SampLink.IMAGE_LOAD_FITS);
        FrameAnswer shown = window.shownFrames();
        Path file = SampUtils.urlToFile(new URL((String) m.getParam("url"))).toPath();
        assertTrue(file.getFileName().toString().startsWith("frame-"), file.toString());
        try (Fits f = new Fits(file.toFile())) {
            float[][] image = (float[][]) f.getHDU(0).getKernel();
            float[] got = new float[shown.a().values().length];
            for (int y = 0; y < image.length; y++) {
                System.arraycopy(image[y], 0, got, y * image[y].length, image[y].length);
            }
            assertArrayEquals(shown.a().values(), got);
            assertEquals(2, f.getHDU(0).getHeader().getIntValue("INTEGRAT"));
        }
        waitFor(() -> window.statusText().equals("Sent the frame over SAMP to 1 client."));
    }

    @Test
    void lightCurveRowsAndIntegrationsHighlightEachOtherBothWays(FxRobot robot) throws Exception {
        connectAndOpen(robot);
        robot.interact(() -> window.plots().select("Light curve"));
        robot.clickOn("#compute-light-curve");
        waitFor(() -> window.plots().result("Light curve") != null);
        PlotResult curve = window.plots().result("Light curve");
        robot.interact(() -> window.sendPlot(null));
        Message load = hub.awaitMessage(SampLink.TABLE_LOAD_VOTABLE);
        int column = curve.table().columnIndex("integration");
        int row = curve.table().rowCount() - 2; // the later stage's integration 4
        assertEquals(4, curve.table().value(row, column));

        assertEquals(null, hub.call(hub.clientNamed("TSO Inspector"), new Message(SampLink.TABLE_HIGHLIGHT_ROW)
                .addParam("table-id", load.getParam("table-id")).addParam("url", load.getParam("url"))
                .addParam("row", SampUtils.encodeInt(row))));
        waitFor(() -> window.shownFrames().a().integration() == 3);
        assertEquals("peer highlighted integration 4.", window.statusText());

        robot.clickOn("#view-a");
        robot.type(KeyCode.OPEN_BRACKET); // back to integration 3
        Message back = hub.awaitMessage(SampLink.TABLE_HIGHLIGHT_ROW);
        int backRow = SampUtils.decodeInt((String) back.getParam("row"));
        assertEquals(3, curve.table().value(backRow, column));
        assertEquals(load.getParam("table-id"), back.getParam("table-id"));
    }
}
