package org.tsoinspector.app;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.tsoinspector.inspect.FrameAnswer;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.PixelPosition;
import org.tsoinspector.model.SaturationMark;
import org.tsoinspector.model.StepName;

/**
 * The notebook's {@code groupdq[0, 2:, y, x] = 2} in the window: key M marks the crosshair pixel
 * saturated from the shown group on, in the shown integration; Region... marks a rectangle. A mark is an
 * input of the saturation step, so it is refused while that step does not run.
 */
final class HandMarks {

    private final Window owner;
    private final FrameArea frames;
    private final Supplier<Inspection> inspection;
    private final StatusBar status;
    private final Consumer<SaturationMark> add;

    /** @param add adds a mark to the configuration the window applies */
    HandMarks(Window owner, FrameArea frames, Supplier<Inspection> inspection, StatusBar status,
            Consumer<SaturationMark> add) {
        this.owner = owner;
        this.frames = frames;
        this.inspection = inspection;
        this.status = status;
        this.add = add;
    }

    void markCrosshair() {
        PixelPosition p = frames.crosshair().get();
        FrameAnswer f = frames.shown();
        if (p == null || f == null) {
            status.error("Click a pixel first, then mark it saturated (M).");
            return;
        }
        mark(new SaturationMark(f.a().integration(), p.x(), p.y(), p.x(), p.y(), f.a().group()));
    }

    void markRegion() {
        FrameAnswer f = frames.shown();
        if (f == null) {
            status.error("Open an exposure first.");
            return;
        }
        PixelPosition c = frames.crosshair().get() == null ? new PixelPosition(0, 0) : frames.crosshair().get();
        SaturationRegionDialog.ask(owner, f.a(), c).ifPresent(this::mark);
    }

    private void mark(SaturationMark mark) {
        Inspection s = inspection.get();
        if (s != null && !s.activeSteps().contains(StepName.SATURATION)) {
            status.error("Marks are made by the saturation step, which is "
                    + s.stepState(StepName.SATURATION).status() + " here: switch it on first.");
            return;
        }
        status.info("Marked " + mark.describe() + " saturated; later steps treat it as saturated.");
        add.accept(mark);
    }
}
