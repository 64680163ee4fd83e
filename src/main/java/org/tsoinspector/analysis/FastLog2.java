package org.tsoinspector.analysis;

/**
 * Base-2 logarithm from the exponent bits and a 1024-entry table of the mantissa's logarithm with
 * linear interpolation: absolute error below 2e-7, about four times faster than Math.log, which
 * dominated the cost of binning a whole segment's fluences.
 */
final class FastLog2 {

    private static final int TABLE_BITS = 10;
    private static final int FRACTION_BITS = 52 - TABLE_BITS;
    private static final double FRACTION_SCALE = 1.0 / (1L << FRACTION_BITS);
    private static final double[] TABLE = new double[(1 << TABLE_BITS) + 1];

    static {
        for (int i = 0; i < TABLE.length; i++) {
            TABLE[i] = Math.log1p(i / (double) (1 << TABLE_BITS)) / Math.log(2);
        }
    }

    private FastLog2() {
    }

    /** log2(v) for a positive normal v (at least {@link Double#MIN_NORMAL}). */
    static double log2(double v) {
        long bits = Double.doubleToRawLongBits(v);
        int exponent = (int) (bits >>> 52) - 1023;
        int index = (int) (bits >>> FRACTION_BITS) & ((1 << TABLE_BITS) - 1);
        double fraction = (bits & ((1L << FRACTION_BITS) - 1)) * FRACTION_SCALE;
        double lo = TABLE[index];
        return exponent + lo + (TABLE[index + 1] - lo) * fraction;
    }
}
