package org.tsoinspector.app;

import org.tsoinspector.inspect.Words;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.inspect.BuiltInSamples;
import org.tsoinspector.inspect.CompareMode;
import org.tsoinspector.inspect.FrameAnswer;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.ReferenceImage;
import org.tsoinspector.inspect.WindowBounds;
import org.tsoinspector.inspect.DisplaySettings;
import org.tsoinspector.inspect.FrameRequest;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.inspect.PlotResult;
import org.tsoinspector.samp.SampLink;
import org.tsoinspector.model.StepName;
import org.tsoinspector.inspect.ReferencePolicy;
import org.tsoinspector.inspect.StepConfiguration;
import org.tsoinspector.inspect.StepState;

/**
 * The inspector window: menus and toolbar ({@link InspectorMenus}, calling this window's
 * {@link InspectorActions}), the step, stage, display and overlay panels on the left, the frame views
 * in the middle, sliders and status at the bottom. Everything slow runs through the
 * {@link JobRunner}; this class arranges the parts and reacts to results on the FX thread.
 */
public final class InspectorWindow implements InspectorActions {

    private static final String FRAME_SLOT = "frame";
    private static final String OPEN_SLOT = "open";
    private static final String DISPLAY_KEY = "display";
    private static final String ORIGIN_KEY = "view.origin_bottom";
    private static final String MAGNIFIER_KEY = "view.magnifier";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InspectorWindow.class);

    private final Stage stage;
    private final AppSettings settings;
    private final ExposureOpener opener;
    private final JobRunner jobs;
    private final BorderPane root = new BorderPane();
    private final FrameArea frames;
    private final NavigationBar navigation;
    private final ObjectProperty<PixelPosition> crosshair;
    private final StatusBar status;
    private final StagesPanel stages;
    private final DisplayPanel displayPanel;
    private final OverlayPanel overlayPanel = new OverlayPanel();
    private final PlotsPane plots;
    private final StepPanel stepPanel;
    private final HandMarks marks;
    private final FileDialogs fileDialogs;
    private final InspectorMenus menus;
    /** The notes of the frame last shown, so the same note is not said again over a newer message. */
    private String shownNotes = "";
    /** The header viewer last opened (tests). */
    private HeaderWindow headers;
    /** The SAMP link once {@link #useSamp} made it; read on the FX thread only. */
    private SampLink samp;
    /** True while the integration is being moved because another tool highlighted it (not echoed back). */
    private boolean integrationFromSamp;
    /** The state shown: replaced as a whole (open, configure), never changed in place. */
    private final ObjectProperty<Inspection> inspection = new SimpleObjectProperty<>();

    public InspectorWindow(Stage stage, AppSettings settings, ExposureOpener opener) {
        this(stage, settings, opener, FileDialogs.SYSTEM);
    }

    /** A window that asks for files through {@code fileDialogs} (tests pass a stand-in). */
    InspectorWindow(Stage stage, AppSettings settings, ExposureOpener opener, FileDialogs fileDialogs) {
        this.stage = stage;
        this.settings = settings;
        this.opener = opener;
        this.fileDialogs = fileDialogs;
        this.jobs = new JobRunner(this::showError);
        this.status = new StatusBar(jobs);
        this.frames = new FrameArea(overlayPanel, status::readout);
        this.navigation = frames.navigation();
        this.crosshair = frames.crosshair();
        frames.setOriginAtBottom(settings.getBoolean(ORIGIN_KEY, true));
        frames.setMagnifier(settings.getBoolean(MAGNIFIER_KEY, true));
        this.plots = new PlotsPane(jobs, settings, status, fileDialogs, () -> samp);
        this.marks = new HandMarks(stage, frames, inspection::get, status, this::addMark);
        this.stepPanel = new StepPanel(this::configure, this::showReference, marks::markCrosshair, marks::markRegion,
                fileDialogs);
        this.displayPanel = new DisplayPanel(DisplaySettings.decode(settings.get(DISPLAY_KEY, "")));
        this.menus = new InspectorMenus(stage, settings, this);
        this.stages = new StagesPanel(settings, this::refresh, mode -> {
            frames.arrange(mode);
            refresh();
        });
        frames.arrange(stages.mode()); // the comparison remembered from the last run, before any frame
        buildLayout();
        wireEvents();
    }

    /** The scene graph root, for the scene and for tests. */
    public Parent root() {
        return root;
    }

    public JobRunner jobs() {
        return jobs;
    }

    /** Shows the window at the remembered place and size, brought onto the screen it opens on. */
    public void show() {
        WindowBounds b = WindowPlacement.restore(settings);
        Scene scene = new Scene(root, b.width(), b.height());
        installKeys(scene);
        stage.setScene(scene);
        stage.setTitle("TSO Inspector");
        stage.getIcons().setAll(Icons.application());
        WindowPlacement.apply(stage, b, settings);
        // a resize changes what fits: the frame is fitted again (zoom and pan are the user's otherwise)
        stage.widthProperty().addListener((o, a, w) -> Platform.runLater(this::fitViews));
        stage.heightProperty().addListener((o, a, h) -> Platform.runLater(this::fitViews));
        stage.setOnHidden(e -> close());
        stage.show();
        frames.requestFocus();
    }

    /** Installs the window's keyboard shortcuts on a scene (also used by tests that build their own scene). */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (Shortcuts.handle(e, this, navigation)) {
                e.consume();
            }
        });
    }

    // ---------------------------------------------------------------- layout

    private void buildLayout() {
        root.setTop(new VBox(menus.menuBar(), menus.toolBar()));
        VBox left = new VBox(4, new TitledPane("Steps", stepPanel), new TitledPane("Stages", stages), new TitledPane("Display", displayPanel),
                new TitledPane("Overlays", overlayPanel));
        left.setPadding(new Insets(4));
        left.setPrefWidth(340);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.setMinWidth(320);

        SplitPane centre = new SplitPane(frames, plots);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.47);
        SplitPane split = new SplitPane(leftScroll, centre);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(leftScroll, false);
        root.setCenter(split);
        root.setBottom(status);
    }

    // ---------------------------------------------------------------- events

    private void wireEvents() {
        navigation.integrationProperty().addListener((o, a, b) -> {
            refresh();
            highlightInOtherTools(b.intValue());
        });
        navigation.groupProperty().addListener((o, a, b) -> refresh());
        displayPanel.settingsProperty().addListener((o, a, b) -> {
            settings.put(DISPLAY_KEY, b.encode());
            refresh();
        });
        overlayPanel.shownProperty().addListener((o, a, b) -> refresh());
        overlayPanel.chosenFlagsProperty().addListener((o, a, b) -> refresh());
        crosshair.addListener((o, a, b) -> {
            if (inspection.get() != null && b != null) {
                plots.follow(plotContext(), true);
            }
        });
        wireBlinkTimer();
        // limits from the visible area follow zoom and pan, once the user pauses (not on every wheel step)
        javafx.animation.PauseTransition viewSettled = new javafx.animation.PauseTransition(
                javafx.util.Duration.millis(150));
        viewSettled.setOnFinished(e -> refresh());
        frames.onViewChanged(() -> {
            if (displayPanel.settingsProperty().get().limitsFromView()) {
                viewSettled.playFromStart();
            }
        });
        frames.wire(menus.frameMenu(), range -> displayPanel.set(displayPanel.settingsProperty().get()
                .withManual(range)));
        FileDrop.install(root, this::open, status::error);
    }

    /** Blink by itself: a timer swaps the two held pictures while blink mode and "Blink every" are on. */
    private void wireBlinkTimer() {
        javafx.animation.Timeline timer = new javafx.animation.Timeline();
        timer.setCycleCount(javafx.animation.Animation.INDEFINITE);
        Runnable follow = () -> {
            timer.stop();
            if (stages.mode() == CompareMode.BLINK && stages.autoBlinkProperty().get()) {
                double seconds = Math.max(0.1, stages.blinkSecondsProperty().getValue());
                timer.getKeyFrames().setAll(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(seconds),
                        e -> frames.swapBlink()));
                timer.play();
            }
        };
        stages.autoBlinkProperty().addListener((o, a, b) -> follow.run());
        stages.blinkSecondsProperty().addListener((o, a, b) -> follow.run());
        stages.modeProperty().addListener((o, a, b) -> follow.run());
        follow.run();
    }

    @Override
    public void setMode(CompareMode mode) {
        stages.setMode(mode);
    }

    /** Key B: enters blink mode, or swaps A and B when already blinking (no recomputation: both are held). */
    @Override
    public void blink() {
        if (stages.mode() != CompareMode.BLINK) {
            stages.setMode(CompareMode.BLINK);
            return;
        }
        frames.swapBlink();
    }

    @Override
    public void fitViews() {
        frames.fit();
    }

    @Override
    public void actualSize() {
        frames.actualSize();
    }

    @Override
    public void zoomStep(boolean in) {
        frames.zoomStep(in);
    }

    @Override
    public void setMagnifier(boolean on) {
        settings.putBoolean(MAGNIFIER_KEY, on);
        frames.setMagnifier(on);
    }

    @Override
    public boolean magnifier() {
        return settings.getBoolean(MAGNIFIER_KEY, true);
    }

    @Override
    public void setOriginAtBottom(boolean bottom) {
        settings.putBoolean(ORIGIN_KEY, bottom);
        frames.setOriginAtBottom(bottom);
    }

    @Override
    public boolean originAtBottom() {
        return frames.originAtBottom();
    }

    @Override
    public void nudgeCrosshair(int dx, int dyUp) {
        frames.nudgeCrosshair(dx, dyUp);
    }

    @Override
    public void goToPixel() {
        FrameAnswer f = frames.shown();
        if (f == null) {
            status.error("Open an exposure first.");
            return;
        }
        PixelPosition c = crosshair.get();
        TextInputDialog ask = new TextInputDialog(c == null ? "" : c.x() + ", " + c.y());
        ask.setTitle("Go to pixel");
        ask.setHeaderText("Pixel x, y (from 0, as the read-out shows them)");
        ask.getDialogPane().setId("go-to-pixel-dialog");
        ask.initOwner(stage);
        ask.showAndWait().ifPresent(text -> {
            try {
                frames.goTo(PixelPosition.parse(text, f.a().nx(), f.a().ny()));
            } catch (IllegalArgumentException e) {
                status.error(e.getMessage() + ".");
            }
        });
    }

    @Override
    public void cancelJobs() {
        jobs.cancelAll();
    }

    @Override
    public void quit() {
        stage.close();
    }

    // ---------------------------------------------------------------- opening

    @Override
    public void chooseAndOpen() {
        List<Path> files = fileDialogs.chooseToOpen(stage, "Open segments of one exposure", settings.lastFolder(),
                true, List.of(
                        new FileChooser.ExtensionFilter("JWST ramps (*.fits, *.fits.gz)", "*.fits", "*.fits.gz",
                                "*.fit"),
                        new FileChooser.ExtensionFilter("All files", "*")));
        if (!files.isEmpty()) {
            open(files);
        }
    }

    /**
     * Opens files as one exposure in the background; the current one stays shown until the new one is
     * ready. A reference file (by its REFTYPE) becomes its step's reference for the open exposure,
     * as if chosen with the step's "..." button.
     */
    @Override
    public void open(List<Path> files) {
        status.info("Opening " + describe(files) + " ...");
        StepConfiguration carried = carriedConfiguration();
        jobs.submit(OPEN_SLOT, m -> {
            Optional<StepName> referenceFor = files.size() == 1 ? ReferencePolicy.stepUsing(files.get(0))
                    : Optional.empty();
            return referenceFor.isPresent() ? new Opened(null, referenceFor.get())
                    : new Opened(opener.open(files, carried, m), null);
        }, o -> {
            if (o.referenceFor() != null) {
                useReference(files.get(0), o.referenceFor());
                return;
            }
            settings.setLastFolder(files.get(0).toAbsolutePath().getParent());
            settings.addRecent(files);
            menus.refreshRecent();
            showInspection(o.inspection());
        });
    }

    /** What an open found: an exposure, or a reference file and the step it is for. */
    private record Opened(Inspection inspection, StepName referenceFor) {
    }

    private void useReference(Path file, StepName step) {
        String what = file.getFileName() + " is a " + step.referenceType().toUpperCase(java.util.Locale.ROOT)
                + " reference file (for " + step.id() + ")";
        if (inspection.get() == null) {
            status.error(what + ": open an exposure first, then open it again to use it.");
            return;
        }
        status.info(what + ": using it for the open exposure.");
        configure(stepPanel.current().withReference(step, file));
    }

    /**
     * Opens a built-in sample, generating it into the user's cache first (once, with progress; later
     * starts reuse it).
     */
    @Override
    public void openSample(String name) {
        status.info("Opening the built-in sample " + name + " (generated once into "
                + BuiltInSamples.cacheRoot() + ") ...");
        StepConfiguration carried = carriedConfiguration();
        jobs.submit(OPEN_SLOT, m -> BuiltInSamples.open(name, carried, m, preview -> Platform.runLater(() -> {
            if (jobs.isBusy(OPEN_SLOT)) { // not cancelled meanwhile: show segment 1 while the rest is written
                showInspection(preview.inspection());
                status.info(preview.inspection().name() + ": segment 1 of " + preview.segments()
                        + ", shown while the sample's other segments are written (the whole exposure follows)");
            } else {
                closeQuietly(preview.inspection());
            }
        })), this::showInspection);
    }

    private static void closeQuietly(Inspection s) {
        try {
            s.close();
        } catch (Exception e) {
            LOG.info("closing {}: {}", s.name(), e.getMessage());
        }
    }

    private static String describe(List<Path> files) {
        return files.size() == 1 ? String.valueOf(files.get(0).getFileName())
                : files.size() + " segments";
    }

    /**
     * The step switches and parameters a newly opened exposure starts with: the current ones, without
     * what belongs to the old exposure (reference files chosen for it, hand marks, a user DQ file).
     */
    private StepConfiguration carriedConfiguration() {
        StepConfiguration c = stepPanel.current().withoutMarks().withParameter("dq_init.user_supplied_dq=none");
        return StepConfiguration.DEFAULTS.withSettings(c.settings());
    }

    /**
     * Shows a newly opened exposure: everything derived from the old one (frames, plots, crosshair,
     * ranges, stage lists) is replaced before anything is drawn, and the old exposure's files are closed.
     */
    private void showInspection(Inspection s) {
        Inspection old = inspection.get();
        jobs.cancel(FRAME_SLOT);
        frames.clear();
        ExposureMetadata md = s.metadata();
        navigation.setRanges(s.integrationCount(), s.groupCount(), md.intStart());
        stages.offer(s.stages(), old == null);
        inspection.set(s);
        if (old != null && !old.sameExposure(s)) {
            jobs.submit("close " + old.name(), m -> {
                old.close();
                return null;
            }, r -> { });
        }
        stage.setTitle("TSO Inspector - " + s.name());
        stepPanel.show(s.askedConfiguration(), s.stepStates());
        status.info(s.name() + ": " + md.instrument() + " " + md.detector() + " " + md.subarrayName() + ", "
                + Words.count(s.integrationCount(), "integration") + " x " + Words.count(md.nGroups(), "group") + ", " + md.ny() + " x " + md.nx());
        refresh();
    }

    // ---------------------------------------------------------------- steps

    /** Applies a step configuration in the background, then shows what it changed. */
    private void configure(StepConfiguration c) {
        Inspection s = inspection.get();
        if (s == null) {
            return;
        }
        jobs.submit("configure", m -> s.configure(c), done -> {
            if (s.sameExposure(inspection.get())) {
                inspection.set(done);
                stepPanel.show(done.askedConfiguration(), done.stepStates());
                stages.reoffer(done.stages());
                refresh();
            }
        }, message -> {
            showError(message);
            Inspection now = inspection.get();
            if (s.sameExposure(now)) {
                stepPanel.show(now.askedConfiguration(), now.stepStates()); // back to what still applies
            }
        });
    }

    /** The frame as shown (stage A, B while blinking, or the difference), as a figure with its caption and data. */
    BackgroundJob<PlotResult> frameFigure() {
        return frames.figureJob();
    }

    @Override
    public void exportFramePng() {
        BackgroundJob<PlotResult> make = frameFigure();
        FrameAnswer f = frames.shown();
        if (make == null) {
            status.error("Open an exposure first.");
            return;
        }
        // the size that keeps the frame's pixels square is worked out off the FX thread (it lays the chart out)
        int width = 1600;
        jobs.submit("export size", m -> new int[] {width,
                make.run(m).squarePixelHeight(width, f.a().ny(), f.a().nx())},
                size -> plots.exportPng("frame", make, size));
    }

    @Override
    public void exportFrame(ExportFormat format) {
        BackgroundJob<PlotResult> make = frameFigure();
        if (make == null) {
            status.error("Open an exposure first.");
        } else {
            plots.exportData(frameStem(), make, format);
        }
    }

    /** "wasp43b_seg001_int3_g2" for the frame shown: export and SAMP file names that say what they hold. */
    private String frameStem() {
        FrameAnswer f = frames.shown();
        String name = f.exposureName().replaceFirst("(_uncal)?\\.fits(\\.gz)?$", "");
        return name + "_int" + (f.a().integration() + 1) + "_g" + (f.a().group() + 1)
                + (f.difference() != null ? "_difference" : "");
    }

    @Override
    public void exportPlot(ExportFormat format) {
        plots.exportShown(format);
    }

    // ---------------------------------------------------------------- SAMP

    /**
     * Makes the window's SAMP link in the background and starts looking for a hub; start-up never
     * waits for one.
     */
    public void useSamp(SampLink.Factory factory) {
        jobs.submit("samp", m -> factory.create(sampListener()), link -> {
            samp = link;
            link.start();
            status.samp(link.state());
        });
    }

    private SampLink.Listener sampListener() {
        return new SampLink.Listener() {
            @Override
            public void stateChanged() {
                Platform.runLater(() -> {
                    if (samp != null) {
                        status.samp(samp.state());
                    }
                });
            }

            @Override
            public void filesReceived(List<Path> files, String sender) {
                Platform.runLater(() -> {
                    LOG.info("SAMP: {} sent {}", sender, files);
                    open(files);
                });
            }

            @Override
            public void integrationHighlighted(int integration, String sender) {
                Platform.runLater(() -> showIntegrationFrom(integration, sender));
            }
        };
    }

    /** Another tool highlighted a light-curve row: go to its integration (numbered as in the exposure). */
    private void showIntegrationFrom(int number, String sender) {
        Inspection s = inspection.get();
        if (s == null) {
            return;
        }
        int index = number - s.metadata().intStart();
        if (index < 0 || index >= s.integrationCount()) {
            status.error(sender + " highlighted integration " + number + ", which " + s.name() + " does not hold.");
            return;
        }
        integrationFromSamp = true;
        try {
            navigation.integrationProperty().set(index);
        } finally {
            integrationFromSamp = false;
        }
        status.info(sender + " highlighted integration " + number + ".");
    }

    /** Tells the other tools which integration is shown (their row of the light-curve table lights up). */
    private void highlightInOtherTools(int index) {
        Inspection s = inspection.get();
        SampLink link = samp;
        if (integrationFromSamp || link == null || s == null || !link.isConnected()) {
            return;
        }
        int number = index + s.metadata().intStart();
        jobs.submit("samp highlight", m -> {
            link.highlightIntegration(number);
            return number;
        }, n -> { });
    }

    @Override
    public void sendFrame(String recipientId) {
        BackgroundJob<PlotResult> make = frameFigure();
        if (make == null) {
            status.error("Open an exposure first.");
        } else {
            plots.send(frames.shown().difference() != null ? "difference" : "frame",
                    (link, m) -> link.sendImage(make.run(m), recipientId));
        }
    }

    @Override
    public void sendPlot(String recipientId) {
        plots.sendShown(recipientId);
    }

    @Override
    public void showHeaders() {
        Inspection s = inspection.get();
        if (s == null) {
            status.error("Open an exposure first.");
            return;
        }
        headers = HeaderWindow.show(stage, s.headerFiles(), jobs);
    }

    @Override
    public void connectSamp(boolean connect) {
        if (samp == null) {
            status.error("SAMP is still starting; try again in a moment.");
        } else if (connect) {
            status.info("Looking for a SAMP hub (DS9, TOPCAT and astropy.samp start one) ...");
            samp.connect();
        } else {
            samp.disconnect();
        }
    }

    @Override
    public SampLink samp() {
        return samp;
    }

    /** Key M: the crosshair pixel becomes saturated from the shown group on, in the shown integration. */
    @Override
    public void markCrosshair() {
        marks.markCrosshair();
    }

    private void addMark(org.tsoinspector.model.SaturationMark mark) {
        stepPanel.addMark(mark);
    }

    /** Opens a step's reference file (cut to the exposure) as an image in its own window. */
    private void showReference(org.tsoinspector.model.StepName step) {
        Inspection s = inspection.get();
        StepState st = s == null ? null : s.stepState(step);
        if (st == null || st.reference() == null) {
            status.error("No reference file for " + step.id() + ".");
            return;
        }
        DisplaySettings display = displayPanel.settingsProperty().get();
        jobs.submit("reference", m -> ReferenceImage.read(step, st.reference(), s.metadata()),
                image -> ReferenceWindow.show(stage, image, display, s.metadata(), jobs, this::samp,
                        (plane, recipientId) -> plots.send("reference plane", (link, m) -> link.sendImage(
                                image.fitsImage(plane, s.metadata()), "reference", image.fileName() + ": "
                                + image.planeNames().get(plane), recipientId))));
    }

    // ---------------------------------------------------------------- frames

    /** Recomputes what is visible (latest request wins). */
    private void refresh() {
        Inspection s = inspection.get();
        if (s == null || stages.a() == null || stages.b() == null) {
            return;
        }
        FrameRequest request = new FrameRequest(stages.a(), stages.b(), stages.mode(),
                stages.sharedScale(), stages.medianRemoved(), navigation.integrationProperty().get(),
                navigation.groupProperty().get(),
                displayPanel.settingsProperty().get(), overlayPanel.shownProperty().get(),
                overlayPanel.chosenFlagsProperty().get(), frames.visibleRegion());
        long errorsBefore = status.errorsShown(); // an error shown before this request is one the user moved on from
        jobs.submit(FRAME_SLOT, m -> s.frame(request, m), f -> {
            if (s != inspection.get()) {
                return; // made for a state that has been replaced meanwhile
            }
            String previousNotes = shownNotes;
            shownNotes = f.notes();
            if (!f.notes().isEmpty() && !f.notes().equals(previousNotes)) {
                // said once: a later message ("Marked ...") is not overwritten by the same note again
                status.info(f.notes() + ".");
            } else if ((errorsBefore > 0 && status.showsError(errorsBefore))
                    || (f.notes().isEmpty() && !previousNotes.isEmpty())) {
                // an error moved on from, or a note that no longer holds: say what is shown now
                status.info(s.name() + ": " + f.caption(false));
            }
            displayPanel.showRange(frames.show(f));
            overlayPanel.showColors(f.pictureA().overlayColors());
        });
        plots.follow(plotContext(), false);
    }

    private PlotContext plotContext() {
        return new PlotContext(inspection.get(), stages.a(), stages.b(),
                navigation.integrationProperty().get(), navigation.groupProperty().get(), crosshair.get());
    }

    // ---------------------------------------------------------------- errors and closing

    private void showError(String message) {
        status.error(message);
    }

    /** The plots area (tests). */
    PlotsPane plots() {
        return plots;
    }

    /** The frames on screen, or null (tests). */
    FrameAnswer shownFrames() {
        return frames.shown();
    }

    /** The crosshair pixel, or null (tests). */
    PixelPosition crosshair() {
        return crosshair.get();
    }

    /** The header viewer last opened, or null (tests). */
    HeaderWindow headerWindow() {
        return headers;
    }

    /** True while blink shows stage B (tests). */
    boolean blinkShowsB() {
        return frames.blinkShowsB();
    }

    /** The state shown, or null (tests). */
    Inspection inspection() {
        return inspection.get();
    }

    /** The SAMP state shown in the status bar (tests). */
    String sampText() {
        return status.sampText();
    }

    /** The status line's text (tests). */
    public String statusText() {
        return status.messageText();
    }

    private void close() {
        WindowPlacement.remember(stage, settings);
        Inspection s = inspection.get();
        jobs.shutdown();
        SampLink link = samp;
        if (link != null) {
            // leaving the hub is a network call: not on the FX thread
            Thread t = new Thread(link::close, "tso-samp-close");
            t.setDaemon(true);
            t.start();
        }
        if (s != null) {
            Thread t = new Thread(() -> {
                try {
                    s.close();
                } catch (Exception e) {
                    LOG.warn("closing {}: {}", s.name(), e.getMessage());
                }
            }, "tso-close");
            t.setDaemon(true);
            t.start();
        }
    }
}
