package org.tsoinspector.app;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.tsoinspector.inspect.WindowBounds;

/** Puts the window where it was, brought onto the screen it opens on ({@link WindowBounds}), and remembers it. */
final class WindowPlacement {

    private WindowPlacement() {
    }

    /** The bounds to open with: the remembered ones fitted into their screen, or a first start's. */
    static WindowBounds restore(AppSettings settings) {
        WindowBounds saved = settings.windowBounds();
        Rectangle2D screen = (Double.isNaN(saved.x()) ? List.of(Screen.getPrimary())
                : Screen.getScreensForRectangle(saved.x(), saved.y(), saved.width(), saved.height())).stream()
                .findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        return saved.fitInto(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
    }

    static void apply(Stage stage, WindowBounds b, AppSettings settings) {
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setMaximized(settings.maximized());
    }

    static void remember(Stage stage, AppSettings settings) {
        settings.setMaximized(stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.setWindowBounds(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        }
        settings.flush();
    }
}
