package org.tsoinspector.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.tsoinspector.render.Caption;
import org.tsoinspector.render.DataTable;
import org.tsoinspector.render.Figure;
import org.tsoinspector.render.FigureImage;
import org.tsoinspector.render.PngExport;
import org.tsoinspector.render.VoTableExport;

/**
 * A finished plot: the figure to show and export, the caption naming what it shows, the numbers
 * behind it, and for a frame, difference or map the image itself. The window shows its panels; both
 * the window and the command line write it with {@link #writePng}, {@link #writeCsv},
 * {@link #writeVoTable} and {@link #writeFits} (temporary name, then renamed).
 *
 * @param image the picture's values as a FITS image, or null for a plot that is not an image
 */
public record PlotResult(Figure figure, Caption caption, DataTable table, FitsImage image) {

    /** A plot that is not an image. */
    public PlotResult(Figure figure, Caption caption, DataTable table) {
        this(figure, caption, table, null);
    }

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

    /** The numbers as a VOTable named after the figure, the caption's parts as its parameters. */
    public void writeVoTable(Path target) throws IOException {
        VoTableExport.write(table, figure.name(), List.of(
                new VoTableExport.Param("file", caption.file(), "exposure the numbers were taken from"),
                new VoTableExport.Param("integration", caption.integration() > 0
                        ? Integer.toString(caption.integration()) : "all", "integration, from 1"),
                new VoTableExport.Param("group", caption.group() > 0 ? Integer.toString(caption.group()) : "all",
                        "group, from 1"),
                new VoTableExport.Param("stage", caption.stage(), "calibration stages shown"),
                new VoTableExport.Param("origin", "TSO Inspector", "who wrote this table")), target);
    }

    /** True for a frame, difference or map, which also exports as a FITS image. */
    public boolean hasImage() {
        return image != null;
    }

    /** Writes the image as FITS; only for a result that {@link #hasImage has one}. */
    public void writeFits(Path target) throws IOException {
        if (image == null) {
            throw new IllegalStateException(figure.name() + " is not an image");
        }
        image.write(target);
    }
}
