package org.tsoinspector.fits;

import java.io.IOException;
import java.util.OptionalInt;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.IntegrationTimes;

/** Reads the INT_TIMES binary table of a segment into {@link IntegrationTimes}. */
public final class IntegrationTimesTable {

    static final String[] COLUMNS = {"integration_number", "int_start_MJD_UTC", "int_mid_MJD_UTC",
        "int_end_MJD_UTC", "int_start_BJD_TDB", "int_mid_BJD_TDB", "int_end_BJD_TDB"};

    private IntegrationTimesTable() {
    }

    /** The table's rows; a time column that is missing reads as NaN, a missing number column is an error. */
    public static IntegrationTimes read(FitsFile file, Hdu hdu) throws IOException, BadInputException {
        BinaryTable t = BinaryTable.read(file, hdu);
        OptionalInt numberCol = t.columnIndex(COLUMNS[0]);
        if (numberCol.isEmpty()) {
            throw new BadInputException(file.name(), "INT_TIMES has no integration_number column");
        }
        double[] numbers = numbers(file, t, numberCol.getAsInt());
        int[] ints = new int[numbers.length];
        for (int r = 0; r < ints.length; r++) {
            ints[r] = (int) numbers[r];
        }
        double[][] cols = new double[6][];
        for (int c = 0; c < 6; c++) {
            OptionalInt idx = t.columnIndex(COLUMNS[c + 1]);
            if (idx.isPresent()) {
                cols[c] = numbers(file, t, idx.getAsInt());
            } else {
                cols[c] = new double[ints.length];
                java.util.Arrays.fill(cols[c], Double.NaN);
            }
        }
        return new IntegrationTimes(ints, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]);
    }

    private static double[] numbers(FitsFile file, BinaryTable t, int column) throws BadInputException {
        BinaryTable.Column c = t.columns().get(column);
        if (!c.numeric()) {
            throw new BadInputException(file.name(), "INT_TIMES column " + c.name() + " has type " + c.type()
                    + ", not numbers");
        }
        return t.numbers(column);
    }
}
