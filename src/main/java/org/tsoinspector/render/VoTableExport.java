package org.tsoinspector.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DefaultValueInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.RandomStarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;
import org.tsoinspector.io.OutputFile;

/**
 * Writes a {@link DataTable} as a VOTable through STIL (TOPCAT's table library), with each column's
 * unit and description and the plot's caption as table parameters, so TOPCAT, astropy and Aladin read
 * it with its meaning.
 */
public final class VoTableExport {

    /** Above this many rows the cells go as BINARY2 (a frame's half-million rows as text would be ~40 MB). */
    static final int MAX_TEXT_ROWS = 20_000;

    private VoTableExport() {
    }

    /**
     * @param name   the table's name in the VOTable (TOPCAT shows it in its table list)
     * @param params what the whole table is about (file, integration, stages), written as PARAMs
     */
    public static void write(DataTable table, String name, List<Param> params, Path target) throws IOException {
        StarView view = new StarView(table);
        view.setName(name);
        List<DescribedValue> described = new ArrayList<>();
        for (Param p : params) {
            DefaultValueInfo info = new DefaultValueInfo(p.name(), String.class, p.description());
            info.setElementSize(p.value().length()); // else the PARAM is written as one character
            described.add(new DescribedValue(info, p.value()));
        }
        view.setParameters(described);
        DataFormat format = table.rowCount() > MAX_TEXT_ROWS ? DataFormat.BINARY2 : DataFormat.TABLEDATA;
        VOTableWriter writer = new VOTableWriter(format, true);
        OutputFile.write(target, out -> writer.writeStarTable(view, out));
    }

    /** A table-wide value: what the numbers are of. */
    public record Param(String name, String value, String description) {
    }

    /** The table as STIL sees it, without copying its rows; each column typed by the values it holds. */
    private static final class StarView extends RandomStarTable {

        private final DataTable table;
        private final ColumnInfo[] infos;

        StarView(DataTable table) {
            this.table = table;
            infos = new ColumnInfo[table.columns().size()];
            for (int c = 0; c < infos.length; c++) {
                DataTable.Column col = table.columns().get(c);
                ColumnInfo info = new ColumnInfo(col.name(), typeOf(table, c), col.description());
                if (!col.unit().isEmpty()) {
                    info.setUnitString(col.unit());
                }
                infos[c] = info;
            }
        }

        /** Integer, Long, Double, Boolean or String: the narrowest that holds every value of the column. */
        private static Class<?> typeOf(DataTable t, int c) {
            boolean ints = true;
            boolean longs = true;
            boolean numbers = true;
            boolean booleans = true;
            for (int r = 0; r < t.rowCount(); r++) {
                Object v = t.value(r, c);
                if (v == null) {
                    continue;
                }
                ints &= v instanceof Integer || v instanceof Short || v instanceof Byte;
                longs &= v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof Long;
                numbers &= v instanceof Number;
                booleans &= v instanceof Boolean;
            }
            return booleans && !numbers ? Boolean.class : ints ? Integer.class : longs ? Long.class
                    : numbers ? Double.class : String.class;
        }

        @Override
        public long getRowCount() {
            return table.rowCount();
        }

        @Override
        public int getColumnCount() {
            return infos.length;
        }

        @Override
        public ColumnInfo getColumnInfo(int c) {
            return infos[c];
        }

        @Override
        public Object getCell(long row, int c) {
            Object v = table.value((int) row, c);
            Class<?> type = infos[c].getContentClass();
            if (v == null) {
                return null;
            } else if (type == Integer.class) {
                return ((Number) v).intValue();
            } else if (type == Long.class) {
                return ((Number) v).longValue();
            } else if (type == Double.class) {
                return ((Number) v).doubleValue();
            } else if (type == String.class) {
                return v.toString();
            }
            return v;
        }
    }
}
