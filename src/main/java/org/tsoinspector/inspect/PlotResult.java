package org.tsoinspector.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.tsoinspector.render.Caption;
import org.tsoinspector.render.CsvTable;
import org.tsoinspector.render.Figure;
import org.tsoinspector.render.FigureImage;
import org.tsoinspector.render.PngExport;

/**
 * A finished plot: the figure to show and export, the caption naming what it shows, and the numbers
 * behind it. The window shows its panels; both the window and the command line write it with
 * {@link #writePng} and {@link #writeCsv} (temporary name, then renamed).
 */
public record PlotResult(Figure figure, Caption caption, CsvTable table) {

    /** The charts, left to right and top to bottom in {@link #columns} columns. */
    public List<JFreeChart> panels() {
        return figure.panels();
    }

    public int columns() {
        return figure.columns();
    }

    /** The caption's one line: file, integration, group and stages. */
    public String captionText() {
        return caption.text();
    }

    public int rowCount() {
        return table.rowCount();
    }

    /** For a frame of ny x nx pixels: the PNG height at this width that shows its pixels square. */
    public int squarePixelHeight(int width, int ny, int nx) {
        return FigureImage.squarePixelHeight(figure, caption, width, ny, nx);
    }

    public void writePng(Path target, int width, int height) throws IOException {
        PngExport.write(figure, caption, width, height, target);
    }

    public void writeCsv(Path target) throws IOException {
        table.write(target);
    }
}
