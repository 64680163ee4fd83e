package org.tsoinspector.app;

import org.tsoinspector.inspect.Words;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.inspect.PlotResult;
import org.tsoinspector.samp.SampLink;

/**
 * The plots area under the frame: profile, ramp, ratio, DQ summary and light curve tabs. Quick plots
 * follow the window at once; whole-segment plots run when asked, with progress and cancel. Every plot
 * exports to PNG at a chosen size (button or context menu) and its numbers to CSV.
 */
final class PlotsPane extends BorderPane {

    private final JobRunner jobs;
    private final AppSettings settings;
    private final StatusBar status;
    private final FileDialogs fileDialogs;
    private final TabPane tabs = new TabPane();
    private final ProfileTab profile;
    private final RampTab ramp;
    private final RatioTab ratio = new RatioTab();
    private final List<PlotTab> all = new ArrayList<>();
    private final Map<PlotTab, BorderPane> bodies = new HashMap<>();
    private final Map<PlotTab, PlotResult> results = new HashMap<>();
    private final Map<PlotTab, Button> pngButtons = new HashMap<>();
    private final Supplier<SampLink> samp;
    private PlotContext context;

    /** @param samp the window's SAMP link, or null while there is none */
    PlotsPane(JobRunner jobs, AppSettings settings, StatusBar status, FileDialogs fileDialogs,
            Supplier<SampLink> samp) {
        this.jobs = jobs;
        this.samp = samp;
        this.settings = settings;
        this.status = status;
        this.fileDialogs = fileDialogs;
        profile = new ProfileTab(this::refreshQuick);
        ramp = new RampTab(this::refreshQuick);
        all.addAll(List.of(profile, ramp, ratio, new DqTab(), new LightCurveTab(), new RateTab(this::refreshQuick)));
        for (PlotTab t : all) {
            tabs.getTabs().add(tab(t));
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("plot-tabs");
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> refreshQuick());
        setCenter(tabs);
        setMinHeight(120);
    }

    private Tab tab(PlotTab t) {
        String id = t.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        Button png = new Button("PNG...");
        png.setId("png-" + id);
        png.setGraphic(Icons.toolbar("export"));
        png.setOnAction(e -> exportPng(t));
        png.setDisable(true);
        pngButtons.put(t, png);
        Button csv = new Button("CSV...");
        csv.setId("csv-" + id);
        csv.setOnAction(e -> exportData(t, ExportFormat.CSV));
        csv.disableProperty().bind(png.disableProperty());
        HBox.setHgrow(t.controls(), Priority.ALWAYS);
        HBox bar = new HBox(8, t.controls());
        if (t.wholeSegment()) {
            Button compute = new Button("Compute");
            compute.setTooltip(new javafx.scene.control.Tooltip("Compute over every integration of the exposure"));
            compute.setId("compute-" + id);
            compute.setOnAction(e -> compute(t));
            bar.getChildren().add(compute);
        }
        bar.getChildren().addAll(png, csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        BorderPane body = new BorderPane();
        body.setTop(bar);
        body.setCenter(placeholder(t));
        bodies.put(t, body);
        Tab tab = new Tab(t.title(), body);
        tab.setId("tab-" + id);
        return tab;
    }

    /**
     * The window's state changed: quick plots follow, whole-segment plots are marked out of date. A new
     * exposure clears every plot of the old one and starts the tabs' defaults again.
     */
    void follow(PlotContext c, boolean pixelChanged) {
        boolean newExposure = context == null || !c.inspection().sameExposure(context.inspection());
        boolean sameData = !newExposure && c.inspection() == context.inspection()
                && c.stageA().equals(context.stageA()) && c.stageB().equals(context.stageB());
        if (newExposure) {
            for (PlotTab t : all) {
                jobs.cancel(slot(t));
                results.remove(t);
                pngButtons.get(t).setDisable(true);
                bodies.get(t).setCenter(placeholder(t));
                t.reset(c);
            }
        } else if (!sameData) {
            for (PlotTab t : all) {
                if (!t.followsNow(c) && results.containsKey(t)) {
                    status.info(t.title() + " shows the previous stages or steps; press Compute to update it.");
                }
            }
        }
        if (pixelChanged) {
            profile.follow(c.pixel());
        }
        context = c;
        refreshQuick();
    }

    private static Label placeholder(PlotTab t) {
        return new Label(t.wholeSegment() ? "Press Compute: this plot reads every integration." : "Open an exposure.");
    }

    private static String slot(PlotTab t) {
        return t.wholeSegment() ? "plot-" + t.title() : "plot";
    }

    /** The tab's request, or null after telling the user why there is none. */
    private PlotRequest requestOf(PlotTab t) {
        try {
            return t.request(context);
        } catch (IllegalArgumentException e) {
            status.error(t.title() + ": " + e.getMessage() + ".");
            return null;
        }
    }

    private PlotTab selected() {
        return all.get(Math.max(0, tabs.getSelectionModel().getSelectedIndex()));
    }

    private void refreshQuick() {
        PlotTab t = selected();
        if (context == null || !t.followsNow(context) || (t == ramp && context.pixel() == null)) {
            if (t == ramp && context != null && context.pixel() == null) {
                bodies.get(t).setCenter(new Label("Click a pixel on the frame to see its ramp."));
            }
            return;
        }
        PlotRequest request = requestOf(t);
        if (request != null) {
            Inspection inspection = context.inspection();
            jobs.submit(slot(t), m -> inspection.plot(request, m), r -> show(t, r), this::showFailure);
        }
    }

    private void compute(PlotTab t) {
        if (context == null) {
            status.error("Open an exposure first.");
            return;
        }
        tabs.getSelectionModel().select(all.indexOf(t));
        PlotRequest request = requestOf(t);
        if (request == null) {
            return;
        }
        Inspection inspection = context.inspection();
        jobs.submit(slot(t), m -> inspection.plot(request, m), r -> {
            show(t, r);
            // a tab that now follows the window (Rate) would soon show another integration than the caption
            status.info(t.title() + " computed over " + Words.count(inspection.integrationCount(), "integration")
                    + (context != null && t.followsNow(context) ? "; it now follows the shown integration."
                            : ": " + r.captionText()));
        }, this::showFailure);
    }

    private void showFailure(String message) {
        status.error(message);
    }

    private void show(PlotTab t, PlotResult r) {
        results.put(t, r);
        pngButtons.get(t).setDisable(false);
        List<JFreeChart> panels = r.panels();
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        int cols = Math.max(1, r.columns());
        for (int i = 0; i < panels.size(); i++) {
            ChartViewer viewer = new ChartViewer(panels.get(i), true);
            viewer.setPrefSize(400, 240);
            viewer.setMinSize(100, 80);
            MenuItem png = new MenuItem("Export plot as PNG...");
            png.setOnAction(e -> exportPng(t));
            MenuItem csv = new MenuItem("Export data as CSV...");
            csv.setOnAction(e -> exportData(t, ExportFormat.CSV));
            MenuItem vot = new MenuItem("Export data as VOTable...");
            vot.setOnAction(e -> exportData(t, ExportFormat.VOTABLE));
            viewer.getContextMenu().getItems().addAll(new SeparatorMenuItem(), png, csv, vot,
                    SendToMenu.of("Send data to", "send-plot-data", samp, SampLink.TABLE_LOAD_VOTABLE,
                            id -> sendTable(t, r, id)));
            GridPane.setHgrow(viewer, Priority.ALWAYS);
            GridPane.setVgrow(viewer, Priority.ALWAYS);
            grid.add(viewer, i % cols, i / cols);
        }
        bodies.get(t).setCenter(grid);
    }

    /** The current result of a tab (tests). */
    PlotResult result(String title) {
        for (PlotTab t : all) {
            if (t.title().equals(title)) {
                return results.get(t);
            }
        }
        return null;
    }

    void select(String title) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).title().equals(title)) {
                tabs.getSelectionModel().select(i);
            }
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void exportPng(PlotTab t) {
        PlotResult r = results.get(t);
        if (r != null) {
            exportPng(fileStem(t), m -> r);
        }
    }

    private void exportData(PlotTab t, ExportFormat format) {
        PlotResult r = results.get(t);
        if (r != null) {
            exportData(fileStem(t), m -> r, format);
        }
    }

    /** The shown plot tab's result, or null with a word to the user when it has none yet. */
    private PlotResult shownResult() {
        PlotResult r = results.get(selected());
        if (r == null) {
            status.error(selected().title() + " shows no plot yet" + (selected().wholeSegment()
                    ? ": press Compute." : "."));
        }
        return r;
    }

    /** File > Export plot data as ...: the shown plot tab's numbers. */
    void exportShown(ExportFormat format) {
        if (shownResult() != null) {
            exportData(selected(), format);
        }
    }

    /** File > Send plot data to: the shown plot tab's numbers as a VOTable. */
    void sendShown(String recipientId) {
        PlotResult r = shownResult();
        if (r != null) {
            sendTable(selected(), r, recipientId);
        }
    }

    /** What a send does with the link, off the UI thread (it writes the file first); how many clients it reached. */
    @FunctionalInterface
    interface SampSend {
        int send(SampLink link, org.tsoinspector.model.ProgressMonitor monitor) throws Exception;
    }

    /** Sends over SAMP in the background; the status line then says what went to how many clients. */
    void send(String what, SampSend sending) {
        SampLink link = samp.get();
        if (link == null || !link.isConnected()) {
            status.error("Not connected to a SAMP hub: start DS9, TOPCAT or another hub, then File > Connect to"
                    + " SAMP hub.");
            return;
        }
        jobs.submit("samp send " + what, m -> sending.send(link, m),
                n -> status.info("Sent the " + what + " over SAMP to " + n + (n == 1 ? " client." : " clients.")));
    }

    private void sendTable(PlotTab t, PlotResult r, String recipientId) {
        send(t.title().toLowerCase(java.util.Locale.ROOT) + " data", (link, m) -> link.sendTable(r, recipientId));
    }

    private static String fileStem(PlotTab t) {
        return t.title().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    /**
     * Asks for a size and a file, then makes the plot and writes it as PNG in the background (the
     * file appears only when complete).
     */
    void exportPng(String stem, BackgroundJob<PlotResult> make) {
        exportPng(stem, make, null);
    }

    /** As {@link #exportPng(String, BackgroundJob)}, the size dialog starting at {@code suggested} (w, h) when given. */
    void exportPng(String stem, BackgroundJob<PlotResult> make, int[] suggested) {
        Optional<int[]> size = askSize(suggested);
        if (size.isEmpty()) {
            return;
        }
        Path target = chooseTarget(stem + ".png", "PNG image", "*.png");
        if (target == null) {
            return;
        }
        int w = size.get()[0];
        int h = size.get()[1];
        settings.putDouble("png.width", w);
        settings.putDouble("png.height", h);
        settings.setLastFolder(target.getParent());
        // a slot per target: a PNG export and a CSV export (or two PNGs) do not cancel each other
        jobs.submit("export " + target, m -> {
            make.run(m).writePng(target, w, h);
            return target;
        }, p -> status.info("Wrote " + p + " (" + w + " x " + h + ")."));
    }

    /** Asks for a file, then writes the numbers behind the plot (or the image) in that format in the background. */
    void exportData(String stem, BackgroundJob<PlotResult> make, ExportFormat format) {
        Path target = chooseTarget(stem + "." + format.extension(), format.description(), "*." + format.extension());
        if (target == null) {
            return;
        }
        settings.setLastFolder(target.getParent());
        jobs.submit("export " + target, m -> format.write(make.run(m), target),
                what -> status.info("Wrote " + target + " (" + what + ")."));
    }

    private Path chooseTarget(String name, String description, String pattern) {
        return fileDialogs.chooseToSave(window(), settings.lastFolder(), name,
                new FileChooser.ExtensionFilter(description, pattern));
    }

    /** Width and height of the PNG, remembered between exports. */
    private Optional<int[]> askSize(int[] suggested) {
        Dialog<int[]> d = new Dialog<>();
        d.setTitle("PNG size");
        d.initOwner(window());
        int initialW = suggested != null ? suggested[0] : (int) settings.getDouble("png.width", 1600);
        int initialH = suggested != null ? suggested[1] : (int) settings.getDouble("png.height", 900);
        Spinner<Integer> w = new Spinner<>(100, 10000, initialW, 100);
        Spinner<Integer> h = new Spinner<>(100, 10000, initialH, 100);
        w.setId("png-width");
        h.setId("png-height");
        w.setEditable(true);
        h.setEditable(true);
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.addRow(0, new Label("Width (px)"), w);
        g.addRow(1, new Label("Height (px)"), h);
        d.getDialogPane().setId("png-size-dialog");
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? new int[] {w.getValue(), h.getValue()} : null);
        return d.showAndWait();
    }
}
