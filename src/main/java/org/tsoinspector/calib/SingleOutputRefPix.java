package org.tsoinspector.calib;

import java.util.Arrays;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DqFlag;

/**
 * refpix for subarrays read through one output (spec 6.5, NIRISS SOSS SUBSTRIP256/96): the reference
 * pixels of the window (REFERENCE_PIXEL set, DO_NOT_USE clear), pooled and split by the parity of their
 * detector column; each group loses the clipped mean of its parity from every pixel, in float.
 */
final class SingleOutputRefPix implements FrameCorrection {

    private static final int REF = DqFlag.REFERENCE_PIXEL.value();
    private static final int DNU = DqFlag.DO_NOT_USE.value();

    private final DetectorWindow window;
    /** One index list per detector-column parity (even, odd), or a single list without odd_even_columns. */
    private final int[][] sets;
    private final double sigma;
    private final int largestSet;

    private SingleOutputRefPix(DetectorWindow window, int[][] sets, double sigma) {
        this.window = window;
        this.sets = sets;
        this.sigma = sigma;
        this.largestSet = Arrays.stream(sets).mapToInt(s -> s.length).max().orElse(0);
    }

    /** Null when the window holds no usable reference pixel (the reference then changes nothing). */
    static SingleOutputRefPix create(DetectorWindow window, int[] pixelDq, boolean oddEvenColumns, double sigma,
            String source) throws BadInputException {
        int nx = window.nx();
        int[] even = new int[pixelDq.length];
        int[] odd = new int[pixelDq.length];
        int nEven = 0;
        int nOdd = 0;
        for (int p = 0; p < pixelDq.length; p++) {
            if ((pixelDq[p] & REF) != 0 && (pixelDq[p] & DNU) == 0) {
                if ((window.detectorColumn(p / nx, p % nx) & 1) == 0) {
                    even[nEven++] = p;
                } else {
                    odd[nOdd++] = p;
                }
            }
        }
        if (nEven + nOdd == 0) {
            return null;
        }
        if (!oddEvenColumns) {
            int[] all = Arrays.copyOf(even, nEven + nOdd);
            System.arraycopy(odd, 0, all, nEven, nOdd);
            Arrays.sort(all);
            return new SingleOutputRefPix(window, new int[][] {all}, sigma);
        }
        if (nEven == 0 || nOdd == 0) {
            throw new BadInputException(source, "its usable reference pixels all lie on "
                    + (nEven == 0 ? "odd" : "even") + " detector columns, so refpix with odd_even_columns cannot"
                    + " correct the other parity (set refpix.odd_even_columns=false)");
        }
        return new SingleOutputRefPix(window, new int[][] {Arrays.copyOf(even, nEven), Arrays.copyOf(odd, nOdd)},
                sigma);
    }

    /** Number of reference pixels per set (even, odd; or all). */
    int[] setSizes() {
        return Arrays.stream(sets).mapToInt(s -> s.length).toArray();
    }

    /** @param value the measured clipped mean of each set */
    private record Scratch(double[] values, float[] value, float[] xTerm) {
    }

    @Override
    public Object newScratch() {
        return new Scratch(new double[largestSet], new float[sets.length], new float[window.nx()]);
    }

    @Override
    public void measure(float[] frame, Object scratchObject) {
        Scratch s = (Scratch) scratchObject;
        for (int k = 0; k < sets.length; k++) {
            // the reference's clipped mean is a float32 scalar, subtracted in float32
            s.value[k] = (float) ClippedMean.of(frame, sets[k], s.values, sigma, sigma);
        }
        if (!window.columnFollowsY()) {
            for (int x = 0; x < window.nx(); x++) {
                s.xTerm[x] = s.value[(window.detectorColumn(0, x) & 1) % sets.length];
            }
        }
    }

    @Override
    public void subtract(float[] frame, int from, int to, Object scratchObject) {
        Scratch s = (Scratch) scratchObject;
        int nx = window.nx();
        for (int y = from / nx; y < to / nx; y++) {
            int base = y * nx;
            if (window.columnFollowsY()) {
                float t = s.value[(window.detectorColumn(y, 0) & 1) % sets.length];
                for (int i = base; i < base + nx; i++) {
                    frame[i] -= t;
                }
            } else {
                for (int x = 0; x < nx; x++) {
                    frame[base + x] -= s.xTerm[x];
                }
            }
        }
    }
}
