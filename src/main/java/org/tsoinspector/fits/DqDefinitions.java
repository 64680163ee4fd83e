package org.tsoinspector.fits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DqFlag;

/**
 * A reference file's DQ_DEF table (spec section 8): which stored DQ value means which flag. The reference
 * pipeline applies it when it opens the file (stdatamodels dynamicdq.dynamic_mask): the DQ array is
 * rebuilt from zero by OR-ing, for each row, the standard value of the flag named NAME into every pixel
 * whose stored DQ has any bit of VALUE set. A row whose NAME is not a standard pixel flag is ignored;
 * bits no row lists are dropped; a file without the table (or with an empty one) keeps its values.
 */
public record DqDefinitions(List<Row> rows) {

    /** One row of the table. */
    public record Row(long bit, long value, String name, String description) {

        /** The standard value (uint32, as a long) of the flag its name stands for, or empty when it names none. */
        public Optional<Long> standardValue() {
            if (name.equals("GOOD")) {
                return Optional.of(0L);
            }
            for (DqFlag f : DqFlag.values()) {
                if (f.name().equals(name)) {
                    return Optional.of(Integer.toUnsignedLong(f.value()));
                }
            }
            return Optional.empty();
        }
    }

    /** No table: the stored values are used as they are. */
    public static final DqDefinitions NONE = new DqDefinitions(List.of());

    public DqDefinitions {
        rows = List.copyOf(rows);
    }

    /** The DQ_DEF table of a file, or {@link #NONE} when it has none. */
    public static DqDefinitions read(FitsFile f) throws IOException, BadInputException {
        Optional<Hdu> hdu = f.find("DQ_DEF");
        if (hdu.isEmpty()) {
            return NONE;
        }
        BinaryTable t = BinaryTable.read(f, hdu.get());
        OptionalInt value = t.columnIndex("VALUE");
        OptionalInt name = t.columnIndex("NAME");
        if (value.isEmpty() || name.isEmpty()) {
            throw new BadInputException(f.name(), "its DQ_DEF table has no " + (value.isEmpty() ? "VALUE" : "NAME")
                    + " column; it needs BIT, VALUE, NAME and DESCRIPTION");
        }
        double[] values = t.numbers(value.getAsInt());
        String[] names = t.texts(name.getAsInt());
        OptionalInt bitColumn = t.columnIndex("BIT");
        double[] bits = bitColumn.isPresent() ? t.numbers(bitColumn.getAsInt()) : new double[values.length];
        OptionalInt descriptionColumn = t.columnIndex("DESCRIPTION");
        String[] descriptions = descriptionColumn.isPresent() ? t.texts(descriptionColumn.getAsInt())
                : new String[values.length];
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < values.length; r++) {
            rows.add(new Row((long) bits[r], (long) values[r], names[r].strip(),
                    descriptions[r] == null ? "" : descriptions[r].strip()));
        }
        return new DqDefinitions(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The DQ array as the reference pipeline sees it: remapped through the table, or as stored without one. */
    public int[] apply(int[] stored) {
        if (rows.isEmpty()) {
            return stored;
        }
        int[] out = new int[stored.length];
        for (Row row : rows) {
            Optional<Long> standard = row.standardValue();
            if (standard.isEmpty() || standard.get() == 0) {
                continue;
            }
            int bits = (int) row.value();
            int flag = (int) (long) standard.get();
            for (int p = 0; p < stored.length; p++) {
                if ((stored[p] & bits) != 0) {
                    out[p] |= flag;
                }
            }
        }
        return out;
    }

    /** True when {@link #apply} can change a stored value: a row not at its standard value, or an unknown name. */
    public boolean remapsAnything() {
        for (Row row : rows) {
            Optional<Long> standard = row.standardValue();
            if (standard.isEmpty() || standard.get() != row.value()) {
                return true;
            }
        }
        return false;
    }

    /** The rows ignored because their name is not a standard pixel flag. */
    public List<Row> unknownRows() {
        return rows.stream().filter(r -> r.standardValue().isEmpty()).toList();
    }

    /** What the user is told about the rows that are ignored, or "" when none are. */
    public String note(String fileName) {
        List<Row> unknown = unknownRows();
        if (unknown.isEmpty()) {
            return "";
        }
        return fileName + ": DQ_DEF " + (unknown.size() == 1 ? "row " : "rows ") + String.join(", ",
                unknown.stream().map(r -> String.format(Locale.ROOT, "'%s' (value %d)", r.name(), r.value())).toList())
                + (unknown.size() == 1 ? " is not a standard DQ flag" : " are not standard DQ flags")
                + ": ignored, as the reference pipeline ignores it";
    }
}
