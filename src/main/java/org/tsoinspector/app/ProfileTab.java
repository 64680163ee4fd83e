package org.tsoinspector.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import org.tsoinspector.analysis.Profile;
import org.tsoinspector.analysis.ProfileAxis;
import org.tsoinspector.analysis.Staged;
import org.tsoinspector.render.Caption;
import org.tsoinspector.render.PlotTables;
import org.tsoinspector.render.ProfileCharts;

/**
 * Column or row profile at the shown integration and group, stages A and B overlaid, raw and
 * median-subtracted side by side. Follows the crosshair; the index can also be typed.
 */
final class ProfileTab extends PlotTab {

    private final ComboBox<ProfileAxis> axis = new ComboBox<>();
    private final Spinner<Integer> index = new Spinner<>(0, 2047, 1500);
    private final HBox box;

    ProfileTab(Runnable changed) {
        super("Profile", false);
        axis.getItems().setAll(ProfileAxis.values());
        axis.setValue(ProfileAxis.COLUMN);
        axis.setId("profile-axis");
        axis.setConverter(LabelConverter.of(ProfileAxis::label));
        index.setId("profile-index");
        index.setEditable(true);
        index.setPrefWidth(90);
        axis.valueProperty().addListener((o, a, b) -> changed.run());
        index.valueProperty().addListener((o, a, b) -> changed.run());
        box = new HBox(6, new Label("Profile of"), axis, index, new Label("(a click on the frame sets it)"));
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    Node controls() {
        return box;
    }

    /** Follows a click on the frame: the clicked column (or row). */
    void follow(PixelPosition p) {
        if (p != null) {
            index.getValueFactory().setValue(axis.getValue() == ProfileAxis.COLUMN ? p.x() : p.y());
        }
    }

    @Override
    BackgroundJob<PlotResult> job(PlotContext c) {
        ProfileAxis ax = axis.getValue();
        int requested = index.getValue();
        return m -> {
            List<Staged<Profile>> profiles = new ArrayList<>();
            int nx = c.session().metadata().nx();
            int ny = c.session().metadata().ny();
            int limit = ax == ProfileAxis.COLUMN ? nx : ny;
            int i = Math.max(0, Math.min(limit - 1, requested));
            for (RampStage s : c.stages()) {
                StageFrame f = c.session().frame(s, c.integration(), c.group(), m);
                profiles.add(new Staged<>(s.label(), Profile.of(ax, f.values(), ny, nx, i)));
            }
            String stages = String.join(" vs ", profiles.stream().map(Staged::stage).toList());
            return new PlotResult(ProfileCharts.comparison(profiles),
                    new Caption(c.session().name(), c.integration() + 1, c.group() + 1,
                            ax.label() + " " + i + ", " + stages),
                    PlotTables.profiles(profiles));
        };
    }
}
