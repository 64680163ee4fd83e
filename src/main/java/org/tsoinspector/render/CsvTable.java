package org.tsoinspector.render;

import org.tsoinspector.io.OutputFile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The numbers behind a plot, as a table with a header row, exported as CSV. */
public final class CsvTable {

    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public CsvTable(String... columns) {
        this.columns = List.of(columns);
    }

    public List<String> columns() {
        return columns;
    }

    /** Adds a row of numbers or text, one value per column. */
    public CsvTable row(Object... values) {
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

    /** The value at a row and column, as written. */
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
        w.write(String.join(",", columns));
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

    /** Writes the table to a file (replaced only when complete). */
    public void write(Path target) throws IOException {
        OutputFile.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeTo(w);
            w.flush();
        });
    }
}
