package org.tsoinspector.app;

import java.nio.file.Path;
import java.util.List;
import org.tsoinspector.inspect.CompareMode;

/** What the window's menus, toolbar and frame context menu ask the window to do. */
interface InspectorActions {

    /** Asks for the segment files of one exposure and opens them. */
    void chooseAndOpen();

    /** Opens files as one exposure. */
    void open(List<Path> files);

    /** Opens a built-in sample by name. */
    void openSample(String name);

    /** Exports the shown frame (or difference) as a PNG picture, asking its size. */
    void exportFramePng();

    /** Exports the shown frame's numbers (CSV, VOTable) or the frame itself as a FITS image. */
    void exportFrame(ExportFormat format);

    /** Exports the numbers of the plot tab shown. */
    void exportPlot(ExportFormat format);

    /** Sends the shown frame over SAMP as a FITS image to one client, or all ({@code recipientId} null). */
    void sendFrame(String recipientId);

    /** Sends the numbers of the plot tab shown over SAMP as a VOTable. */
    void sendPlot(String recipientId);

    /** Shows the FITS headers of the open segments and of the reference files in use. */
    void showHeaders();

    /** Connects to the SAMP hub now, or leaves it. */
    void connectSamp(boolean connect);

    /** The window's SAMP link, or null before it exists. */
    org.tsoinspector.samp.SampLink samp();

    void fitViews();

    /** Zoom 1:1, one image pixel per screen pixel. */
    void actualSize();

    void zoomStep(boolean in);

    void setMode(CompareMode mode);

    /** Enters blink mode, or swaps A and B when already blinking. */
    void blink();

    /** Marks the crosshair pixel saturated from the shown group on. */
    void markCrosshair();

    /** Draws row 0 at the bottom (DS9, jdaviz) or at the top (numpy's imshow default), and remembers it. */
    void setOriginAtBottom(boolean bottom);

    boolean originAtBottom();

    /** Shows the magnifier about the cursor (DS9), and remembers it. */
    void setMagnifier(boolean on);

    boolean magnifier();

    /** Moves the crosshair by whole pixels, dy up on the screen (DS9's arrow keys). */
    void nudgeCrosshair(int dx, int dyUp);

    /** Asks for a pixel (x, y) and puts the crosshair there, the view centred on it. */
    void goToPixel();

    /** Stops every running job (Escape, the status bar's Cancel). */
    void cancelJobs();

    /** Closes the window. */
    void quit();
}
