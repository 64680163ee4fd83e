package org.tsoinspector.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.TransferMode;

/**
 * Files dropped on the window: FITS files open like File &gt; Open, anything else is refused in one
 * sentence (before anything is read).
 */
final class FileDrop {

    private FileDrop() {
    }

    static void install(Node target, Consumer<List<Path>> open, Consumer<String> refuse) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                String refused = refusal(files);
                if (refused == null) {
                    open.accept(files);
                } else {
                    refuse.accept(refused);
                }
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Why files cannot be opened, or null when they all look like FITS files. */
    static String refusal(List<Path> files) {
        for (Path p : files) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".fits") && !name.endsWith(".fits.gz") && !name.endsWith(".fit")) {
                return p.getFileName() + " is not a FITS file (.fits or .fits.gz); drop the exposure's"
                        + " *_uncal.fits segments.";
            }
        }
        return null;
    }
}
