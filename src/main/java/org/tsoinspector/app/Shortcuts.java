package org.tsoinspector.app;

import java.util.List;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import org.tsoinspector.inspect.CompareMode;

/** The keyboard and mouse habits of the frame view (DS9-like), listed in Help > Keyboard shortcuts. */
public final class Shortcuts {

    /** One shortcut: keys and what they do. */
    public record Entry(String keys, String action) {
    }

    public static final List<Entry> ALL = List.of(
            new Entry("Ctrl+O", "Open segments (all segments of one exposure together)"),
            new Entry("Drag files onto the window", "Open them"),
            new Entry("Arrow keys", "Move the crosshair one pixel (DS9); profile and ramp plots follow"),
            new Entry(". / ,", "Next / previous group"),
            new Entry("] / [", "Next / previous integration"),
            new Entry("Page Up / Page Down", "Integration +10 / -10"),
            new Entry("Home / End", "First / last group"),
            new Entry("B", "Blink: swap stage A and stage B"),
            new Entry("D", "Difference image A - B"),
            new Entry("S", "Side by side (locked zoom, pan and crosshair)"),
            new Entry("F", "Fit frame to window"),
            new Entry("1", "Zoom 1:1"),
            new Entry("+ / -", "Zoom in / out about the centre"),
            new Entry("Mouse wheel", "Zoom about the cursor"),
            new Entry("Drag", "Pan"),
            new Entry("Middle click", "Centre the view on that point"),
            new Entry("Right drag", "Contrast (up/down) and bias (left/right): manual limits"),
            new Entry("Right click", "Export, Send to (SAMP) and zoom menu"),
            new Entry("Click", "Set the crosshair; profile and ramp plots follow it"),
            new Entry("M", "Mark the crosshair pixel saturated from the shown group on (Region... for a rectangle)"),
            new Entry("Ctrl+G", "Go to pixel: type x, y; the crosshair and the plots follow"),
            new Entry("Escape", "Cancel running jobs"),
            new Entry("Ctrl+E", "Export the frame as PNG"),
            new Entry("Ctrl+H", "FITS headers of the open segments and the reference files in use"));

    private Shortcuts() {
    }

    /**
     * The frame's keys (without Ctrl or Alt, and not while typing in a field), as {@link #ALL} lists them.
     *
     * @return true when the key was one of them
     */
    static boolean handle(KeyEvent e, InspectorActions window, NavigationBar navigation) {
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        switch (e.getCode()) {
            case RIGHT -> window.nudgeCrosshair(1, 0);
            case LEFT -> window.nudgeCrosshair(-1, 0);
            case UP -> window.nudgeCrosshair(0, 1);
            case DOWN -> window.nudgeCrosshair(0, -1);
            case PERIOD -> navigation.stepGroup(1);
            case COMMA -> navigation.stepGroup(-1);
            case CLOSE_BRACKET -> navigation.stepIntegration(1);
            case OPEN_BRACKET -> navigation.stepIntegration(-1);
            case PAGE_UP -> navigation.stepIntegration(10);
            case PAGE_DOWN -> navigation.stepIntegration(-10);
            case HOME -> navigation.stepGroup(-Integer.MAX_VALUE / 2);
            case END -> navigation.lastGroup();
            case B -> window.blink();
            case D -> window.setMode(CompareMode.DIFFERENCE);
            case S -> window.setMode(CompareMode.SIDE_BY_SIDE);
            case F -> window.fitViews();
            case DIGIT1 -> window.actualSize();
            case PLUS, EQUALS, ADD -> window.zoomStep(true);
            case MINUS, SUBTRACT -> window.zoomStep(false);
            case ESCAPE -> window.cancelJobs();
            case M -> window.markCrosshair();
            default -> {
                return false;
            }
        }
        return true;
    }
}
