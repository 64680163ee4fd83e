package org.tsoinspector.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.render.DisplayRange;
import org.tsoinspector.inspect.BuiltInSamples;
import org.tsoinspector.inspect.CompareMode;
import org.tsoinspector.inspect.FrameAnswer;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.ReferenceImage;
import org.tsoinspector.inspect.WindowBounds;
import org.tsoinspector.inspect.DisplaySettings;
import org.tsoinspector.inspect.FrameRequest;
import org.tsoinspector.inspect.OverlayKind;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.inspect.PlotResult;
import org.tsoinspector.inspect.StageFrame;
import org.tsoinspector.inspect.StepConfiguration;
import org.tsoinspector.inspect.StepState;
import org.tsoinspector.model.SaturationMark;

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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InspectorWindow.class);

    private final Stage stage;
    private final AppSettings settings;
    private final ExposureOpener opener;
    private final JobRunner jobs;
    private final BorderPane root = new BorderPane();
    private final ViewPort viewPort = new ViewPort();
    private final ObjectProperty<PixelPosition> crosshair = new SimpleObjectProperty<>();
    private final FrameView viewA = new FrameView(viewPort, crosshair);
    private final FrameView viewB = new FrameView(viewPort, crosshair);
    private final BorderPane viewBox = new BorderPane();
    private final NavigationBar navigation = new NavigationBar();
    private final StatusBar status;
    private final StagesPanel stages;
    private final DisplayPanel displayPanel;
    private final OverlayPanel overlayPanel = new OverlayPanel();
    private final ColorbarView colorbar = new ColorbarView();
    /** Stage B's own colour bar: side by side with a scale per stage. */
    private final ColorbarView colorbarB = new ColorbarView();
    private final PlotsPane plots;
    private final StepPanel stepPanel;
    private final FileDialogs fileDialogs;
    private final InspectorMenus menus;
    /** The state shown: replaced as a whole (open, configure), never changed in place. */
    private final ObjectProperty<Inspection> inspection = new SimpleObjectProperty<>();
    private FrameAnswer shown;
    /** The pixels under the mouse, so the read-out follows a new picture without a mouse move. */
    private PixelPosition hoveredA;
    private PixelPosition hoveredB;
    private DisplayRange dragStartRange;
    private boolean blinkShowsB;

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
        this.plots = new PlotsPane(jobs, settings, status, fileDialogs);
        this.stepPanel = new StepPanel(this::configure, this::showReference, this::markCrosshair, this::markRegion,
                fileDialogs);
        this.displayPanel = new DisplayPanel(DisplaySettings.decode(settings.get(DISPLAY_KEY, "")));
        this.menus = new InspectorMenus(stage, settings, this);
        this.stages = new StagesPanel(settings, this::refresh, mode -> {
            blinkShowsB = false;
            arrangeViews();
            refresh();
        });
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
        WindowBounds saved = settings.windowBounds();
        Rectangle2D screen = (Double.isNaN(saved.x()) ? List.of(Screen.getPrimary())
                : Screen.getScreensForRectangle(saved.x(), saved.y(), saved.width(), saved.height())).stream()
                .findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        WindowBounds b = saved.fitInto(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
        Scene scene = new Scene(root, b.width(), b.height());
        installKeys(scene);
        stage.setScene(scene);
        stage.setTitle("TSO Inspector");
        stage.getIcons().setAll(Icons.application());
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setMaximized(settings.maximized());
        // a resize changes what fits: the frame is fitted again (zoom and pan are the user's otherwise)
        stage.widthProperty().addListener((o, a, w) -> Platform.runLater(this::fitViews));
        stage.heightProperty().addListener((o, a, h) -> Platform.runLater(this::fitViews));
        stage.setOnHidden(e -> close());
        stage.show();
        viewA.requestFocus();
    }

    /** Installs the window's keyboard shortcuts on a scene (also used by tests that build their own scene). */
    public void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
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

        viewA.setId("view-a");
        viewB.setId("view-b");
        viewA.setPrefSize(600, 200);
        viewB.setPrefSize(600, 200);
        arrangeViews();
        viewA.showPlaceholder("Open a segment: File > Open, or drop *_uncal.fits files here.");

        BorderPane frameArea = new BorderPane(viewBox);
        colorbarB.setId("colorbar-b");
        showColorbarB(false);
        frameArea.setBottom(new VBox(colorbar, colorbarB, navigation));
        SplitPane centre = new SplitPane(frameArea, plots);
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
        navigation.integrationProperty().addListener((o, a, b) -> refresh());
        navigation.groupProperty().addListener((o, a, b) -> refresh());
        displayPanel.settingsProperty().addListener((o, a, b) -> {
            settings.put(DISPLAY_KEY, b.encode());
            refresh();
        });
        overlayPanel.shownProperty().addListener((o, a, b) -> refresh());
        overlayPanel.chosenFlagsProperty().addListener((o, a, b) -> refresh());
        overlayPanel.setOnOpacityChanged(this::overlayOpacityChanged);
        crosshair.addListener((o, a, b) -> {
            if (inspection.get() != null && b != null) {
                plots.follow(plotContext(), true);
            }
        });
        ContextMenu menu = menus.frameMenu();
        for (FrameView v : List.of(viewA, viewB)) {
            v.setOnMenu((x, y) -> menu.show(v, x, y));
            v.setOnContrastDrag(this::contrastDrag);
        }
        viewA.hoveredProperty().addListener((o, a, b) -> {
            hoveredA = b;
            showReadout();
        });
        viewB.hoveredProperty().addListener((o, a, b) -> {
            hoveredB = b;
            showReadout();
        });
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                openDropped(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case RIGHT -> navigation.stepGroup(1);
            case LEFT -> navigation.stepGroup(-1);
            case UP -> navigation.stepIntegration(1);
            case DOWN -> navigation.stepIntegration(-1);
            case PAGE_UP -> navigation.stepIntegration(10);
            case PAGE_DOWN -> navigation.stepIntegration(-10);
            case HOME -> navigation.stepGroup(-Integer.MAX_VALUE / 2);
            case END -> navigation.lastGroup();
            case B -> blink();
            case D -> setMode(CompareMode.DIFFERENCE);
            case S -> setMode(CompareMode.SIDE_BY_SIDE);
            case F -> fitViews();
            case DIGIT1 -> actualSize();
            case PLUS, EQUALS, ADD -> zoomStep(true);
            case MINUS, SUBTRACT -> zoomStep(false);
            case ESCAPE -> jobs.cancelAll();
            case M -> markCrosshair();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
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
        blinkShowsB = !blinkShowsB;
        paintShown();
    }

    @Override
    public void fitViews() {
        viewA.fitToWindow();
    }

    @Override
    public void actualSize() {
        viewA.actualSize();
    }

    @Override
    public void zoomStep(boolean in) {
        viewA.zoomStep(in);
    }

    @Override
    public void quit() {
        stage.close();
    }

    /**
     * One view, or two for side by side: one above the other for frames much wider than tall (a
     * SOSS strip), else left and right, so each keeps as many screen pixels as possible.
     */
    private void arrangeViews() {
        if (stages.mode() != CompareMode.SIDE_BY_SIDE) {
            viewBox.setCenter(viewA);
        } else {
            boolean wide = viewA.imageWidth() > 2 * viewA.imageHeight();
            Pane pair = wide ? new VBox(4, viewA, viewB) : new HBox(4, viewA, viewB);
            for (FrameView v : List.of(viewA, viewB)) {
                HBox.setHgrow(v, Priority.ALWAYS);
                VBox.setVgrow(v, Priority.ALWAYS);
            }
            viewBox.setCenter(pair);
        }
        Platform.runLater(this::fitViews);
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

    /** Files dropped on the window: FITS files open like File > Open, anything else is refused in one sentence. */
    private void openDropped(List<Path> files) {
        for (Path p : files) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".fits") && !name.endsWith(".fits.gz") && !name.endsWith(".fit")) {
                status.error(p.getFileName() + " is not a FITS file (.fits or .fits.gz); drop the exposure's"
                        + " *_uncal.fits segments.");
                return;
            }
        }
        open(files);
    }

    /** Opens files as one exposure in the background; the current one stays shown until the new one is ready. */
    @Override
    public void open(List<Path> files) {
        status.info("Opening " + describe(files) + " ...");
        StepConfiguration carried = carriedConfiguration();
        jobs.submit(OPEN_SLOT, m -> opener.open(files, carried, m), s -> {
            settings.setLastFolder(files.get(0).toAbsolutePath().getParent());
            settings.addRecent(files);
            menus.refreshRecent();
            showInspection(s);
        });
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
        jobs.submit(OPEN_SLOT, m -> BuiltInSamples.open(name, carried, m), this::showInspection);
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
        shown = null;
        crosshair.set(null);
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
                + s.integrationCount() + " integrations x " + md.nGroups() + " groups, " + md.ny() + " x " + md.nx());
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
        FrameAnswer f = shown;
        if (f == null) {
            return null;
        }
        boolean showsB = blinkShowsB;
        return m -> f.figure(showsB);
    }

    @Override
    public void exportFrame(boolean png) {
        BackgroundJob<PlotResult> make = frameFigure();
        if (make == null) {
            status.error("Open an exposure first.");
        } else if (png) {
            plots.exportPng("frame", make);
        } else {
            plots.exportCsv("frame", make);
        }
    }

    /** Key M: the crosshair pixel becomes saturated from the shown group on, in the shown integration. */
    @Override
    public void markCrosshair() {
        PixelPosition p = crosshair.get();
        FrameAnswer f = shown;
        if (p == null || f == null) {
            status.error("Click a pixel first, then mark it saturated (M).");
            return;
        }
        addMark(new SaturationMark(f.a().integration(), p.x(), p.y(), p.x(), p.y(), f.a().group()));
    }

    /** The Region... button: marks a rectangle of pixels saturated from a chosen group on. */
    private void markRegion() {
        FrameAnswer f = shown;
        if (f == null) {
            status.error("Open an exposure first.");
            return;
        }
        PixelPosition c = crosshair.get() == null ? new PixelPosition(0, 0) : crosshair.get();
        SaturationRegionDialog.ask(stage, f.a(), c).ifPresent(this::addMark);
    }

    private void addMark(SaturationMark mark) {
        Inspection s = inspection.get();
        if (s != null && !s.activeSteps().contains(org.tsoinspector.model.StepName.SATURATION)) {
            // marks are an input of the saturation step: without it they would change nothing
            status.error("Marks are made by the saturation step, which is " + s.stepState(
                    org.tsoinspector.model.StepName.SATURATION).status() + " here: switch it on first.");
            return;
        }
        status.info("Marked " + mark.describe() + " saturated; later steps treat it as saturated.");
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
                image -> ReferenceWindow.show(stage, image, display, s.metadata().window(), jobs));
    }

    // ---------------------------------------------------------------- frames

    /** Recomputes what is visible (latest request wins). */
    private void refresh() {
        Inspection s = inspection.get();
        if (s == null || stages.a() == null || stages.b() == null) {
            return;
        }
        FrameRequest request = new FrameRequest(stages.a(), stages.b(), stages.mode(),
                stages.sharedScale(), navigation.integrationProperty().get(), navigation.groupProperty().get(),
                displayPanel.settingsProperty().get(), overlayPanel.shownProperty().get(),
                overlayPanel.chosenFlagsProperty().get());
        long errorsBefore = status.errorsShown(); // an error shown before this request is one the user moved on from
        jobs.submit(FRAME_SLOT, m -> s.frame(request, m), f -> {
            if (s != inspection.get()) {
                return; // made for a state that has been replaced meanwhile
            }
            shown = f;
            if (!f.notes().isEmpty()) {
                status.info(f.notes() + ".");
            } else if (errorsBefore > 0 && status.showsError(errorsBefore)) {
                status.info(s.name() + ": " + f.caption(false));
            }
            paintShown();
        });
        plots.follow(plotContext(), false);
    }

    private PlotContext plotContext() {
        return new PlotContext(inspection.get(), stages.a(), stages.b(),
                navigation.integrationProperty().get(), navigation.groupProperty().get(), crosshair.get());
    }

    private void paintShown() {
        FrameAnswer f = shown;
        if (f == null) {
            return;
        }
        StageFrame a = f.a();
        FrameAnswer.Picture main = f.mainPicture(blinkShowsB);
        if (f.mode() == CompareMode.SIDE_BY_SIDE) {
            if ((viewA.getParent() instanceof VBox) != (a.nx() > 2 * a.ny())) {
                viewA.setFrame(a.nx(), a.ny(), main.image().argb(), "");
                arrangeViews();
            }
            paint(viewB, f.pictureB(), f.captionB());
        }
        paint(viewA, main, f.caption(blinkShowsB));
        colorbar.show(main.scale(), f.colorbarTitle(blinkShowsB));
        showColorbarB(f.ownScaleForB());
        if (f.ownScaleForB()) {
            colorbarB.show(f.pictureB().scale(), f.colorbarTitleB());
        }
        displayPanel.showRange(main.scale().range());
        showReadout();
    }

    private void showColorbarB(boolean show) {
        colorbarB.setVisible(show);
        colorbarB.setManaged(show);
    }

    private void paint(FrameView view, FrameAnswer.Picture p, String caption) {
        for (OverlayKind k : OverlayKind.values()) {
            view.setOverlay(k.ordinal(), p.overlays().get(k), overlayPanel.opacity(k));
        }
        view.setFrame(p.image().width(), p.image().height(), p.image().argb(), caption);
    }

    /**
     * DS9's right-button drag: left-right moves the display range (bias), up-down widens or narrows
     * it (contrast), starting from the range on screen when the drag began.
     */
    private void contrastDrag(double fx, double fy, boolean start) {
        FrameAnswer f = shown;
        if (f == null) {
            return;
        }
        if (start || dragStartRange == null) {
            dragStartRange = f.pictureA().scale().range();
        }
        double span = dragStartRange.high() - dragStartRange.low();
        double centre = (dragStartRange.low() + dragStartRange.high()) / 2 + fx * span;
        double half = span * Math.exp(2 * fy) / 2;
        displayPanel.set(displayPanel.settingsProperty().get()
                .withManual(new DisplayRange(centre - half, centre + half)));
    }

    private void overlayOpacityChanged() {
        for (OverlayKind k : OverlayKind.values()) {
            viewA.setOverlayOpacity(k.ordinal(), overlayPanel.opacity(k));
            viewB.setOverlayOpacity(k.ordinal(), overlayPanel.opacity(k));
        }
    }

    /** The read-out of the pixel under the mouse, from the picture on screen now (never an older one). */
    private void showReadout() {
        FrameAnswer f = shown;
        boolean fromB = hoveredA == null && hoveredB != null;
        String text = f == null ? null : f.readout(fromB ? hoveredB : hoveredA, fromB, blinkShowsB);
        status.readout(text == null ? "" : text);
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
        return shown;
    }

    /** The crosshair pixel, or null (tests). */
    PixelPosition crosshair() {
        return crosshair.get();
    }

    /** The status line's text (tests). */
    public String statusText() {
        return status.messageText();
    }

    private void close() {
        settings.setMaximized(stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.setWindowBounds(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        }
        settings.flush();
        Inspection s = inspection.get();
        jobs.shutdown();
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
