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

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public DataTable(Column... columns) {
        this.columns = List.of(columns);
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
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values, table has "
                    + columns.size() + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The value at a row and column as it was added. */
    public Object value(int row, int column) {
        return rows.get(row)[column];
    }

    /** The value at a row and column, as the CSV writes it. */
    public String cell(int row, int column) {
        return format(rows.get(row)[column]);
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
        for (Object[] r : rows) {
            sb.setLength(0);
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(format(r[i]));
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
