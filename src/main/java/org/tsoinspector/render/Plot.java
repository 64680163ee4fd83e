package org.tsoinspector.render;

/** A finished plot: the figure to show or save, the caption naming what it shows, and its data as CSV. */
public record Plot(Figure figure, Caption caption, CsvTable data) {
}
