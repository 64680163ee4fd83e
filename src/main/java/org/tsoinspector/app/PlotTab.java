package org.tsoinspector.app;

import javafx.scene.Node;
import org.tsoinspector.model.ProgressMonitor;

/**
 * One kind of plot in the plots area: its own controls and how it is computed from the window's
 * context. Computing runs on a background thread; the controls are read on the FX thread first.
 */
interface PlotTab {

    String title();

    /** Controls shown above the plot (may be an empty box). */
    Node controls();

    /**
     * True for plots over the whole segment: they run only when asked (button), with progress;
     * the others follow the window at once.
     */
    boolean wholeSegment();

    /** Reads the controls (FX thread) and returns the job that computes the plot. */
    BackgroundJob<PlotResult> job(PlotContext context);

    /** Convenience for jobs: fraction-done messages per integration. */
    static void step(ProgressMonitor m, int done, int total, String what) throws Exception {
        m.checkCancelled();
        m.progress(done, total, what + " " + done + " / " + total);
    }
}
