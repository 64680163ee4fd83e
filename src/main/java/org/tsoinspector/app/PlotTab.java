package org.tsoinspector.app;

import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import org.tsoinspector.inspect.PlotRequest;

/**
 * One kind of plot in the plots area: its title, its own controls, and the request it makes of the
 * window's inspection. The controls are read on the FX thread; the plot is computed in the background.
 */
abstract class PlotTab {

    private final String title;
    private final boolean wholeSegment;
    /** Wraps rather than cutting controls short when the window is narrow. */
    private final FlowPane controls = new FlowPane(6, 4);

    /**
     * @param wholeSegment true for plots over the whole segment: they run only when asked (button),
     *                     with progress; the others follow the window at once
     */
    PlotTab(String title, boolean wholeSegment) {
        this.title = title;
        this.wholeSegment = wholeSegment;
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    final String title() {
        return title;
    }

    final boolean wholeSegment() {
        return wholeSegment;
    }

    /** Controls shown above the plot. */
    final FlowPane controls() {
        return controls;
    }

    /** Adds the tab's controls, in order. */
    final void addControls(Node... nodes) {
        controls.getChildren().addAll(nodes);
    }

    /**
     * True when the plot follows the window at once (quick plots); a whole-segment plot waits for
     * Compute, unless what Compute made lets it follow (the rate tab once the rates exist).
     */
    boolean followsNow(PlotContext context) {
        return !wholeSegment;
    }

    /** Reads the controls (FX thread) and says what to plot, or throws a one-sentence reason. */
    abstract PlotRequest request(PlotContext context) throws IllegalArgumentException;

    /** A new exposure is shown: defaults that depend on it (group numbers, indices) start again. */
    void reset(PlotContext context) {
    }
}
