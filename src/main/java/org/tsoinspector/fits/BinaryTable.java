package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tsoinspector.model.BadInputException;

/**
 * A small FITS binary table (INT_TIMES, GROUP, DQ_DEF) read whole into memory: column names,
 * formats, and numeric or text values by column. Scalar columns of types L, B, I, J, K, E, D and
 * fixed-width text (rA) are supported; TZERO is applied.
 */
public final class BinaryTable {

    private static final Pattern TFORM = Pattern.compile("\\s*(\\d*)([LXBIJKAEDCMPQ])(.*)");

    /** One column: its name, element type code, repeat count and byte offset within a row. */
    public record Column(String name, char type, int repeat, int offset, double zero) {

        /** True when {@link BinaryTable#numbers(int)} can read it. */
        public boolean numeric() {
            return "LBIJKED".indexOf(type) >= 0;
        }
    }

    private final ByteBuffer data;
    private final int rowBytes;
    private final int rows;
    private final List<Column> columns;

    private BinaryTable(ByteBuffer data, int rowBytes, int rows, List<Column> columns) {
        this.data = data;
        this.rowBytes = rowBytes;
        this.rows = rows;
        this.columns = List.copyOf(columns);
    }

    /** Reads the table of a BINTABLE HDU. */
    public static BinaryTable read(FitsFile file, Hdu hdu) throws IOException, BadInputException {
        String where = hdu.name().isEmpty() ? "HDU " + hdu.index() : hdu.name();
        if (!hdu.type().equals("BINTABLE") || hdu.naxis() != 2) {
            throw new BadInputException(file.name(), where + " is not a binary table");
        }
        long rowBytes = hdu.axes()[0];
        long rows = hdu.axes()[1];
        if (rowBytes * rows > Integer.MAX_VALUE) {
            throw new BadInputException(file.name(), where + " is too large to be a table of this kind");
        }
        FitsHeader h = hdu.header();
        List<Column> cols = new ArrayList<>();
        long offset = 0;
        try {
            long fields = h.integer("TFIELDS", 0);
            if (fields < 0 || fields > 999) {
                throw new BadInputException(file.name(), where + " has TFIELDS = " + fields + " (FITS allows 0 to 999)");
            }
            for (int i = 1; i <= fields; i++) {
                String form = h.string("TFORM" + i, "");
                Matcher m = TFORM.matcher(form.toUpperCase(Locale.ROOT));
                // A repeat count longer than 9 digits cannot fit in any row this reader accepts.
                if (!m.matches() || m.group(1).length() > 9) {
                    throw new BadInputException(file.name(), where + " column " + i + " has TFORM '" + form
                            + "', not a column format of a binary table");
                }
                int repeat = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
                char type = m.group(2).charAt(0);
                cols.add(new Column(h.string("TTYPE" + i, "col" + i).trim(), type, repeat, (int) Math.min(offset,
                        Integer.MAX_VALUE), h.real("TZERO" + i, 0.0)));
                offset += columnBytes(type, repeat);
            }
        } catch (FitsHeader.HeaderValueException e) {
            throw new BadInputException(file.name(), where + ": " + e.getMessage());
        }
        if (offset > rowBytes) {
            throw new BadInputException(file.name(), where + " columns need " + offset + " bytes per row but rows have "
                    + rowBytes);
        }
        ByteBuffer bb = file.readRawBytes(hdu, 0, (int) (rowBytes * rows));
        return new BinaryTable(bb, (int) rowBytes, (int) rows, cols);
    }

    /** Bytes a column takes in a row (X counts bits, rounded up to whole bytes). */
    private static long columnBytes(char type, long repeat) {
        switch (type) {
            case 'X':
                return (repeat + 7) / 8;
            case 'L': case 'B': case 'A':
                return repeat;
            case 'I':
                return 2 * repeat;
            case 'J': case 'E':
                return 4 * repeat;
            case 'K': case 'D': case 'C': case 'P':
                return 8 * repeat;
            default:
                return 16 * repeat; // M, Q
        }
    }

    public int rowCount() {
        return rows;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Index of the column with this name (case-insensitive). */
    public OptionalInt columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The first element of a numeric column in every row, TZERO applied (NaN when it has no elements). */
    public double[] numbers(int column) {
        Column c = columns.get(column);
        double[] out = new double[rows];
        if (c.repeat() == 0) { // TFORM "0J": legal FITS, a column that stores nothing
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int r = 0; r < rows; r++) {
            int at = r * rowBytes + c.offset();
            double v;
            switch (c.type()) {
                case 'B': v = data.get(at) & 0xFF; break;
                case 'L': v = data.get(at) == 'T' ? 1 : 0; break;
                case 'I': v = data.getShort(at); break;
                case 'J': v = data.getInt(at); break;
                case 'K': v = data.getLong(at); break;
                case 'E': v = data.getFloat(at); break;
                case 'D': v = data.getDouble(at); break;
                default:
                    throw new IllegalArgumentException("column " + c.name() + " of type " + c.type() + " is not numeric");
            }
            out[r] = v + c.zero();
        }
        return out;
    }

    /** A text column (rA) in every row, trailing blanks and NULs removed. */
    public String[] texts(int column) {
        Column c = columns.get(column);
        if (c.type() != 'A') {
            throw new IllegalArgumentException("column " + c.name() + " is not text");
        }
        String[] out = new String[rows];
        byte[] buf = new byte[c.repeat()];
        for (int r = 0; r < rows; r++) {
            data.get(r * rowBytes + c.offset(), buf);
            int end = buf.length;
            while (end > 0 && (buf[end - 1] == 0 || buf[end - 1] == ' ')) {
                end--;
            }
            out[r] = new String(buf, 0, end, StandardCharsets.US_ASCII);
        }
        return out;
    }
}
