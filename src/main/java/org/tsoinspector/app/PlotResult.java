package org.tsoinspector.app;

import org.tsoinspector.render.Caption;
import org.tsoinspector.render.CsvTable;
import org.tsoinspector.render.Figure;

/** A computed plot: the figure to show and export, its caption, and the numbers behind it for CSV. */
record PlotResult(Figure figure, Caption caption, CsvTable table) {
}
