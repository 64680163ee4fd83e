package org.tsoinspector.app;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import org.tsoinspector.analysis.ProfileAxis;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.render.PlotKind;

/**
 * Column or row profile at the shown integration and group, stages A and B overlaid, raw and
 * median-subtracted side by side. Follows the crosshair; the index can also be typed, within the
 * frame's columns (or rows).
 */
final class ProfileTab extends PlotTab {

    private final ComboBox<ProfileAxis> axis = new ComboBox<>();
    private final Spinner<Integer> index = new Spinner<>(0, 2047, 0);
    private PixelPosition pixel;
    private int nx = 2048;
    private int ny = 2048;

    ProfileTab(Runnable changed) {
        super("Profile", false);
        axis.getItems().setAll(ProfileAxis.values());
        axis.setValue(ProfileAxis.COLUMN);
        axis.setId("profile-axis");
        axis.setConverter(LabelConverter.of(ProfileAxis::label));
        index.setId("profile-index");
        index.setEditable(true);
        index.setPrefWidth(90);
        axis.valueProperty().addListener((o, a, b) -> {
            fitIndexRange(); // a row index is not a column index: start from the crosshair's or the middle
            index.getValueFactory().setValue(pixel != null ? along(pixel) : limit() / 2);
            changed.run();
        });
        index.valueProperty().addListener((o, a, b) -> changed.run());
        addControls(new Label("Profile of"), axis, index, new Label("(a click on the frame sets it)"));
    }

    private int limit() {
        return axis.getValue() == ProfileAxis.COLUMN ? nx : ny;
    }

    private int along(PixelPosition p) {
        return axis.getValue() == ProfileAxis.COLUMN ? p.x() : p.y();
    }

    private void fitIndexRange() {
        int v = index.getValue() == null ? 0 : index.getValue();
        index.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, limit() - 1,
                Math.min(v, limit() - 1)));
    }

    @Override
    void reset(PlotContext c) {
        nx = c.inspection().metadata().nx();
        ny = c.inspection().metadata().ny();
        pixel = null;
        fitIndexRange();
        index.getValueFactory().setValue(limit() / 2);
    }

    /** Follows a click on the frame: the clicked column (or row). */
    void follow(PixelPosition p) {
        if (p != null) {
            pixel = p;
            index.getValueFactory().setValue(along(p));
        }
    }

    @Override
    PlotRequest request(PlotContext c) {
        return PlotRequest.of(PlotKind.PROFILE).withStages(c.stageA(), c.stageB())
                .withIntegration(c.integration() + 1).withGroup(c.group() + 1)
                .withProfile(axis.getValue(), index.getValue());
    }
}
