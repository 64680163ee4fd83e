package org.tsoinspector.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for files to open or a file to write: the system's file chooser in the
 * application, a stand-in in tests (a native chooser cannot be driven headless).
 */
interface FileDialogs {

    /**
     * Files chosen to open (several when {@code several}), or an empty list when cancelled.
     *
     * @param folder where the chooser starts, or null for its default
     */
    List<Path> chooseToOpen(Window owner, String title, Path folder, boolean several,
            List<FileChooser.ExtensionFilter> filters);

    /** The file chosen to write, or null when cancelled. */
    Path chooseToSave(Window owner, Path folder, String name, FileChooser.ExtensionFilter filter);

    /** The platform's file choosers. */
    FileDialogs SYSTEM = new FileDialogs() {
        @Override
        public List<Path> chooseToOpen(Window owner, String title, Path folder, boolean several,
                List<FileChooser.ExtensionFilter> filters) {
            FileChooser chooser = chooser(folder, filters);
            chooser.setTitle(title);
            List<File> files = several ? chooser.showOpenMultipleDialog(owner)
                    : single(chooser.showOpenDialog(owner));
            return files == null ? List.of() : files.stream().map(File::toPath).toList();
        }

        @Override
        public Path chooseToSave(Window owner, Path folder, String name, FileChooser.ExtensionFilter filter) {
            FileChooser chooser = chooser(folder, List.of(filter));
            chooser.setInitialFileName(name);
            File f = chooser.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        }

        private static List<File> single(File f) {
            return f == null ? null : List.of(f);
        }

        private static FileChooser chooser(Path folder, List<FileChooser.ExtensionFilter> filters) {
            FileChooser chooser = new FileChooser();
            if (folder != null) {
                chooser.setInitialDirectory(folder.toFile());
            }
            chooser.getExtensionFilters().addAll(filters);
            return chooser;
        }
    };
}
