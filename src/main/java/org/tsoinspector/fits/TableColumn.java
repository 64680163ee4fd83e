package org.tsoinspector.fits;

/**
 * One column of a FITS binary table: name, element type, elements per row and unit.
 *
 * @param repeat elements per row (characters for {@link Type#ASCII})
 * @param unit   TUNITn, or null
 */
public record TableColumn(String name, Type type, int repeat, String unit) {

    /** Column element types with their TFORM letter, size and the TZERO that makes them unsigned. */
    public enum Type {
        LOGICAL('L', 1, 0),
        BYTE('B', 1, 0),
        SHORT('I', 2, 0),
        INT('J', 4, 0),
        /** uint32 stored as signed 32-bit with TZERO = 2^31 (write the value XOR 0x80000000). */
        UINT32('J', 4, 2147483648L),
        LONG('K', 8, 0),
        FLOAT('E', 4, 0),
        DOUBLE('D', 8, 0),
        ASCII('A', 1, 0);

        private final char letter;
        private final int bytes;
        private final long tzero;

        Type(char letter, int bytes, long tzero) {
            this.letter = letter;
            this.bytes = bytes;
            this.tzero = tzero;
        }

        public char letter() {
            return letter;
        }

        public int bytes() {
            return bytes;
        }

        public long tzero() {
            return tzero;
        }
    }

    public TableColumn {
        if (repeat < 1) {
            throw new IllegalArgumentException("column " + name + " needs at least one element per row");
        }
    }

    /** A scalar column without unit. */
    public static TableColumn of(String name, Type type) {
        return new TableColumn(name, type, 1, null);
    }

    /** A fixed-width text column. */
    public static TableColumn text(String name, int width) {
        return new TableColumn(name, Type.ASCII, width, null);
    }

    /** TFORMn, e.g. "1J" or "40A". */
    public String tform() {
        return repeat + String.valueOf(type.letter());
    }

    /** Bytes this column takes in one row. */
    public int bytes() {
        return repeat * type.bytes();
    }
}
