package org.tsoinspector.app;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.tsoinspector.inspect.FileHeaders;

/**
 * File > FITS headers (DS9's File > Header): any HDU of the open segments or of a reference file in
 * use, its cards as written, filtered as the user types. Files are read on the window's job runner.
 */
final class HeaderWindow {

    private final Stage stage = new Stage();
    private final ComboBox<Path> file = new ComboBox<>();
    private final ComboBox<FileHeaders.HduHeader> hdu = new ComboBox<>();
    private final TextField search = new TextField();
    private final ListView<String> cards = new ListView<>();
    private final Label count = new Label();
    private final JobRunner jobs;

    private HeaderWindow(Window owner, List<Path> files, JobRunner jobs) {
        this.jobs = jobs;
        file.setId("header-file");
        hdu.setId("header-hdu");
        search.setId("header-search");
        cards.setId("header-cards");
        count.setId("header-count");
        file.getItems().setAll(files);
        file.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Path p) {
                return p == null ? "" : p.getFileName().toString();
            }

            @Override
            public Path fromString(String s) {
                return null;
            }
        });
        hdu.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(FileHeaders.HduHeader h) {
                return h == null ? "" : h.title();
            }

            @Override
            public FileHeaders.HduHeader fromString(String s) {
                return null;
            }
        });
        search.setPromptText("Search the cards (keyword, value or comment)");
        cards.setStyle("-fx-font-family: monospace;");
        file.valueProperty().addListener((o, a, b) -> read(b));
        hdu.valueProperty().addListener((o, a, b) -> filter());
        search.textProperty().addListener((o, a, b) -> filter());
        HBox top = new HBox(8, new Label("File"), file, new Label("HDU"), hdu);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox find = new HBox(8, new Label("Find"), search, count);
        find.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        BorderPane root = new BorderPane(cards);
        javafx.scene.layout.VBox bars = new javafx.scene.layout.VBox(6, top, find);
        bars.setPadding(new Insets(6));
        root.setTop(bars);
        stage.initOwner(owner);
        stage.setTitle("FITS headers - TSO Inspector");
        stage.getIcons().setAll(Icons.application());
        stage.setScene(new Scene(root, 760, 560));
    }

    /** Opens the viewer on the first of these files. */
    static HeaderWindow show(Window owner, List<Path> files, JobRunner jobs) {
        HeaderWindow w = new HeaderWindow(owner, files, jobs);
        w.stage.show();
        w.file.setValue(files.get(0));
        return w;
    }

    private void read(Path p) {
        if (p == null) {
            return;
        }
        jobs.submit("headers", m -> FileHeaders.read(p), h -> {
            hdu.getItems().setAll(h.hdus());
            hdu.setValue(h.hdus().get(0));
        });
    }

    private void filter() {
        FileHeaders.HduHeader h = hdu.getValue();
        if (h == null) {
            cards.getItems().clear();
            count.setText("");
            return;
        }
        List<String> shown = h.matching(search.getText());
        cards.getItems().setAll(shown);
        count.setText(shown.size() + " of " + h.cards().size() + " cards");
    }

    Stage stage() {
        return stage;
    }
}
