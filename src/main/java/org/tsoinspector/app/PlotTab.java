package org.tsoinspector.app;

import javafx.scene.Node;

/**
 * One kind of plot in the plots area: its title, its own controls, and how it is computed from the
 * window's context. Computing runs on a background thread; the controls are read on the FX thread first.
 */
abstract class PlotTab {

    private final String title;
    private final boolean wholeSegment;

    /**
     * @param wholeSegment true for plots over the whole segment: they run only when asked (button),
     *                     with progress; the others follow the window at once
     */
    PlotTab(String title, boolean wholeSegment) {
        this.title = title;
        this.wholeSegment = wholeSegment;
    }

    final String title() {
        return title;
    }

    final boolean wholeSegment() {
        return wholeSegment;
    }

    /** Controls shown above the plot. */
    abstract Node controls();

    /** Reads the controls (FX thread) and returns the job that computes the plot. */
    abstract BackgroundJob<PlotResult> job(PlotContext context);
}
