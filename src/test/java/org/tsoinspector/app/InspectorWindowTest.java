package org.tsoinspector.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.inspect.CompareMode;
import org.tsoinspector.inspect.FrameAnswer;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.RampStage;
import org.tsoinspector.inspect.ReferencePolicy;
import org.tsoinspector.inspect.OverlayKind;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.inspect.PlotResult;

/** Drives the real window headless (Monocle) on a small in-memory exposure. */
@ExtendWith(ApplicationExtension.class)
class InspectorWindowTest {

    private InspectorWindow window;
    /** What the stand-in file chooser was asked to save, and what it answers. */
    private final List<String> saveRequests = new ArrayList<>();
    private Path saveAnswer;
    /** What the stand-in file chooser answers when asked for a file to open (null: no test should ask). */
    private Path openAnswer;

    @Start
    void start(Stage stage) {
        AppSettings settings = AppSettings.forNode("/org/tsoinspector/app-test");
        settings.clear();
        FileDialogs chooser = new FileDialogs() {
            @Override
            public List<Path> chooseToOpen(Window owner, String title, Path folder, boolean several,
                    List<FileChooser.ExtensionFilter> filters) {
                if (openAnswer == null) {
                    throw new AssertionError("this test does not open through the chooser");
                }
                return List.of(openAnswer);
            }

            @Override
            public Path chooseToSave(Window owner, Path folder, String name, FileChooser.ExtensionFilter filter) {
                saveRequests.add(name + " " + filter.getExtensions());
                return saveAnswer;
            }
        };
        window = new InspectorWindow(stage, settings, (files, configuration, m) -> {
            if (files.get(0).toString().contains("bad")) {
                throw new BadInputException(files.get(0).getFileName().toString(), "not a FITS file");
            }
            InMemoryRampSource source = files.get(0).toString().contains("other")
                    ? new InMemoryRampSource("other_uncal.fits", 2, 2, 8, 32) : new InMemoryRampSource(3, 4);
            return Inspection.of(source, files, new ReferencePolicy(null, List.of()), configuration);
        }, chooser);
        Scene scene = new Scene(window.root(), 1100, 700);
        window.installKeys(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void openSample(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(List.of(Path.of("/tmp/sample_uncal.fits"))));
        waitIdle();
    }

    /** The PNG size dialog opens once the frame's square-pixel size is worked out in the background. */
    private static void waitForSizeDialog() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> new org.testfx.api.FxRobot().lookup("#png-size-dialog").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.jobs().activeJobsProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theMagnifierFollowsTheCursorAndViewMagnifierHidesIt(FxRobot robot) throws Exception {
        openSample(robot);
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        robot.moveTo(view);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.hoveredProperty().get() != null, "the mouse is over the frame");
        assertTrue(view.magnifierShown(), "on by default, as in DS9");
        robot.interact(() -> window.setMagnifier(false));
        assertFalse(view.magnifierShown());
        robot.interact(() -> window.setMagnifier(true));
        assertTrue(view.magnifierShown());
        robot.moveTo("#plot-tabs");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.magnifierShown(), "gone when the mouse leaves the frame");
    }

    @Test
    void blinkSwapsByItselfAtTheChosenIntervalAndStopsWhenUnticked(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(() -> window.setMode(CompareMode.BLINK));
        waitIdle();
        robot.interact(() -> robot.lookup("#blink-seconds").queryAs(Spinner.class).getValueFactory().setValue(0.1));
        // the Stages panel may be scrolled out of sight: tick the box as a click would
        robot.interact(() -> robot.lookup("#blink-auto").queryAs(javafx.scene.control.CheckBox.class).fire());
        int swaps = 0;
        boolean last = window.blinkShowsB();
        long end = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < end) {
            WaitForAsyncUtils.waitForFxEvents();
            if (window.blinkShowsB() != last) {
                swaps++;
                last = !last;
            }
            Thread.sleep(20);
        }
        assertTrue(swaps >= 5, "swaps in 1.5 s at 0.1 s: " + swaps);
        robot.interact(() -> robot.lookup("#blink-auto").queryAs(javafx.scene.control.CheckBox.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        boolean stopped = window.blinkShowsB();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stopped, window.blinkShowsB(), "unticked: no more swaps");
    }

    /** The second open used to leave empty stage lists, the old frame and an NPE in the status line. */
    @Test
    void openingAnotherExposureOfOtherGeometryAndFewerGroupsReplacesEverythingShown(FxRobot robot)
            throws Exception {
        openSample(robot);
        robot.clickOn("#view-a");
        robot.type(KeyCode.END).type(KeyCode.CLOSE_BRACKET).type(KeyCode.CLOSE_BRACKET); // group 4, integration 3 of the first
        robot.interact(() -> window.plots().select("Profile"));
        waitIdle();
        assertEquals(3, window.shownFrames().a().group());
        robot.interact(() -> window.open(List.of(Path.of("/tmp/other_uncal.fits"))));
        waitIdle();
        FrameAnswer f = window.shownFrames();
        assertEquals("other_uncal.fits", f.exposureName());
        assertEquals(8, f.a().ny());
        assertEquals(32, f.a().nx());
        assertTrue(f.a().group() < 2 && f.a().integration() < 2, f.where());
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        assertTrue(view.caption().endsWith(f.where()), view.caption());
        for (String id : List.of("#stage-a", "#stage-b")) {
            ComboBox<?> box = robot.lookup(id).queryAs(ComboBox.class);
            assertFalse(box.getItems().isEmpty(), id);
            assertTrue(box.getItems().contains(box.getValue()), id + ": " + box.getValue());
        }
        assertTrue(window.statusText().startsWith("other_uncal.fits: NIRISS"), window.statusText());
        PlotResult profile = window.plots().result("Profile");
        assertTrue(profile != null && profile.captionText().startsWith("other_uncal.fits"), String.valueOf(profile));
        assertEquals(8, profile.rowCount(), "a column of the new exposure's 8 rows");
        assertEquals("TSO Inspector - other_uncal.fits", ((javafx.stage.Stage) view.getScene().getWindow()).getTitle());
        robot.type(KeyCode.END);
        waitIdle();
        assertEquals(1, window.shownFrames().a().group(), "the new exposure's last group");
    }

    /** Help > Keyboard shortcuts used to show an empty table (PropertyValueFactory on a record). */
    @Test
    @SuppressWarnings("unchecked")
    void theShortcutsTableListsEveryKey(FxRobot robot) throws Exception {
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu help = bar.getMenus().get(bar.getMenus().size() - 1);
        robot.interact(() -> help.getItems().get(0).fire());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<Shortcuts.Entry> table = robot.lookup("#shortcuts-table")
                .queryAs(javafx.scene.control.TableView.class);
        assertEquals(Shortcuts.ALL.size(), table.getItems().size());
        for (int row = 0; row < Shortcuts.ALL.size(); row++) {
            for (var column : table.getColumns()) {
                Object cell = column.getCellObservableValue(row).getValue();
                assertTrue(cell != null && !cell.toString().isBlank(), "row " + row + " " + column.getText());
            }
        }
        robot.interact(() -> table.getScene().getWindow().hide());
    }

    @Test
    void openingShowsFirstFrameAndExposureSummary(FxRobot robot) throws Exception {
        openSample(robot);
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        assertEquals(InMemoryRampSource.NX, view.imageWidth());
        assertEquals(InMemoryRampSource.NY, view.imageHeight());
        assertTrue(view.caption().startsWith("raw  int 1, group 1"), view.caption());
        assertTrue(window.statusText().contains("3 integrations x 4 groups"), window.statusText());
        assertTrue(robot.lookup("#progress").tryQuery().isEmpty(), "progress bar only while jobs run");
    }

    @Test
    void periodCommaAndBracketsStepGroupsAndIntegrations(FxRobot robot) throws Exception {
        openSample(robot);
        robot.clickOn("#view-a");
        robot.type(KeyCode.PERIOD).type(KeyCode.PERIOD).type(KeyCode.CLOSE_BRACKET);
        waitIdle();
        Slider group = robot.lookup("#group-slider").queryAs(Slider.class);
        Slider integration = robot.lookup("#integration-slider").queryAs(Slider.class);
        assertEquals(2, group.getValue());
        assertEquals(1, integration.getValue());
        assertEquals("3 / 4", robot.lookup("#group-label").queryAs(Label.class).getText());
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        assertTrue(view.caption().contains("int 2, group 3"), view.caption());
    }

    /** Column 40 then Row: the index becomes the crosshair's row (it showed column 1447 as "Row 255" before). */
    @SuppressWarnings("unchecked")
    @Test
    void switchingTheProfileFromColumnToRowTakesTheCrosshairsRow(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(() -> window.plots().select("Profile"));
        robot.clickOn("#view-a");
        waitIdle();
        PixelPosition p = window.crosshair();
        Spinner<Integer> index = robot.lookup("#profile-index").queryAs(Spinner.class);
        assertEquals(p.x(), index.getValue());
        robot.interact(() -> robot.lookup("#profile-axis").queryAs(ComboBox.class)
                .setValue(org.tsoinspector.analysis.ProfileAxis.ROW));
        waitIdle();
        assertEquals(p.y(), index.getValue(), "the row of the crosshair, not its column");
        assertTrue(window.plots().result("Profile").captionText().contains("row " + p.y())
                || window.plots().result("Profile").panels().get(0).getTitle().getText().contains("Row " + p.y()),
                window.plots().result("Profile").panels().get(0).getTitle().getText());
    }

    @SuppressWarnings("unchecked")
    @Test
    void theRampTabPlotsABoxMeanAndKeepsPinnedPixels(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(() -> window.plots().select("Ramp"));
        robot.clickOn("#view-a");
        waitIdle();
        PixelPosition first = window.crosshair();
        robot.clickOn("#ramp-pin");
        waitIdle();
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT); // the crosshair moves on; the pinned pixel stays on the plot
        waitIdle();
        PlotResult r = window.plots().result("Ramp");
        int groups = 4;
        assertEquals(3 * groups, r.rowCount(), "two stages and one pinned pixel: " + r.captionText());
        assertTrue(r.captionText().endsWith("(+1 pinned)"), r.captionText());
        assertEquals("pixel (" + first.x() + ", " + first.y() + ")", r.table().value(2 * groups, 0).toString()
                .replaceFirst(", after .*$|, raw$", ""));
        robot.interact(() -> robot.lookup("#ramp-extraction").queryAs(ComboBox.class)
                .setValue(org.tsoinspector.analysis.RampExtraction.MEAN));
        waitIdle();
        PlotResult box = window.plots().result("Ramp");
        assertTrue(box.captionText().contains("mean of a box columns"), box.captionText());
        robot.clickOn("#ramp-clear-pins");
        waitIdle();
        assertEquals(2 * groups, window.plots().result("Ramp").rowCount());
    }

    /**
     * Side by side halves the view; back to one view, the frame is fitted to the whole view again, as
     * at first (it was fitted before the view had its new size: zoomed for half of it, at its top).
     */
    @Test
    void leavingSideBySideFitsTheFrameToTheWholeViewAgain(FxRobot robot) throws Exception {
        openSample(robot);
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        double scale = view.viewPort().scale();
        double offsetY = view.viewPort().offsetYProperty().get();
        robot.interact(() -> window.setMode(CompareMode.SIDE_BY_SIDE));
        waitIdle();
        assertTrue(view.viewPort().scale() < scale, "side by side: each view is half as tall");
        robot.interact(() -> window.setMode(CompareMode.DIFFERENCE));
        waitIdle();
        assertEquals(scale, view.viewPort().scale(), 1e-9, "fitted to the whole view");
        assertEquals(offsetY, view.viewPort().offsetYProperty().get(), 1e-9, "centred as at first");
    }

    /** Ctrl+G: a typed pixel gets the crosshair, a bad one is one sentence; the zoom factor is drawn. */
    @Test
    void goToPixelPutsTheCrosshairThereAndABadPixelIsOneSentence(FxRobot robot) throws Exception {
        openSample(robot);
        robot.clickOn("#view-a");
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.lookup("#go-to-pixel-dialog .text-field").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> robot.lookup("#go-to-pixel-dialog .text-field")
                .queryAs(javafx.scene.control.TextField.class).setText("40, 9"));
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#go-to-pixel-dialog")
                .queryAs(javafx.scene.control.DialogPane.class).lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        waitIdle();
        assertEquals(new PixelPosition(40, 9), window.crosshair());
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#go-to-pixel-dialog .text-field")
                .queryAs(javafx.scene.control.TextField.class).setText("64, 0"));
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#go-to-pixel-dialog")
                .queryAs(javafx.scene.control.DialogPane.class).lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        waitIdle();
        assertEquals("pixel (64, 0) is outside the frame: x runs 0..63, y 0..15.", window.statusText());
        assertEquals(new PixelPosition(40, 9), window.crosshair(), "the crosshair stays");
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        assertTrue(view.zoomText().startsWith("zoom "), view.zoomText());
    }

    /** A comparison remembered from the last run lays both views out from the start (B was missing). */
    @Test
    void aRememberedSideBySideShowsBothViewsOnTheFirstFrame(FxRobot robot) throws Exception {
        AppSettings remembered = AppSettings.forNode("/org/tsoinspector/app-test-mode");
        remembered.clear();
        remembered.put("compare.mode", CompareMode.SIDE_BY_SIDE.name());
        InspectorWindow[] second = new InspectorWindow[1];
        robot.interact(() -> {
            javafx.stage.Stage stage = new javafx.stage.Stage();
            second[0] = new InspectorWindow(stage, remembered, (files, c, m) -> Inspection.of(
                    new InMemoryRampSource(3, 4), files, new ReferencePolicy(null, List.of()), c));
            stage.setScene(new Scene(second[0].root(), 1100, 700));
            stage.show();
            second[0].open(List.of(Path.of("/tmp/memory_uncal.fits")));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> second[0].jobs().activeJobsProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        FrameView b = (FrameView) second[0].root().lookup("#view-b");
        assertTrue(b != null && b.getScene() != null && b.getHeight() > 0, "view B is laid out");
        assertTrue(b.caption().startsWith("B: "), b.caption());
        robot.interact(() -> second[0].root().getScene().getWindow().hide());
        remembered.clear();
    }

    @Test
    void theInvertBoxInvertsTheColormapOfTheFrameShown(FxRobot robot) throws Exception {
        openSample(robot);
        int[] before = window.shownFrames().pictureA().image().argb().clone();
        robot.interact(() -> robot.lookup("#invert-colormap").queryAs(javafx.scene.control.CheckBox.class).fire());
        waitIdle();
        int[] after = window.shownFrames().pictureA().image().argb();
        int changed = 0;
        for (int p = 0; p < before.length; p++) {
            changed += before[p] != after[p] ? 1 : 0;
        }
        assertTrue(changed > before.length / 2, changed + " of " + before.length + " pixels changed colour");
        assertEquals(before[0] & 0xFF, 255 - (after[0] & 0xFF), "gray inverted: blue channel mirrored");
    }

    /** DS9's arrow keys move the crosshair one pixel; up is up on the screen (row 0 at the bottom). */
    @Test
    void arrowKeysMoveTheCrosshairOnePixel(FxRobot robot) throws Exception {
        openSample(robot);
        robot.clickOn("#view-a");
        PixelPosition start = window.crosshair();
        assertTrue(start != null, "a click sets the crosshair");
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT).type(KeyCode.UP);
        waitIdle();
        assertEquals(new PixelPosition(start.x() + 2, Math.min(InMemoryRampSource.NY - 1, start.y() + 1)),
                window.crosshair());
        robot.type(KeyCode.LEFT).type(KeyCode.DOWN).type(KeyCode.DOWN);
        assertEquals(new PixelPosition(start.x() + 1, Math.max(0, Math.min(InMemoryRampSource.NY - 1, start.y() + 1) - 2)),
                window.crosshair());
        assertEquals(0.0, robot.lookup("#group-slider").queryAs(Slider.class).getValue(), "groups did not move");
    }

    @Test
    void hoverShowsValueCoordinatesAndDecodedDq(FxRobot robot) throws Exception {
        openSample(robot);
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        robot.interact(() -> view.hoveredProperty().set(new PixelPosition(5, 3)));
        String text = robot.lookup("#readout").queryAs(Label.class).getText();
        // sample (i=0, g=0, y=3, x=5) = 1000 + 5; full frame row = 1792 + 3
        assertTrue(text.startsWith("x 5  y 3  (full frame x 5  y 1795)"), text);
        assertTrue(text.contains("value 1005 "), text);
        assertTrue(text.contains("pixel DQ 0 GOOD"), text);
        assertTrue(text.contains("group DQ 0 GOOD"), text);
    }

    @Test
    void badFileGivesOneSentenceAndKeepsWindowUsable(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(List.of(Path.of("/tmp/bad.fits"))));
        waitIdle();
        assertEquals("bad.fits: not a FITS file", window.statusText());
        openSample(robot);
        assertTrue(window.statusText().contains("integrations"), window.statusText());
    }

    private static Path userDq(Path file, int ny, int nx) throws Exception {
        try (Fits f = new Fits()) {
            f.addHDU(ImageData.from(new int[ny][nx]).toHDU());
            f.write(file.toFile());
        }
        return file;
    }

    @Test
    void userDqOfTheWrongShapeIsOneSentenceAndTheStepListKeepsWhatApplies(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        openSample(robot);
        Path wrong = userDq(dir.resolve("small_dq.fits"), 10, 10);
        openAnswer = wrong;
        robot.interact(() -> robot.lookup("#choose-user-dq").queryButton().fire());
        waitIdle();
        assertEquals(wrong + ": its primary image is 10 x 10; user_supplied_dq must match the exposure's window ("
                + InMemoryRampSource.NY + " x " + InMemoryRampSource.NX + ") or be the full 2048 x 2048 detector",
                window.statusText());
        Label shown = robot.lookup("#user-dq").queryAs(Label.class);
        assertEquals("none", shown.getText());
        Path good = userDq(dir.resolve("my_dq.fits"), InMemoryRampSource.NY, InMemoryRampSource.NX);
        openAnswer = good;
        robot.interact(() -> robot.lookup("#choose-user-dq").queryButton().fire());
        waitIdle();
        assertEquals("my_dq.fits", shown.getText());
        assertFalse(robot.lookup("#clear-user-dq").queryButton().isDisabled());
        robot.interact(() -> robot.lookup("#clear-user-dq").queryButton().fire());
        waitIdle();
        assertEquals("none", shown.getText());
    }

    /** refpix_algorithm=sirs on a subarray runs the median algorithm, as the reference pipeline does, and says so. */
    @Test
    @SuppressWarnings("unchecked")
    void sirsOnASubarrayIsTheMedianAlgorithmAndTheStepSaysSo(FxRobot robot) throws Exception {
        openSample(robot);
        Label status = robot.lookup("#status-refpix").queryAs(Label.class);
        assertEquals("applied", status.getText());
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        robot.interact(() -> robot.lookup("#refpix-algorithm").queryAs(ComboBox.class).setValue("sirs"));
        waitIdle();
        assertTrue(status.getText().startsWith("applied (refpix_algorithm=sirs applies to FULL frames only, so this"
                + " SUBSTRIP256 exposure got the median algorithm"), status.getText());
        assertEquals("sirs", robot.lookup("#refpix-algorithm").queryAs(ComboBox.class).getValue());
        assertTrue(view.isVisible(), "the frame is still shown: " + window.statusText());
    }

    @Test
    void blinkKeySwapsStagesWithoutLosingPosition(FxRobot robot) throws Exception {
        openSample(robot);
        robot.clickOn("#view-a");
        robot.type(KeyCode.B);
        waitIdle();
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        assertTrue(view.caption().startsWith("A: raw"), view.caption());
        robot.type(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.caption().startsWith("B: after refpix"), view.caption());
        robot.type(KeyCode.B);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.caption().startsWith("A: raw"), view.caption());
    }

    @Test
    void overlayOfSpecialPixelsMarksOnlyThosePixels(FxRobot robot) throws Exception {
        openSample(robot);
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        assertTrue(!view.hasOverlay(OverlayKind.SPECIAL.ordinal()));
        robot.interact(() -> robot.lookup("#overlay-special").queryAs(javafx.scene.control.CheckBox.class)
                .setSelected(true));
        waitIdle();
        assertTrue(view.hasOverlay(OverlayKind.SPECIAL.ordinal()));
        assertTrue(!view.hasOverlay(OverlayKind.REFERENCE.ordinal()));
    }

    @Test
    void differenceModeShowsSignedDifferenceInReadout(FxRobot robot) throws Exception {
        openSample(robot);
        robot.clickOn("#view-a");
        robot.type(KeyCode.PERIOD).type(KeyCode.PERIOD);
        waitIdle();
        robot.type(KeyCode.D);
        waitIdle();
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        assertTrue(view.caption().startsWith("raw - after refpix  int 1, group 3"), view.caption());
        robot.interact(() -> view.hoveredProperty().set(new PixelPosition(7, 2)));
        String text = robot.lookup("#readout").queryAs(Label.class).getText();
        assertTrue(text.startsWith("A-B  x 7  y 2"), text);
        assertTrue(text.contains("value 0 "), text);
    }

    @Test
    void clickSetsCrosshairAndTheColumnProfileFollows(FxRobot robot) throws Exception {
        openSample(robot);
        robot.clickOn("#view-a");
        waitIdle();
        PixelPosition p = window.crosshair();
        assertTrue(p != null, "a click sets the crosshair");
        PlotResult r = window.plots().result("Profile");
        assertEquals(String.valueOf(InMemoryRampSource.NY), String.valueOf(r.table().rowCount()));
        for (int y = 0; y < InMemoryRampSource.NY; y++) {
            assertEquals(InMemoryRampSource.expected(0, 0, y, p.x()), Double.parseDouble(r.table().cell(y, 1)), 1e-9);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void ratioPlotCountsEveryPixelOfEveryIntegration(FxRobot robot) throws Exception {
        openSample(robot);
        robot.interact(() -> window.plots().select("Ratio"));
        ComboBox<RampStage> before = robot.lookup("#ratio-stages-before").queryAs(ComboBox.class);
        ComboBox<RampStage> after = robot.lookup("#ratio-stages-after").queryAs(ComboBox.class);
        // the notebook's stages by default, whatever the frame shows; here linearity has no reference
        assertEquals(RampStage.after(org.tsoinspector.model.StepName.REFPIX), before.getValue());
        assertEquals(RampStage.after(org.tsoinspector.model.StepName.REFPIX), after.getValue());
        robot.interact(() -> before.setValue(RampStage.RAW));
        robot.clickOn("#compute-ratio");
        waitIdle();
        PlotResult r = window.plots().result("Ratio");
        assertTrue(r != null, window.statusText());
        java.util.Map<String, Long> totals = new java.util.TreeMap<>();
        for (int row = 0; row < r.table().rowCount(); row++) {
            // the in-memory ramps rise by exactly 100 per group: every ratio is 1
            assertTrue(Double.parseDouble(r.table().cell(row, 3)) <= 1.0);
            assertTrue(Double.parseDouble(r.table().cell(row, 4)) >= 1.0);
            totals.merge(r.table().cell(row, 0), Long.parseLong(r.table().cell(row, 5)), Long::sum);
        }
        long perStage = 3L * InMemoryRampSource.NX * InMemoryRampSource.NY;
        assertEquals(java.util.Map.of("after refpix", perStage, "raw", perStage), totals);
    }

    @Test
    void frameExportsAsPngOfTheChosenSizeAndAsCsv(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        openSample(robot);
        PlotResult r = window.frameFigure().run(org.tsoinspector.model.ProgressMonitor.NONE);
        Path png = dir.resolve("frame.png");
        org.tsoinspector.render.PngExport.write(r.figure(), r.caption(), 800, 500, png);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        assertEquals("memory_uncal.fits  |  integration 1  |  group 1  |  raw", r.caption().text());
        assertEquals(InMemoryRampSource.NX * InMemoryRampSource.NY, r.table().rowCount());
    }

    @Test
    void toolbarButtonsAndRecentMenuReachTheWindow(FxRobot robot) throws Exception {
        openSample(robot);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<CompareMode> mode = robot.lookup("#compare-mode").queryAs(
                javafx.scene.control.ComboBox.class);
        robot.clickOn("#tool-side-by-side");
        assertEquals(CompareMode.SIDE_BY_SIDE, mode.getValue());
        robot.clickOn("#tool-difference");
        assertEquals(CompareMode.DIFFERENCE, mode.getValue());
        robot.clickOn("#tool-blink");
        assertEquals(CompareMode.BLINK, mode.getValue());
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu recent = (javafx.scene.control.Menu) bar.getMenus().get(0).getItems().get(1);
        assertEquals(List.of("/tmp/sample_uncal.fits"), recent.getItems().stream().map(i -> i.getText()).toList());
    }

    @Test
    void exportButtonAsksSizeThenFileAndWritesThePng(FxRobot robot, @TempDir Path dir) throws Exception {
        openSample(robot);
        saveAnswer = dir.resolve("chosen.png");
        // the size dialog waits for its answer, so it is opened from a later pulse of the FX thread
        Button export = robot.lookup("#tool-export").queryAs(Button.class);
        Platform.runLater(export::fire);
        waitForSizeDialog();
        // the frame's own size by default: 1600 wide and as high as keeps its 64 x 16 pixels square
        int suggestedHeight = robot.lookup("#png-height").<Spinner<Integer>>query().getValue();
        assertEquals(1600, robot.lookup("#png-width").<Spinner<Integer>>query().getValue());
        assertTrue(suggestedHeight > 400 && suggestedHeight < 900, "height " + suggestedHeight);
        robot.interact(() -> {
            robot.lookup("#png-width").<Spinner<Integer>>query().getValueFactory().setValue(640);
            robot.lookup("#png-height").<Spinner<Integer>>query().getValueFactory().setValue(360);
        });
        robot.clickOn(robot.lookup("#png-size-dialog").queryAs(DialogPane.class).lookupButton(ButtonType.OK));
        waitIdle();
        assertEquals(List.of("frame.png [*.png]"), saveRequests);
        BufferedImage img = ImageIO.read(saveAnswer.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(360, img.getHeight());
        assertEquals("Wrote " + saveAnswer + " (640 x 360).", window.statusText());
        assertEquals(List.of(saveAnswer.getFileName()), listFiles(dir), "no temporary file left");

        saveAnswer = null; // cancelled in the file chooser: nothing is written
        Platform.runLater(export::fire);
        waitForSizeDialog();
        robot.clickOn(robot.lookup("#png-size-dialog").queryAs(DialogPane.class).lookupButton(ButtonType.OK));
        waitIdle();
        assertEquals(2, saveRequests.size());
        assertEquals(List.of(Path.of("chosen.png")), listFiles(dir));
    }

    private static List<Path> listFiles(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(Path::getFileName).toList();
        }
    }

    /**
     * Drops files on the frame view as a file manager would (the drop reaches the window's root). A
     * Dragboard has no public constructor, so it is made from the toolkit's local clipboard.
     */
    private void drop(FxRobot robot, List<File> files) {
        robot.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(Toolkit.getToolkit().createLocalClipboard());
            ClipboardContent content = new ClipboardContent();
            content.putFiles(files);
            board.setContent(content);
            Node target = robot.lookup("#view-a").query();
            DragEvent dropped = new DragEvent(DragEvent.DRAG_DROPPED, board, 50, 50, 50, 50, TransferMode.COPY,
                    null, null, null);
            Event.fireEvent(target, dropped);
        });
    }

    @Test
    void droppedFitsFilesOpenAndAnythingElseIsRefusedInOneSentence(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a ramp\n");
        drop(robot, List.of(notes.toFile(), new File("/tmp/sample_uncal.fits")));
        waitIdle();
        assertEquals("notes.txt is not a FITS file (.fits or .fits.gz); drop the exposure's *_uncal.fits segments.",
                window.statusText());
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        assertEquals(0, view.imageWidth(), "nothing opened");
        drop(robot, List.of(new File("/tmp/sample_uncal.fits.gz")));
        waitIdle();
        assertEquals(InMemoryRampSource.NX, view.imageWidth());
        assertTrue(window.statusText().startsWith("memory_uncal.fits: NIRISS"), window.statusText());
    }

    @Test
    void rightDragMovesTheDisplayRangeLikeDs9(FxRobot robot) throws Exception {
        openSample(robot);
        ColorbarView bar = robot.lookup("#colorbar").queryAs(ColorbarView.class);
        org.tsoinspector.render.DisplayRange before = bar.range();
        robot.drag("#view-a", javafx.scene.input.MouseButton.SECONDARY).moveBy(120, 0).drop();
        waitIdle();
        org.tsoinspector.render.DisplayRange after = bar.range();
        assertEquals(org.tsoinspector.render.Limits.MANUAL,
                robot.lookup("#limits").queryAs(javafx.scene.control.ComboBox.class).getValue());
        // a drag to the right moves the range up and keeps its width
        assertTrue(after.low() > before.low(), before + " -> " + after);
        assertEquals(before.high() - before.low(), after.high() - after.low(), 1e-6 * (before.high() - before.low()));
    }
}
