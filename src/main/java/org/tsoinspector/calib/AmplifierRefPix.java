package org.tsoinspector.calib;

import java.util.Arrays;
import org.tsoinspector.model.DqFlag;

/**
 * refpix for full frames and for subarrays read through 4 outputs (spec 6.6), in the detector frame:
 * per amplifier, the clipped means of the odd and even columns of the top and bottom reference rows
 * (averaged) are subtracted from the amplifier's columns; then the running median of the left and right
 * reference columns, averaged, times side_gain, from every row. A subarray behaves as if pasted into a
 * 2048 x 2048 frame whose outer 4 rows and columns are DO_NOT_USE: amplifiers and rows without usable
 * reference pixels get no correction.
 */
final class AmplifierRefPix implements FrameCorrection {

    private static final int DNU = DqFlag.DO_NOT_USE.value();
    private static final int SIZE = DetectorWindow.SIZE;
    private static final int AMP_WIDTH = 512;
    private static final int REF_WIDTH = 4;

    private final DetectorWindow window;
    private final boolean oddEvenColumns;
    private final boolean useSide;
    private final int smoothing;
    private final double sideGain;
    private final double sigma;
    /** [amp][top=0, bottom=1][column parity, or 0 for all without odd_even_columns] -> plane indices. */
    private final int[][][][] topBottom;
    /** [left=0, right=1][detector row * 4 + k] -> plane index of a usable side pixel, or -1. */
    private final int[][] side;
    private final int largestSection;

    AmplifierRefPix(DetectorWindow window, int[] pixelDq, boolean oddEvenColumns, boolean useSide,
            int smoothingLength, double sideGain, double sigma) {
        this.window = window;
        this.oddEvenColumns = oddEvenColumns;
        this.useSide = useSide;
        this.smoothing = smoothingLength % 2 == 0 ? smoothingLength + 1 : smoothingLength;
        this.sideGain = sideGain;
        this.sigma = sigma;
        int parities = oddEvenColumns ? 2 : 1;
        topBottom = new int[4][2][parities][];
        int largest = 0;
        for (int amp = 0; amp < 4; amp++) {
            for (int tb = 0; tb < 2; tb++) {
                int rowStart = tb == 0 ? SIZE - REF_WIDTH : 0;
                for (int parity = 0; parity < parities; parity++) {
                    int[] list = new int[REF_WIDTH * AMP_WIDTH];
                    int n = 0;
                    for (int r = rowStart; r < rowStart + REF_WIDTH; r++) {
                        for (int c = amp * AMP_WIDTH + parity; c < (amp + 1) * AMP_WIDTH; c += parities) {
                            int p = usable(pixelDq, r, c);
                            if (p >= 0) {
                                list[n++] = p;
                            }
                        }
                    }
                    topBottom[amp][tb][parity] = Arrays.copyOf(list, n);
                    largest = Math.max(largest, n);
                }
            }
        }
        largestSection = largest;
        side = new int[2][SIZE * REF_WIDTH];
        for (int s = 0; s < 2; s++) {
            int colStart = s == 0 ? 0 : SIZE - REF_WIDTH;
            for (int r = 0; r < SIZE; r++) {
                for (int k = 0; k < REF_WIDTH; k++) {
                    side[s][r * REF_WIDTH + k] = usable(pixelDq, r, colStart + k);
                }
            }
        }
    }

    /** Plane index of detector pixel (r, c) if it is in the window and not DO_NOT_USE, else -1 (padding). */
    private int usable(int[] pixelDq, int r, int c) {
        int p = window.planeIndex(r, c);
        return p >= 0 && (pixelDq[p] & DNU) == 0 ? p : -1;
    }

    private record Scratch(double[] values, double[] byColumn, double[] byRow, double[] yTerm, double[] xTerm,
            float[][] sideValues, float[] window) {
    }

    @Override
    public Object newScratch() {
        return new Scratch(new double[Math.max(1, largestSection)], new double[SIZE], new double[SIZE],
                new double[window.ny()], new double[window.nx()], new float[2][SIZE * REF_WIDTH],
                new float[smoothing * REF_WIDTH]);
    }

    @Override
    public void measure(float[] frame, Object scratchObject) {
        Scratch s = (Scratch) scratchObject;
        Arrays.fill(s.byColumn, 0.0);
        Arrays.fill(s.byRow, 0.0);
        for (int amp = 0; amp < 4; amp++) {
            double[] signal = new double[oddEvenColumns ? 2 : 1];
            boolean usable = true;
            for (int parity = 0; parity < signal.length; parity++) {
                double top = mean(frame, topBottom[amp][0][parity], s);
                double bottom = mean(frame, topBottom[amp][1][parity], s);
                signal[parity] = averageIgnoringMissing(top, bottom);
                usable &= !missing(signal[parity]);
            }
            if (usable) {
                for (int c = amp * AMP_WIDTH; c < (amp + 1) * AMP_WIDTH; c++) {
                    s.byColumn[c] = signal[(c & 1) % signal.length];
                }
            }
        }
        if (useSide) {
            double[] left = runningMedian(frame, 0, s);
            double[] right = runningMedian(frame, 1, s);
            for (int r = 0; r < SIZE; r++) {
                double l = left[r];
                double rt = right[r];
                double combined = Double.isNaN(l) ? (Double.isNaN(rt) ? 0.0 : rt) : (Double.isNaN(rt) ? l : 0.5 * (l + rt));
                s.byRow[r] = sideGain * combined;
            }
        }
        window.terms(s.byColumn, s.byRow, s.yTerm, s.xTerm);
    }

    @Override
    public void subtract(float[] frame, int from, int to, Object scratchObject) {
        Scratch s = (Scratch) scratchObject;
        window.subtract(frame, from / window.nx(), to / window.nx(), s.yTerm, s.xTerm);
    }

    /** Marks the reference's None (no usable pixel): distinct from NaN, which a NaN sample produces. */
    private static final double MISSING = Double.NEGATIVE_INFINITY;

    private static boolean missing(double v) {
        return v == MISSING;
    }

    private double mean(float[] frame, int[] indices, Scratch s) {
        return indices.length == 0 ? MISSING : ClippedMean.of(frame, indices, s.values, sigma, sigma);
    }

    private static double averageIgnoringMissing(double a, double b) {
        if (missing(a)) {
            return b;
        }
        return missing(b) ? a : 0.5 * (a + b);
    }

    /**
     * Running median over {@code smoothing} detector rows of one side's 4 reference columns, after the
     * top/bottom correction, the strip reflected at both ends (edge row not repeated); NaN where the
     * window holds no usable pixel.
     */
    private double[] runningMedian(float[] frame, int which, Scratch s) {
        int[] idx = side[which];
        float[] values = s.sideValues[which];
        int colStart = which == 0 ? 0 : SIZE - REF_WIDTH;
        for (int r = 0; r < SIZE; r++) {
            for (int k = 0; k < REF_WIDTH; k++) {
                int p = idx[r * REF_WIDTH + k];
                values[r * REF_WIDTH + k] = p < 0 ? Float.NaN
                        : (float) ((double) frame[p] - s.byColumn[colStart + k]);
            }
        }
        int half = smoothing / 2;
        double[] result = new double[SIZE];
        float[] win = s.window;
        for (int r = 0; r < SIZE; r++) {
            int n = 0;
            for (int k = r; k < r + smoothing; k++) {
                int row = k < half ? half - k : (k < half + SIZE ? k - half : 2 * SIZE + half - 2 - k);
                for (int j = 0; j < REF_WIDTH; j++) {
                    if (idx[row * REF_WIDTH + j] >= 0) {
                        win[n++] = values[row * REF_WIDTH + j];
                    }
                }
            }
            result[r] = n == 0 ? Double.NaN : median(win, n);
        }
        return result;
    }

    /** numpy's median of float32 values: the middle one, or the float mean of the two middle ones. */
    private static double median(float[] v, int n) {
        Arrays.sort(v, 0, n);
        if (Float.isNaN(v[n - 1])) {
            return Double.NaN; // numpy's median of data holding NaN is NaN
        }
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2f;
    }
}
