package org.tsoinspector.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;
import org.tsoinspector.render.DisplayRange;
import org.tsoinspector.render.Limits;
import org.tsoinspector.inspect.CompareMode;
import org.tsoinspector.inspect.FrameAnswer;
import org.tsoinspector.inspect.OverlayKind;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.inspect.RampStage;

/**
 * Drives the window on the shared SUBSTRIP96 vector (2 integrations x 3 groups) with its reference
 * files found beside it: the values shown follow the step switches and the hand-made saturation marks.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorWindowRealDataTest {

    private static final Pattern VALUE = Pattern.compile("value (-?[0-9.]+)");

    private final Path folder = Path.of(System.getProperty("tso.testdata"), "detector1", "soss96");
    private final Path uncal = folder.resolve("soss96_uncal.fits");
    private InspectorWindow window;

    @Start
    void start(Stage stage) {
        AppSettings settings = AppSettings.forNode("/org/tsoinspector/app-test-real");
        settings.clear();
        window = new InspectorWindow(stage, settings, ExposureOpener.FITS);
        Scene scene = new Scene(window.root(), 1200, 800);
        window.installKeys(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.jobs().activeJobsProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(List.of(uncal)));
        waitIdle();
    }

    @SuppressWarnings("unchecked")
    private void showStage(FxRobot robot, String id, StepName after) throws Exception {
        robot.interact(() -> robot.lookup(id).queryAs(ComboBox.class).setValue(RampStage.after(after)));
        waitIdle();
    }

    private String hover(FxRobot robot, int x, int y) {
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        robot.interact(() -> view.hoveredProperty().set(null));
        robot.interact(() -> view.hoveredProperty().set(new PixelPosition(x, y)));
        return robot.lookup("#readout").queryAs(Label.class).getText();
    }

    /** Zooms to 8 screen pixels per image pixel with (x, y) at the centre, so a click cannot miss it, and clicks it. */
    private static FrameView clickPixel(FxRobot robot, int x, int y) {
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        robot.interact(() -> {
            view.viewPort().scaleProperty().set(8);
            Point2D at = view.screenPointOf(x, y); // wherever the origin is drawn
            view.viewPort().panBy(view.getWidth() / 2 - at.getX(), view.getHeight() / 2 - at.getY());
        });
        Point2D click = view.localToScreen(view.screenPointOf(x, y));
        robot.clickOn(click);
        return view;
    }

    private static double value(String readout) {
        Matcher m = VALUE.matcher(readout);
        assertTrue(m.find(), readout);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theDifferenceAfterRefpixLosesItsMedianInThePictureOnlyWhileTheBoxIsTicked(FxRobot robot) throws Exception {
        open(robot);
        showStage(robot, "#stage-a", StepName.REFPIX);
        showStage(robot, "#stage-b", StepName.SUPERBIAS);
        robot.interact(() -> window.setMode(org.tsoinspector.inspect.CompareMode.DIFFERENCE));
        waitIdle();
        javafx.scene.control.CheckBox box = robot.lookup("#difference-median").queryAs(javafx.scene.control.CheckBox.class);
        assertTrue(box.isSelected(), "on by default for differences");
        FrameAnswer ticked = window.shownFrames();
        assertTrue(Math.abs(ticked.differenceOffset()) > 1, "refpix's common offset: " + ticked.differenceOffset());
        assertTrue(ticked.caption(false).contains("DN removed)"), ticked.caption(false));
        robot.interact(box::fire);
        waitIdle();
        FrameAnswer unticked = window.shownFrames();
        assertEquals(0.0, unticked.differenceOffset());
        org.junit.jupiter.api.Assertions.assertArrayEquals(ticked.difference(), unticked.difference(),
                "the values are A - B either way");
        robot.interact(box::fire);
        waitIdle();
    }

    @SuppressWarnings("unchecked")
    @Test
    void ctrlHShowsTheHeadersOfTheSegmentAndItsReferencesSearchable(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#view-a");
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.H)
                .release(javafx.scene.input.KeyCode.CONTROL);
        waitIdle();
        HeaderWindow w = window.headerWindow();
        assertTrue(w != null && w.stage().isShowing(), "Ctrl+H opens the header viewer");
        javafx.scene.Scene scene = w.stage().getScene();
        ComboBox<Path> files = (ComboBox<Path>) scene.lookup("#header-file");
        assertEquals(uncal, files.getValue());
        assertTrue(files.getItems().contains(folder.resolve("soss96_mask.fits.gz")), files.getItems().toString());
        javafx.scene.control.ListView<String> cards = (javafx.scene.control.ListView<String>) scene.lookup("#header-cards");
        robot.interact(() -> ((javafx.scene.control.TextField) scene.lookup("#header-search")).setText("ngroups"));
        assertEquals(1, cards.getItems().size(), cards.getItems().toString());
        assertTrue(cards.getItems().get(0).startsWith("NGROUPS ="));
        assertEquals("1 of " + ((ComboBox<org.tsoinspector.inspect.FileHeaders.HduHeader>) scene.lookup("#header-hdu"))
                .getValue().cards().size() + " cards", ((Label) scene.lookup("#header-count")).getText());
        robot.interact(() -> files.setValue(folder.resolve("soss96_mask.fits.gz")));
        waitIdle();
        robot.interact(() -> ((javafx.scene.control.TextField) scene.lookup("#header-search")).setText("reftype"));
        assertTrue(cards.getItems().get(0).contains("MASK"), cards.getItems().toString());
        robot.interact(() -> w.stage().close());
    }

    /** jump and ramp_fit switched on in the Steps list; the Rate tab computes once, then follows the integration. */
    @Test
    void theRateTabShowsTheIntegrationsRateImageAndFollowsTheIntegrationOnceMade(FxRobot robot) throws Exception {
        Path ramp = Path.of(System.getProperty("tso.testdata"), "detector1-ramp", "soss96r", "soss96r_uncal.fits.gz");
        robot.interact(() -> window.open(List.of(ramp)));
        waitIdle();
        for (String step : new String[] {"dark_current", "jump", "ramp_fit"}) {
            CheckBox on = robot.lookup("#step-" + step).queryAs(CheckBox.class);
            assertFalse(on.isDisabled(), step + " has its reference beside the file");
            if (!on.isSelected()) {
                robot.interact(on::fire);
                waitIdle();
            }
        }
        robot.interact(() -> window.plots().select("Rate"));
        robot.clickOn("#compute-rate");
        waitIdle();
        org.tsoinspector.inspect.PlotResult first = window.plots().result("Rate");
        assertTrue(first != null && first.captionText().contains("integration 1"), String.valueOf(first));
        assertArrayEquals(window.inspection().rate(0, org.tsoinspector.model.ProgressMonitor.NONE).fit().sci(),
                first.image().values());
        robot.clickOn("#view-a");
        robot.type(KeyCode.CLOSE_BRACKET); // integration 2: one fit, no Compute
        waitIdle();
        assertTrue(window.plots().result("Rate").captionText().contains("integration 2"),
                window.plots().result("Rate").captionText());
    }

    /** File > Open (or a file another tool sends over SAMP) of a reference file: it becomes its step's reference. */
    @Test
    void openingAReferenceFileUsesItForItsStepAndWithoutAnExposureSaysWhatToDo(FxRobot robot) throws Exception {
        Path otherMask = folder.resolveSibling("soss256").resolve("soss256_mask.fits.gz");
        robot.interact(() -> window.open(List.of(otherMask)));
        waitIdle();
        assertEquals("soss256_mask.fits.gz is a MASK reference file (for dq_init): open an exposure first, then open"
                + " it again to use it.", window.statusText());
        open(robot);
        assertTrue(window.inspection().stepState(StepName.DQ_INIT).reference().endsWith("soss96_mask.fits.gz"));
        robot.interact(() -> window.open(List.of(otherMask)));
        waitIdle();
        assertEquals(otherMask, window.inspection().stepState(StepName.DQ_INIT).reference(),
                "the SUBSTRIP256 mask covers the SUBSTRIP96 rows, so it is taken");
        assertEquals("soss96_uncal.fits", window.shownFrames().exposureName(), "the exposure stays open");
    }

    @Test
    void referencesBesideTheFileAreFoundAndEveryStepApplies(FxRobot robot) throws Exception {
        open(robot);
        for (StepName step : StepName.DEFAULT_STEPS) {
            assertEquals("applied", robot.lookup("#status-" + step.id()).queryAs(Label.class).getText(), step.id());
        }
    }

    @Test
    void switchingSuperbiasOffPutsTheBiasBack(FxRobot robot) throws Exception {
        open(robot);
        showStage(robot, "#stage-a", StepName.SUPERBIAS);
        int x = 1000;
        int y = 40;
        double on = value(hover(robot, x, y));
        robot.clickOn("#step-superbias");
        waitIdle();
        assertEquals("off", robot.lookup("#status-superbias").queryAs(Label.class).getText());
        double off = value(hover(robot, x, y));
        var md = FitsRampFile.open(uncal).metadata();
        float bias = ReferenceFiles.readSuperbias(folder.resolve("soss96_superbias.fits.gz"), md).bias()[y * md.nx() + x];
        float raw;
        try (FitsRampFile f = FitsRampFile.open(uncal)) {
            raw = f.readIntegration(0).sample(0, y, x);
        }
        assertEquals(raw, off, 0.006, "superbias off: the stage is the raw sample");
        assertEquals(raw - bias, on, 0.006, "superbias on: raw minus the reference bias");
    }

    @Test
    void hoverDecodesTheMaskFlagsOfAHotPixelAndTheOverlayShowsIt(FxRobot robot) throws Exception {
        open(robot);
        showStage(robot, "#stage-a", StepName.DQ_INIT);
        String text = hover(robot, 335, 43); // a hot pixel planted in the vector's mask (truth.json)
        assertTrue(text.contains("HOT"), text);
        assertTrue(text.startsWith("x 335  y 43  (full frame x 335  y "), text);
        robot.interact(() -> robot.lookup("#overlay-special").queryAs(CheckBox.class).setSelected(true));
        waitIdle();
        assertTrue(robot.lookup("#view-a").queryAs(FrameView.class).hasOverlay(OverlayKind.SPECIAL.ordinal()));
    }

    @Test
    void limitsFromTheVisibleAreaFollowTheZoom(FxRobot robot) throws Exception {
        open(robot);
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        robot.interact(view::fitToWindow);
        waitIdle();
        double wholeHigh = window.shownFrames().pictureA().scale().range().high();
        robot.interact(() -> robot.lookup("#limits-from-view").queryAs(CheckBox.class).fire());
        robot.interact(() -> {
            view.viewPort().scaleProperty().set(8); // zoom onto the dark top-left corner of the frame
            view.viewPort().offsetXProperty().set(0);
            view.viewPort().offsetYProperty().set(0);
        });
        Thread.sleep(400); // the limits follow once the view has settled for 150 ms
        waitIdle();
        double zoomedHigh = window.shownFrames().pictureA().scale().range().high();
        assertTrue(zoomedHigh < wholeHigh, "zoomed onto a dark corner: " + zoomedHigh + " vs " + wholeHigh);
        robot.interact(() -> robot.lookup("#limits-from-view").queryAs(CheckBox.class).fire());
        waitIdle();
        assertEquals(wholeHigh, window.shownFrames().pictureA().scale().range().high(), 1e-6);
    }

    /** At fit zoom (about 1/2 here) nearest neighbour drew a fraction of the flagged pixels; pooling keeps all. */
    @Test
    void theSpecialPixelOverlayAtFitZoomShowsEveryFlaggedPixel(FxRobot robot) throws Exception {
        open(robot);
        showStage(robot, "#stage-a", StepName.DQ_INIT);
        robot.interact(() -> robot.lookup("#overlay-special").queryAs(CheckBox.class).setSelected(true));
        waitIdle();
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        robot.interact(view::fitToWindow);
        assertTrue(view.maskPoolFactor() >= 2, "fit zoom shrinks the 2048-wide frame: " + view.zoomText());
        FrameAnswer f = window.shownFrames();
        int flagged = 0;
        int shown = 0;
        for (int y = 0; y < f.a().ny(); y++) {
            for (int x = 0; x < f.a().nx(); x++) {
                int dq = f.a().pixelDq()[f.a().index(x, y)];
                if (dq != 0 && dq != org.tsoinspector.model.DqFlag.REFERENCE_PIXEL.value()) {
                    flagged++;
                    shown += view.overlayShownAt(OverlayKind.SPECIAL.ordinal(), x, y) ? 1 : 0;
                }
            }
        }
        assertTrue(flagged > 50, "the vector's mask has flagged pixels: " + flagged); // 72
        assertEquals(flagged, shown, "every flagged pixel is drawn at " + view.zoomText());
    }

    /** Off and on again: the stage box shows its stage (it was blank) and the note that no longer holds goes. */
    @SuppressWarnings("unchecked")
    @Test
    void aStepSwitchedOffAndOnAgainLeavesTheStageShownAndNoStaleNote(FxRobot robot) throws Exception {
        open(robot);
        showStage(robot, "#stage-a", StepName.REFPIX);
        CheckBox refpix = robot.lookup("#step-refpix").queryAs(CheckBox.class);
        robot.interact(refpix::fire);
        waitIdle();
        assertTrue(window.statusText().contains("after refpix is not available"), window.statusText());
        robot.interact(refpix::fire);
        waitIdle();
        // the redraw after the step comes back runs in the background; on a loaded machine it lands later
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !window.statusText().contains("not available"));
        ComboBox<RampStage> a = robot.lookup("#stage-a").queryAs(ComboBox.class);
        assertEquals(RampStage.after(StepName.REFPIX), a.getValue());
        javafx.scene.Node shown = ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) a.getSkin()).getDisplayNode();
        assertEquals("after refpix", ((javafx.scene.control.ListCell<?>) shown).getText(),
                "the box shows the stage, not a blank");
        assertFalse(window.statusText().contains("not available"), window.statusText());
        assertEquals("after refpix", window.shownFrames().a().label());
    }

    /** A stage shown instead of another is said once; the "Marked ..." message after M is not overwritten by it. */
    @Test
    void aHandMarkMessageStaysWhenTheFrameIsRedrawnWithTheSameNote(FxRobot robot) throws Exception {
        open(robot);
        showStage(robot, "#stage-a", StepName.LINEARITY);
        robot.interact(() -> robot.lookup("#step-linearity").queryAs(CheckBox.class).fire());
        waitIdle();
        assertTrue(window.statusText().contains("is not available"), window.statusText());
        clickPixel(robot, 1000, 40);
        robot.type(KeyCode.M);
        waitIdle();
        assertTrue(window.statusText().startsWith("Marked "), window.statusText());
    }

    @Test
    void pixelMarkedSaturatedIsLeftUncorrectedByLinearity(FxRobot robot) throws Exception {
        open(robot);
        showStage(robot, "#stage-a", StepName.REFPIX);
        int x = 1000;
        int y = 40;
        robot.clickOn("#view-a");
        robot.type(KeyCode.PERIOD, KeyCode.PERIOD);
        waitIdle();
        double refpix = value(hover(robot, x, y));
        showStage(robot, "#stage-a", StepName.LINEARITY);
        double corrected = value(hover(robot, x, y));
        assertTrue(Math.abs(corrected - refpix) > 0.01, "linearity changes an unflagged sample");
        clickPixel(robot, x, y);
        assertEquals(new PixelPosition(x, y), window.crosshair());
        robot.type(KeyCode.COMMA); // group 2 of 3: mark groups 2 and 3
        waitIdle();
        robot.type(KeyCode.M);
        waitIdle();
        assertTrue(robot.lookup("#marks").queryAs(Label.class).getText().startsWith("pixel x 1000 y 40, groups 2+"));
        robot.type(KeyCode.PERIOD);
        waitIdle();
        String text = hover(robot, x, y);
        assertTrue(text.contains("group DQ 2 SATURATED"), text);
        assertEquals(refpix, value(text), 0.006, "a saturated group is not corrected");
        robot.clickOn("#clear-marks");
        waitIdle();
        assertEquals(corrected, value(hover(robot, x, y)), 0.006);
    }

    /** The window's plot tabs and the plot command make the same request, so their numbers are the same. */
    @Test
    @SuppressWarnings("unchecked")
    void theSameChoicesInTheWindowAndOnTheCommandLineGiveTheSameCsv(FxRobot robot, @TempDir Path dir)
            throws Exception {
        open(robot);
        showStage(robot, "#stage-a", StepName.SUPERBIAS);
        showStage(robot, "#stage-b", StepName.REFPIX);
        robot.clickOn("#view-a");
        robot.type(KeyCode.END); // the last group, as plot's default
        robot.interact(() -> {
            window.plots().select("Profile");
            robot.lookup("#profile-index").queryAs(Spinner.class).getValueFactory().setValue(1000);
        });
        waitIdle();
        Path windowCsv = dir.resolve("window-profile.csv");
        window.plots().result("Profile").writeCsv(windowCsv);
        Path cliCsv = dir.resolve("cli-profile.csv");
        assertEquals(0, cli("plot", "profile", uncal.toString(), "--after", "refpix", "--column", "1000",
                "--out", dir.resolve("p.png").toString(), "--csv", cliCsv.toString()));
        assertEquals(Files.readString(cliCsv), Files.readString(windowCsv));

        showStage(robot, "#stage-a", StepName.REFPIX);
        showStage(robot, "#stage-b", StepName.LINEARITY);
        robot.interact(() -> robot.lookup("#compute-light-curve").queryButton().fire());
        waitIdle();
        Path windowCurve = dir.resolve("window-lightcurve.csv");
        window.plots().result("Light curve").writeCsv(windowCurve);
        Path cliCurve = dir.resolve("cli-lightcurve.csv");
        assertEquals(0, cli("plot", "lightcurve", uncal.toString(), "--after", "linearity", "--out",
                dir.resolve("l.png").toString(), "--csv", cliCurve.toString()));
        assertEquals(Files.readString(cliCurve), Files.readString(windowCurve));
    }

    private static int cli(String... args) {
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(sink, true, java.nio.charset.StandardCharsets.UTF_8);
        int status = new org.tsoinspector.cli.CommandLine(out, out).run(args);
        assertEquals(0, status, sink.toString(java.nio.charset.StandardCharsets.UTF_8));
        return status;
    }

    /** DS9's habit by default: row 0 at the bottom; the View menu draws it at the top instead. */
    @Test
    void theOriginIsAtTheLowerLeftByDefaultAndTheViewMenuFlipsIt(FxRobot robot) throws Exception {
        open(robot);
        FrameView view = clickPixel(robot, 0, 0);
        assertEquals(new PixelPosition(0, 0), window.crosshair());
        // row 1 is drawn above row 0, column 1 right of column 0
        assertTrue(view.screenPointOf(0, 1).getY() < view.screenPointOf(0, 0).getY());
        assertTrue(view.screenPointOf(1, 0).getX() > view.screenPointOf(0, 0).getX());
        robot.interact(() -> window.setOriginAtBottom(false));
        waitIdle();
        assertTrue(view.screenPointOf(0, 1).getY() > view.screenPointOf(0, 0).getY(), "row 1 below row 0 now");
        clickPixel(robot, 3, 90);
        assertEquals(new PixelPosition(3, 90), window.crosshair());
        robot.interact(() -> window.setOriginAtBottom(true));
    }

    /** The read-out must follow what is on screen, not the picture the mouse last moved over. */
    @Test
    void theReadOutFollowsAMarkAndAGroupChangeWithoutAMouseMove(FxRobot robot) throws Exception {
        open(robot);
        showStage(robot, "#stage-a", StepName.LINEARITY);
        int x = 1000;
        int y = 40;
        FrameView view = clickPixel(robot, x, y);
        waitIdle();
        Label readout = robot.lookup("#readout").queryAs(Label.class);
        robot.interact(() -> view.hoveredProperty().set(new PixelPosition(x, y))); // the mouse rests here
        assertTrue(readout.getText().contains("group DQ 0 GOOD"), readout.getText());
        double group1 = value(readout.getText());
        robot.type(KeyCode.M); // marks the pixel from the shown group (group 1) on
        waitIdle();
        assertTrue(readout.getText().contains("group DQ 2 SATURATED"), "no mouse move: " + readout.getText());
        assertTrue(readout.getText().startsWith("x 1000  y 40"), readout.getText());
        robot.type(KeyCode.PERIOD);
        waitIdle();
        assertTrue(readout.getText().contains("group DQ 2 SATURATED"), readout.getText());
        assertTrue(value(readout.getText()) != group1, "the value of group 2, not group 1: " + readout.getText());
        robot.interact(() -> robot.lookup("#clear-marks").queryButton().fire()); // a click would move the mouse away
        waitIdle();
        assertTrue(readout.getText().contains("group DQ 0 GOOD"), readout.getText());
    }

    private void show(FxRobot robot, int integration, int group) throws Exception {
        robot.interact(() -> {
            robot.lookup("#integration-slider").queryAs(Slider.class).setValue(integration);
            robot.lookup("#group-slider").queryAs(Slider.class).setValue(group);
        });
        waitIdle();
    }

    /** Image pixels x0..x1, y0..y1 that the SATURATED overlay of view A paints. */
    private static int saturatedIn(FrameView view, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                n += view.overlayCovers(OverlayKind.SATURATED.ordinal(), x, y) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void regionDialogMarksARectangleSaturatedFromItsGroupInEveryIntegration(FxRobot robot) throws Exception {
        open(robot);
        showStage(robot, "#stage-a", StepName.SATURATION);
        robot.interact(() -> robot.lookup("#overlay-saturated").queryAs(CheckBox.class).setSelected(true));
        FrameView view = robot.lookup("#view-a").queryAs(FrameView.class);
        for (int i = 0; i < 2; i++) {
            show(robot, i, 2);
            assertEquals(0, saturatedIn(view, 496, 46, 507, 56), "nothing saturated around the box yet");
        }
        // the dialog waits for its answer, so it is opened from a later pulse of the FX thread
        Button region = robot.lookup("#mark-region").queryAs(Button.class);
        Platform.runLater(region::fire);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            robot.lookup("#region-x0").<Spinner<Integer>>query().getValueFactory().setValue(503);
            robot.lookup("#region-x1").<Spinner<Integer>>query().getValueFactory().setValue(500);
            robot.lookup("#region-y0").<Spinner<Integer>>query().getValueFactory().setValue(50);
            robot.lookup("#region-y1").<Spinner<Integer>>query().getValueFactory().setValue(52);
            robot.lookup("#region-from").<Spinner<Integer>>query().getValueFactory().setValue(2);
            robot.lookup("#region-every").queryAs(CheckBox.class).setSelected(true);
        });
        DialogPane dialog = robot.lookup("#region-dialog").queryAs(DialogPane.class);
        robot.clickOn(dialog.lookupButton(ButtonType.OK));
        waitIdle();
        assertEquals("x 500..503, y 50..52, groups 2+, every integration",
                robot.lookup("#marks").queryAs(Label.class).getText());
        for (int i = 0; i < 2; i++) {
            show(robot, i, 0);
            assertEquals(0, saturatedIn(view, 496, 46, 507, 56), "group 1 is before the mark");
            for (int g = 1; g < 3; g++) {
                show(robot, i, g);
                assertEquals(12, saturatedIn(view, 500, 50, 503, 52), "int " + (i + 1) + " group " + (g + 1));
                assertEquals(12, saturatedIn(view, 496, 46, 507, 56), "and nothing around it");
                assertTrue(hover(robot, 500, 52).contains("SATURATED"), hover(robot, 500, 52));
                assertFalse(hover(robot, 499, 52).contains("SATURATED"), hover(robot, 499, 52));
            }
        }
    }

    /** The lowest and highest finite value of a frame. */
    private static DisplayRange minMax(float[] values) {
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (float v : values) {
            if (Float.isFinite(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        return new DisplayRange(low, high);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sideBySideAndBlinkShareOneScaleTheBarStatesOrGiveEachStageItsOwnBar(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> {
            robot.lookup("#limits").queryAs(ComboBox.class).setValue(Limits.MINMAX);
            robot.lookup("#stage-a").queryAs(ComboBox.class).setValue(RampStage.RAW);
            robot.lookup("#stage-b").queryAs(ComboBox.class).setValue(RampStage.after(StepName.REFPIX));
            robot.lookup("#compare-mode").queryAs(ComboBox.class).setValue(CompareMode.SIDE_BY_SIDE);
        });
        waitIdle();
        FrameAnswer f = window.shownFrames();
        DisplayRange a = minMax(f.a().values());
        DisplayRange b = minMax(f.b().values());
        assertTrue(b.low() < a.low() - 10000, "raw sits on the bias, refpix took it off: " + a + ", " + b);
        DisplayRange both = new DisplayRange(Math.min(a.low(), b.low()), Math.max(a.high(), b.high()));
        ColorbarView bar = robot.lookup("#colorbar").queryAs(ColorbarView.class);
        assertEquals(both, bar.range());
        assertEquals(both, f.pictureA().scale().range());
        assertEquals(both, f.pictureB().scale().range());
        assertEquals("One scale for A (raw) and B (after refpix), DN  int 1, group 1", bar.title());
        ColorbarView barB = robot.lookup("#colorbar-b").queryAs(ColorbarView.class);
        assertFalse(barB.isVisible(), "one bar for one scale");

        // each stage on its own range: B gets its own bar
        robot.interact(() -> robot.lookup("#shared-scale").queryAs(CheckBox.class).setSelected(false));
        waitIdle();
        assertEquals(a, bar.range());
        assertEquals("A: raw  int 1, group 1 (DN)", bar.title());
        assertTrue(barB.isVisible());
        assertEquals(b, barB.range());
        assertEquals("B: after refpix  int 1, group 1 (DN)", barB.title());
        robot.interact(() -> robot.lookup("#shared-scale").queryAs(CheckBox.class).setSelected(true));
        waitIdle();
        assertFalse(barB.isVisible());

        robot.interact(() -> robot.lookup("#compare-mode").queryAs(ComboBox.class).setValue(CompareMode.BLINK));
        waitIdle();
        assertEquals(both, bar.range());
        robot.interact(() -> window.blink());
        assertEquals(both, bar.range(), "B blinks in on the same scale");
        assertEquals("One scale for A (raw) and B (after refpix), DN  int 1, group 1", bar.title());

        robot.interact(() -> robot.lookup("#compare-mode").queryAs(ComboBox.class).setValue(CompareMode.SINGLE));
        waitIdle();
        assertEquals(a, bar.range(), "one stage alone keeps its own range");
        assertTrue(bar.title().startsWith("raw  int 1, group 1"), bar.title());
    }

    @Test
    void aFileThatIsNotFitsGivesOneSentence(FxRobot robot, @TempDir Path dir) throws Exception {
        Path bad = dir.resolve("notes_uncal.fits");
        Files.writeString(bad, "this is not a FITS file\n");
        robot.interact(() -> window.open(List.of(bad)));
        waitIdle();
        String message = window.statusText();
        assertTrue(message.contains("notes_uncal.fits: is not a FITS file"), message);
        assertFalse(message.contains("\n") || message.contains("Exception"), message);
        open(robot);
        assertTrue(window.statusText().startsWith("soss96_uncal.fits: NIRISS"), window.statusText());
    }
}
