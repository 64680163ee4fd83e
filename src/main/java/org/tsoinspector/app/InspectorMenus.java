package org.tsoinspector.app;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.tsoinspector.inspect.BuiltInSamples;
import org.tsoinspector.inspect.CompareMode;
import org.tsoinspector.samp.SampLink;

/**
 * The window's menu bar, toolbar and frame context menu. Every item calls one of the window's
 * {@link InspectorActions}; only the Help dialogs and the recent-files list live here.
 */
final class InspectorMenus {

    private final Window owner;
    private final AppSettings settings;
    private final InspectorActions actions;
    private final Menu recentMenu = new Menu("Open _Recent");

    InspectorMenus(Window owner, AppSettings settings, InspectorActions actions) {
        this.owner = owner;
        this.settings = settings;
        this.actions = actions;
    }

    MenuBar menuBar() {
        MenuItem open = new MenuItem("_Open...");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> actions.chooseAndOpen());
        MenuItem quit = new MenuItem("_Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> actions.quit());
        Menu samples = new Menu("Open _Sample");
        for (String name : BuiltInSamples.names()) {
            MenuItem item = new MenuItem(name);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> actions.openSample(name));
            samples.getItems().add(item);
        }
        MenuItem exportPng = new MenuItem("_Export frame as PNG...");
        exportPng.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        exportPng.setOnAction(e -> actions.exportFramePng());
        Menu exportFrame = new Menu("Export frame _as", null,
                exportItem("FITS image...", () -> actions.exportFrame(ExportFormat.FITS)),
                exportItem("VOTable (row, column, value)...", () -> actions.exportFrame(ExportFormat.VOTABLE)),
                exportItem("CSV (row, column, value)...", () -> actions.exportFrame(ExportFormat.CSV)));
        Menu exportPlot = new Menu("Export _plot data as", null,
                exportItem("VOTable...", () -> actions.exportPlot(ExportFormat.VOTABLE)),
                exportItem("CSV...", () -> actions.exportPlot(ExportFormat.CSV)));
        MenuItem headers = new MenuItem("FITS _headers...");
        headers.setId("file-headers");
        headers.setAccelerator(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN));
        headers.setOnAction(e -> actions.showHeaders());
        MenuItem connect = new MenuItem("Co_nnect to SAMP hub");
        connect.setId("samp-connect");
        connect.setOnAction(e -> actions.connectSamp(true));
        MenuItem disconnect = new MenuItem("_Disconnect from SAMP hub");
        disconnect.setId("samp-disconnect");
        disconnect.setOnAction(e -> actions.connectSamp(false));
        Menu file = new Menu("_File", null, open, recentMenu, samples, headers, new SeparatorMenuItem(), exportPng,
                exportFrame, exportPlot, new SeparatorMenuItem(), sendFrameMenu("send-frame-file"),
                SendToMenu.of("Send p_lot data to", "send-plot-file", actions::samp, SampLink.TABLE_LOAD_VOTABLE,
                        actions::sendPlot), connect, disconnect, new SeparatorMenuItem(), quit);
        file.setOnShowing(e -> {
            boolean connected = actions.samp() != null && actions.samp().isConnected();
            connect.setDisable(connected);
            disconnect.setDisable(!connected);
        });
        refreshRecent();

        MenuItem fit = new MenuItem("_Fit to window   F");
        fit.setOnAction(e -> actions.fitViews());
        MenuItem one = new MenuItem("Zoom _1:1   1");
        one.setOnAction(e -> actions.actualSize());
        MenuItem zin = new MenuItem("Zoom _in   +");
        zin.setOnAction(e -> actions.zoomStep(true));
        MenuItem zout = new MenuItem("Zoom _out   -");
        zout.setOnAction(e -> actions.zoomStep(false));
        CheckMenuItem origin = new CheckMenuItem("Origin at lower left (DS9)");
        origin.setId("origin-bottom");
        origin.setSelected(actions.originAtBottom());
        origin.setOnAction(e -> actions.setOriginAtBottom(origin.isSelected()));
        CheckMenuItem magnifier = new CheckMenuItem("_Magnifier (x" + FrameView.MAGNIFICATION + " about the cursor)");
        magnifier.setId("magnifier");
        magnifier.setSelected(actions.magnifier());
        magnifier.setOnAction(e -> actions.setMagnifier(magnifier.isSelected()));
        MenuItem goTo = new MenuItem("_Go to pixel...");
        goTo.setId("go-to-pixel");
        goTo.setAccelerator(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN));
        goTo.setOnAction(e -> actions.goToPixel());
        Menu view = new Menu("_View", null, fit, one, zin, zout, new SeparatorMenuItem(), goTo, origin, magnifier);

        MenuItem keys = new MenuItem("_Keyboard shortcuts");
        keys.setId("help-shortcuts");
        keys.setOnAction(e -> showShortcuts());
        MenuItem about = new MenuItem("_About");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("_Help", null, keys, about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    ToolBar toolBar() {
        return new ToolBar(
                toolButton("open", "Open segments (Ctrl+O)", actions::chooseAndOpen),
                new Separator(),
                toolButton("fit", "Fit to window (F)", actions::fitViews),
                toolButton("zoom-in", "Zoom in (+)", () -> actions.zoomStep(true)),
                toolButton("zoom-out", "Zoom out (-)", () -> actions.zoomStep(false)),
                new Separator(),
                toolButton("side-by-side", "Side by side, locked (S)", () -> actions.setMode(CompareMode.SIDE_BY_SIDE)),
                toolButton("blink", "Blink A and B (B)", actions::blink),
                toolButton("difference", "Difference A - B (D)", () -> actions.setMode(CompareMode.DIFFERENCE)),
                new Separator(),
                toolButton("export", "Export the frame as PNG (Ctrl+E)", actions::exportFramePng));
    }

    private static MenuItem exportItem(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    private Menu sendFrameMenu(String id) {
        return SendToMenu.of("_Send frame to", id, actions::samp, SampLink.IMAGE_LOAD_FITS, actions::sendFrame);
    }

    /** The right-click menu of the frame views. */
    ContextMenu frameMenu() {
        MenuItem png = new MenuItem("Export frame as PNG...");
        png.setOnAction(e -> actions.exportFramePng());
        MenuItem fits = new MenuItem("Export frame as FITS...");
        fits.setOnAction(e -> actions.exportFrame(ExportFormat.FITS));
        MenuItem csv = new MenuItem("Export frame data as CSV...");
        csv.setOnAction(e -> actions.exportFrame(ExportFormat.CSV));
        MenuItem fit = new MenuItem("Fit to window");
        fit.setOnAction(e -> actions.fitViews());
        MenuItem one = new MenuItem("Zoom 1:1");
        one.setOnAction(e -> actions.actualSize());
        MenuItem mark = new MenuItem("Mark crosshair pixel saturated from this group");
        mark.setOnAction(e -> actions.markCrosshair());
        return new ContextMenu(png, fits, csv, sendFrameMenu("send-frame-context"), new SeparatorMenuItem(), fit, one,
                new SeparatorMenuItem(), mark);
    }

    /** Rebuilds File > Open Recent from the remembered exposures. */
    void refreshRecent() {
        recentMenu.getItems().clear();
        for (List<Path> files : settings.recentFiles()) {
            MenuItem item = new MenuItem(files.size() == 1 ? files.get(0).toString()
                    : files.get(0) + " (+" + (files.size() - 1) + " segments)");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> actions.open(files));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private Button toolButton(String icon, String tip, Runnable action) {
        Button b = new Button();
        b.setId("tool-" + icon);
        b.setGraphic(Icons.toolbar(icon));
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void showShortcuts() {
        TableView<Shortcuts.Entry> table = new TableView<>();
        TableColumn<Shortcuts.Entry, String> keys = new TableColumn<>("Keys");
        // a record has no JavaBean getters, so PropertyValueFactory would leave the table empty
        keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keys()));
        keys.setPrefWidth(190);
        TableColumn<Shortcuts.Entry, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        action.setPrefWidth(420);
        table.getColumns().add(keys);
        table.getColumns().add(action);
        table.getItems().setAll(Shortcuts.ALL);
        table.setId("shortcuts-table");
        table.setPrefSize(630, 470);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard and mouse (DS9 habits)");
        a.getDialogPane().setContent(table);
        a.initOwner(owner);
        a.show();
    }

    private void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION,
                "TSO Inspector: the first JWST detector calibration steps on time-series ramps, "
                        + "step by step, with every frame and flag visible.");
        a.setHeaderText("TSO Inspector");
        a.initOwner(owner);
        a.show();
    }
}
