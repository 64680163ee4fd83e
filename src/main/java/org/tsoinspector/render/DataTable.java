package org.tsoinspector.render;

import org.tsoinspector.io.OutputFile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers behind a plot: named columns with their units and descriptions, and rows of numbers or
 * text; exported as CSV ({@link #write}) and VOTable ({@link VoTableExport}).
 */
public final class DataTable {

    /**
     * One column.
     *
     * @param unit        as VOUnits writes it ("'DN'", "pixel", "d"), "" for a pure number or text
     * @param description one phrase a reader of the exported table needs
     */
    public record Column(String name, String unit, String description) {
    }

    /** The cells of a table, given when asked. */
    public interface Cells {
        int rowCount();

        /** A number, text or boolean, or null for an empty cell. */
        Object value(int row, int column);
    }

    private final List<Column> columns;
    /** The rows added, or null when the cells are computed. */
    private final List<Object[]> rows;
    private final Cells cells;

    /** A table filled by {@link #row}. */
    public DataTable(Column... columns) {
        this.columns = List.of(columns);
        this.rows = new ArrayList<>();
        this.cells = new Cells() {
            @Override
            public int rowCount() {
                return rows.size();
            }

            @Override
            public Object value(int row, int column) {
                return rows.get(row)[column];
            }
        };
    }

    /**
     * A table whose cells are computed when read: a frame's table (one row per pixel, half a million
     * for SUBSTRIP256) would otherwise hold about 100 bytes of boxed numbers per row while its plot is shown.
     */
    public DataTable(Cells cells, Column... columns) {
        this.columns = List.of(columns);
        this.rows = null;
        this.cells = cells;
    }

    public static Column column(String name, String unit, String description) {
        return new Column(name, unit, description);
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The index of the column of that name, or -1. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds a row of numbers, text or booleans (null for an empty cell), one value per column. */
    public DataTable row(Object... values) {
        if (rows == null) {
            throw new IllegalStateException("a table of computed cells takes no rows");
        }
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values, table has "
                    + columns.size() + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    public int rowCount() {
        return cells.rowCount();
    }

    /** The value at a row and column as it was added (or computed). */
    public Object value(int row, int column) {
        return cells.value(row, column);
    }

    /** The value at a row and column, as the CSV writes it. */
    public String cell(int row, int column) {
        return format(cells.value(row, column));
    }

    private static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "nan" : d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                    : Double.toString(d);
        }
        if (v instanceof Float f) {
            return format(f.doubleValue());
        }
        String s = v.toString();
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    public void writeTo(Writer w) throws IOException {
        w.write(String.join(",", columnNames()));
        w.write('\n');
        StringBuilder sb = new StringBuilder();
        int n = cells.rowCount();
        for (int r = 0; r < n; r++) {
            sb.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(format(cells.value(r, i)));
            }
            sb.append('\n');
            w.write(sb.toString());
        }
    }

    /** Writes the table as CSV (the file replaced only when complete). */
    public void write(Path target) throws IOException {
        OutputFile.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeTo(w);
            w.flush();
        });
    }
}
