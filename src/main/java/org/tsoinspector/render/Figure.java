package org.tsoinspector.render;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * One exportable plot: one or more charts laid out left to right, top to bottom, in a grid of
 * {@code columns} columns (the notebook's side-by-side panels). The window may show the panels
 * separately; PNG export draws them together with a caption.
 */
public record Figure(String name, List<JFreeChart> panels, int columns) {

    public Figure {
        panels = List.copyOf(panels);
        if (panels.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("a figure needs at least one panel and one column");
        }
    }

    /** A figure of a single chart. */
    public static Figure of(String name, JFreeChart chart) {
        return new Figure(name, List.of(chart), 1);
    }

    public int rows() {
        return (panels.size() + columns - 1) / columns;
    }
}
