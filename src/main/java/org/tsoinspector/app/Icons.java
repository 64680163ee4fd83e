package org.tsoinspector.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/** The tool's own icons (icons/*.png at 1x and @2x, drawn from icons/*.svg). */
final class Icons {

    private Icons() {
    }

    /** A 16x16 toolbar glyph; on a HiDPI screen JavaFX picks the @2x file by itself. */
    static ImageView toolbar(String name) {
        ImageView v = new ImageView();
        v.setFitWidth(18);
        v.setFitHeight(18);
        v.setPreserveRatio(true);
        v.setSmooth(true);
        var url = Icons.class.getResource("/icons/" + name + ".png");
        if (url != null) {
            v.setImage(new Image(url.toExternalForm()));
        }
        return v;
    }

    /** The application icon in every size that was drawn, for the window and task bar. */
    static List<Image> application() {
        List<Image> images = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            InputStream in = Icons.class.getResourceAsStream("/icons/app-" + size + ".png");
            if (in != null) {
                images.add(new Image(in));
            }
        }
        return images;
    }
}
