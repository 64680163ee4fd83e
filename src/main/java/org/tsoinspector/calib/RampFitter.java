package org.tsoinspector.calib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

/**
 * ramp_fit with the reference's OLS_C algorithm and optimal weighting (ramp.md section 4): per pixel and
 * integration, segments split at jumps and saturation, each fitted by weighted least squares, combined
 * into the integration's slope (rateints) and, over the integrations, the exposure's (rate).
 *
 * <p>The only quantity that needs every integration is the mean median rate of each pixel (section 4.3,
 * for the Poisson variance): {@link #medianRates} takes it over a band of rows of every integration,
 * after which each integration is fitted on its own ({@link #fit}) and the fits are summed into the rate
 * ({@link RateSums}). All arithmetic is double; the products are float32.
 */
public final class RampFitter {

    private static final int DNU = DqFlag.DO_NOT_USE.value();
    private static final int SAT = DqFlag.SATURATED.value();
    private static final int JUMP = DqFlag.JUMP_DET.value();
    private static final int PERSISTENCE = DqFlag.PERSISTENCE.value();
    private static final int INVALID = DNU | SAT;
    private static final double LARGE_VARIANCE_THRESHOLD = 1e6;

    private final int nGroups;
    private final int pixels;
    private final int[] pixelDq;
    /** float32 values, as the reference holds them (kept as floats: a segment's models hold one fitter each) */
    private final float[] gain;
    private final float[] readNoise;
    /** The average dark current rounded to float32, as the reference's array of it holds it. */
    private final double darkCurrent;
    private final double groupTime;
    private final double frameTime;
    private final double oneGroupTime;
    private final boolean suppressOneGroup;
    private final float[][][] weights;
    /** The weights of a whole-ramp segment, class after class: weights[c][nGroups] in one array. */
    private final double[] wholeRampWeights;
    /** The one segment of a ramp with no group flagged, as {@link #segments} gives it. */
    private final int[] wholeRamp;

    /**
     * @param pixelDqIn        the pixel DQ after jump
     * @param gain             e-/DN per pixel
     * @param readNoise        the READNOISE reference, DN per pixel (a two-read difference)
     * @param darkCurrent      the average dark current, e-/s (section 2.7)
     * @param suppressOneGroup the step's suppress_one_group (true by default)
     */
    public RampFitter(int nGroups, int[] pixelDqIn, float[] gain, float[] readNoise, double darkCurrent,
            double groupTime, double frameTime, int nFrames, boolean suppressOneGroup) {
        this.nGroups = nGroups;
        this.pixels = pixelDqIn.length;
        this.pixelDq = new int[pixels];
        this.gain = new float[pixels];
        this.readNoise = new float[pixels];
        // readnoise_2d *= gain_2d / np.sqrt(2 * nframes), all in float32 as numpy 1 does it: per read, electrons
        float root = (float) Math.sqrt(2.0 * Math.max(1, nFrames));
        for (int p = 0; p < pixels; p++) {
            float g = gain[p];
            this.gain[p] = g;
            pixelDq[p] = pixelDqIn[p] | (g <= 0f || Float.isNaN(g) ? DNU | DqFlag.NO_GAIN_VALUE.value() : 0);
            this.readNoise[p] = readNoise[p] * (g / root);
        }
        this.darkCurrent = (float) darkCurrent;
        this.groupTime = groupTime;
        this.frameTime = frameTime;
        this.oneGroupTime = (nFrames + 1) * frameTime / 2;
        this.suppressOneGroup = suppressOneGroup && nGroups > 1; // the reference never suppresses one-group exposures
        this.weights = weightTable(nGroups);
        this.wholeRampWeights = new double[POWERS.length * nGroups];
        for (int c = 0; nGroups >= 3 && c < POWERS.length; c++) {
            for (int k = 0; k < nGroups; k++) {
                wholeRampWeights[c * nGroups + k] = weights[c][nGroups][k];
            }
        }
        this.wholeRamp = new int[] {0, nGroups};
    }

    /** The pixel DQ every rate image starts from: the input's, with DO_NOT_USE|NO_GAIN_VALUE where the gain is bad. */
    public int[] pixelDq() {
        return pixelDq.clone();
    }

    /** One pixel's ramp in one integration as ramp_fit sees it (section 4.2). */
    private final class PixelRamp {
        final double[] y = new double[nGroups];
        final int[] dq = new int[nGroups];
        final double[] rates = new double[nGroups];
        final double[] differences = new double[Math.max(1, nGroups - 1)];
        /** No group flagged: one segment of every group. */
        boolean clean;
        boolean zeroGroupOnly;
        boolean fromZeroFrame;
        int saturatedGroups;
        int unusableGroups;
        boolean jump;
        boolean persistence;

        /** Loads frame pixel p of the integration. */
        void load(Planes planes, int p) {
            int local = p - planes.origin();
            int at = planes.offset() + local;
            int n = planes.stride();
            byte[] groupDq = planes.groupDq();
            zeroGroupOnly = false;
            fromZeroFrame = false;
            saturatedGroups = 0;
            unusableGroups = 0;
            jump = false;
            persistence = false;
            int flags = 0;
            for (int g = 0; g < nGroups; g++) {
                flags |= groupDq[at + g * n];
            }
            if (flags == 0) { // most pixels of most integrations: every group good, the zero frame unused
                clean = true;
                for (int g = 0; g < nGroups; g++) {
                    dq[g] = 0;
                    y[g] = planes.data()[at + g * n];
                }
                return;
            }
            clean = false;
            int good = 0;
            for (int g = 0; g < nGroups; g++) {
                dq[g] = groupDq[at + g * n] & 0xFF;
                if ((dq[g] & ~PERSISTENCE) == 0) {
                    good++;
                }
            }
            if (suppressOneGroup && good == 1) {
                for (int g = 0; g < nGroups; g++) {
                    dq[g] |= DNU;
                }
            }
            good = 0;
            for (int g = 0; g < nGroups; g++) {
                int f = dq[g];
                jump |= (f & JUMP) != 0;
                persistence |= (f & PERSISTENCE) != 0;
                if (f == 0) {
                    good++;
                }
                if ((f & INVALID) != 0) {
                    unusableGroups++;
                }
                if ((f & SAT) != 0) {
                    saturatedGroups++;
                    y[g] = Double.NaN;
                } else {
                    y[g] = planes.data()[at + g * n];
                }
            }
            if (!suppressOneGroup) {
                if (good == 1 && dq[0] == 0) {
                    zeroGroupOnly = true;
                } else if (good == 0 && planes.zeroFrame() != null
                        && planes.zeroFrame()[planes.zeroOffset() + local] != 0f) {
                    y[0] = planes.zeroFrame()[planes.zeroOffset() + local];
                    boolean wasSaturated = (dq[0] & SAT) != 0;
                    dq[0] = 0;
                    unusableGroups--;
                    if (wasSaturated && saturatedGroups == nGroups) {
                        saturatedGroups--;
                    }
                    fromZeroFrame = true;
                }
            }
        }

        /** The integration's median rate (section 4.3), 0 when undefined. */
        double medianRate() {
            double rate;
            if (zeroGroupOnly) {
                rate = y[0] / oneGroupTime;
            } else if (fromZeroFrame) {
                rate = y[0] / frameTime;
            } else if (nGroups == 1) {
                rate = (dq[0] & DNU) != 0 ? Double.NaN : y[0] / groupTime;
            } else if (clean) {
                double[] d = differences;
                int finite = 0;
                double previous = y[0] / groupTime;
                for (int g = 1; g < nGroups; g++) {
                    double r = y[g] / groupTime;
                    d[finite] = r - previous;
                    finite += Double.isNaN(d[finite]) ? 0 : 1;
                    previous = r;
                }
                if (finite == 0 && !Double.isNaN(y[0])) {
                    d[0] = y[0] / groupTime;
                    finite = 1;
                }
                rate = Medians.median(d, finite);
            } else {
                double[] r = rates;
                for (int g = 0; g < nGroups; g++) {
                    r[g] = (dq[g] & DNU) != 0 ? Double.NaN : y[g] / groupTime;
                }
                double first = r[0];
                double[] d = differences;
                int finite = 0;
                for (int k = 0; k < nGroups - 1; k++) {
                    d[k] = (dq[k + 1] & JUMP) != 0 ? Double.NaN : r[k + 1] - r[k];
                    if (!Double.isNaN(d[k])) {
                        d[finite++] = d[k];
                    }
                }
                if (finite == 0 && !Double.isNaN(first)) {
                    d[0] = first;
                    finite = 1;
                }
                rate = Medians.median(d, finite);
            }
            return Double.isNaN(rate) ? 0 : rate;
        }
    }

    /**
     * Samples and group DQ of one integration, whole or a band of rows of it: group g of frame pixel p at
     * {@code offset + g * stride + (p - origin)}, its zero frame value at {@code zeroOffset + (p - origin)}.
     */
    public record Planes(float[] data, byte[] groupDq, float[] zeroFrame, int offset, int stride, int zeroOffset,
            int origin) {
        public static Planes of(Ramp r) {
            return new Planes(r.data(), r.groupDq(), r.zeroFrame(), 0, r.framePixels(), 0, 0);
        }
    }

    /**
     * The mean over the integrations of each pixel's median rate (section 4.3) for frame pixels
     * [from, to), indexed from {@code from}: the only quantity of the fit that needs every integration.
     */
    public double[] medianRates(java.util.function.IntFunction<Planes> integration, int nInts, int from, int to) {
        double[] sums = new double[to - from];
        PixelRamp pr = new PixelRamp();
        CleanMedians clean = nGroups >= 2 && nGroups - 1 <= CleanMedians.MAX_DIFFERENCES ? new CleanMedians() : null;
        for (int i = 0; i < nInts; i++) {
            Planes planes = integration.apply(i);
            for (int block = from; block < to; block += CleanMedians.PIXELS) {
                int end = Math.min(to, block + CleanMedians.PIXELS);
                if (clean != null) {
                    clean.compute(planes, block, end);
                }
                for (int p = block; p < end; p++) {
                    if (clean != null && !clean.other[p - block]) {
                        sums[p - from] += clean.median[p - block];
                    } else {
                        pr.load(planes, p);
                        sums[p - from] += pr.medianRate();
                    }
                }
            }
        }
        for (int k = 0; k < sums.length; k++) {
            sums[k] /= (float) nInts; // the reference divides by a float32 count
        }
        return sums;
    }

    /**
     * The median rates of a block of pixels of one integration whose ramps have no group flagged and no
     * NaN difference, all at once: the differences sit in one array per difference and are sorted by an
     * odd-even transposition network of min/max over whole arrays, which the JIT turns into vector
     * instructions. The same values as {@link PixelRamp#medianRate} (a sort gives the same middle); the
     * others are left to it.
     */
    private final class CleanMedians {
        static final int PIXELS = 256;
        /** A network of n passes over n arrays costs n² / 2 min/max: beyond this, one sort per pixel is cheaper. */
        static final int MAX_DIFFERENCES = 8;

        final double[][] differences = new double[nGroups - 1][PIXELS];
        /** Whether a pixel's ramp is flagged or has a NaN difference: its median is not computed here. */
        final boolean[] other = new boolean[PIXELS];
        final double[] median = new double[PIXELS];
        private final double[] rate = new double[PIXELS];

        void compute(Planes planes, int from, int to) {
            int n = planes.stride();
            int base = planes.offset() + (from - planes.origin());
            int count = to - from;
            float[] data = planes.data();
            byte[] groupDq = planes.groupDq();
            Arrays.fill(other, 0, count, false);
            for (int g = 0; g < nGroups; g++) {
                int at = base + g * n;
                for (int q = 0; q < count; q++) {
                    other[q] |= groupDq[at + q] != 0;
                }
            }
            int nd = nGroups - 1;
            for (int q = 0; q < count; q++) {
                rate[q] = data[base + q] / groupTime;
            }
            for (int k = 0; k < nd; k++) { // rate holds group k's rates, each divided once
                double[] d = differences[k];
                int at = base + (k + 1) * n;
                for (int q = 0; q < count; q++) {
                    double next = data[at + q] / groupTime;
                    d[q] = next - rate[q];
                    rate[q] = next;
                }
                for (int q = 0; q < count; q++) {
                    other[q] |= Double.isNaN(d[q]);
                }
            }
            for (int pass = 0; pass < nd; pass++) {
                for (int k = pass & 1; k + 1 < nd; k += 2) {
                    double[] low = differences[k];
                    double[] high = differences[k + 1];
                    for (int q = 0; q < count; q++) {
                        double x = low[q];
                        double y = high[q];
                        low[q] = Math.min(x, y);
                        high[q] = Math.max(x, y);
                    }
                }
            }
            double[] upper = differences[nd / 2];
            if (nd % 2 == 1) {
                System.arraycopy(upper, 0, median, 0, count);
            } else {
                double[] lower = differences[nd / 2 - 1];
                for (int q = 0; q < count; q++) {
                    median[q] = (lower[q] + upper[q]) / 2;
                }
            }
        }
    }

    /**
     * One integration's rate image and the sums the exposure's rate is made of.
     *
     * @param saturatedAll whether every group was saturated (group 0 saturated counts) — for the rate's DQ
     */
    public record IntegrationFit(float[] sci, float[] err, float[] varPoisson, float[] varReadNoise, int[] dq,
            double[] inverseVarPoisson, double[] inverseVarReadNoise, double[] slopeSum, boolean[] unusable,
            boolean[] saturatedAll, boolean[] saturatedAny) {
    }

    /**
     * Fits one integration (its samples after dark_current, its group DQ after jump).
     *
     * @param medianRate the mean over the segment's integrations of each pixel's median rate
     */
    public IntegrationFit fit(Ramp ramp, double[] medianRate) {
        IntegrationFit out = newFit(pixels);
        Planes planes = Planes.of(ramp);
        int chunk = 4096; // pixels are independent: chunks of them on every core
        java.util.stream.IntStream.range(0, (pixels + chunk - 1) / chunk).parallel().forEach(c ->
                fitRange(planes, medianRate, c * chunk, Math.min(pixels, (c + 1) * chunk), 0, out));
        return out;
    }

    /**
     * Fits frame pixels [from, to) of one integration on the calling thread (a band's worker); the fit's
     * arrays and {@code medianRate} are indexed from {@code from}.
     */
    public IntegrationFit fit(Planes planes, double[] medianRate, int from, int to) {
        IntegrationFit out = newFit(to - from);
        fit(planes, medianRate, from, to, out);
        return out;
    }

    /**
     * The same into the arrays of {@code into} (of {@link #newFit}{@code (to - from)}), every slot
     * written: a band's worker fits all its integrations into one (a fit of 11 arrays a band wide was
     * allocated for each, 4 GB over the 1 GB bench segment).
     */
    void fit(Planes planes, double[] medianRate, int from, int to, IntegrationFit into) {
        fitRange(planes, medianRate, from, to, from, into);
    }

    static IntegrationFit newFit(int n) {
        return new IntegrationFit(new float[n], new float[n], new float[n], new float[n], new int[n],
                new double[n], new double[n], new double[n], new boolean[n], new boolean[n], new boolean[n]);
    }

    /** Fits frame pixels [from, to) into {@code out}, whose slot 0 is frame pixel {@code origin}. */
    private void fitRange(Planes planes, double[] medianRate, int from, int to, int origin, IntegrationFit out) {
        PixelRamp pr = new PixelRamp();
        CleanFits clean = nGroups >= 3 ? new CleanFits() : null;
        for (int block = from; block < to; block += CleanFits.PIXELS) {
            int end = Math.min(to, block + CleanFits.PIXELS);
            if (clean != null) {
                clean.fit(planes, medianRate, block, end, origin, out);
            }
            for (int p = block; p < end; p++) {
                if (clean == null || clean.other[p - block]) {
                    pr.load(planes, p);
                    fitPixel(pr, p, p - origin, medianRate[p - origin], out);
                }
            }
        }
    }

    /**
     * The fits of a block of pixels of one integration whose ramps have no group flagged and no NaN
     * sample (most of them: one segment of every group), all at once: the same operations as
     * {@link #fitPixel} in the same order, but each one over the whole block in a loop of its own, so
     * that the JIT turns the divisions and square roots, most of a fit's time, into vector instructions.
     * The fit's conditions are decided in loops of their own from the quotients. The others are left to
     * {@link #fitPixel}.
     */
    private final class CleanFits {
        static final int PIXELS = 256;

        /** Whether a pixel's ramp is flagged or has a NaN sample: its fit is not made here. */
        final boolean[] other = new boolean[PIXELS];
        private final double[][] y = new double[nGroups][PIXELS];
        private final double[][] w = new double[nGroups][PIXELS];
        private final double[] g = new double[PIXELS];
        private final double[] rn = new double[PIXELS];
        private final double[] den = new double[PIXELS];
        private final double[] ratio = new double[PIXELS];
        private final double[] invRn2 = new double[PIXELS];
        private final double[] poissonRate = new double[PIXELS];
        /** Each pixel's weighting class times the ramp's length: where its weights start in wholeRampWeights. */
        private final int[] powerClass = new int[PIXELS];
        private final double[] sumW = new double[PIXELS];
        private final double[] sumX = new double[PIXELS];
        private final double[] sumXX = new double[PIXELS];
        private final double[] sumY = new double[PIXELS];
        private final double[] sumXY = new double[PIXELS];
        private final double[] slope = new double[PIXELS];
        private final double[] varP = new double[PIXELS];
        private final double[] varR = new double[PIXELS];
        private final double[] invR = new double[PIXELS];
        private final double[] invP = new double[PIXELS];
        private final double[] invE = new double[PIXELS];
        private final double[] num = new double[PIXELS];
        /** 1 / the inverse sums over the one segment: the variances and ERR as fitPixel combines them. */
        private final double[] combinedVarR = new double[PIXELS];
        private final double[] combinedVarP = new double[PIXELS];
        private final double[] combinedVarE = new double[PIXELS];
        private final double[] combinedErr = new double[PIXELS];

        /** Fits the clean pixels of frame pixels [from, to) into {@code out} (slot 0 is frame pixel origin). */
        void fit(Planes planes, double[] medianRate, int from, int to, int origin, IntegrationFit out) {
            int n = planes.stride();
            int base = planes.offset() + (from - planes.origin());
            int count = to - from;
            int length = nGroups;
            float[] data = planes.data();
            byte[] groupDq = planes.groupDq();
            Arrays.fill(other, 0, count, false);
            for (int k = 0; k < length; k++) {
                int at = base + k * n;
                double[] yk = y[k];
                for (int q = 0; q < count; q++) {
                    other[q] |= groupDq[at + q] != 0;
                    yk[q] = data[at + q];
                }
                for (int q = 0; q < count; q++) {
                    other[q] |= Double.isNaN(yk[q]);
                }
            }
            for (int q = 0; q < count; q++) {
                g[q] = gain[from + q];
                rn[q] = readNoise[from + q];
            }
            double[] first = y[0];
            double[] last = y[length - 1];
            for (int q = 0; q < count; q++) { // weightedSlope's signal-to-noise and weight
                double signal = last[q] - first[q];
                den[q] = rn[q] * rn[q] + signal * g[q];
                ratio[q] = signal * g[q];
            }
            for (int q = 0; q < count; q++) {
                ratio[q] = ratio[q] / Math.sqrt(den[q]);
            }
            for (int q = 0; q < count; q++) {
                invRn2[q] = 1 / (rn[q] * rn[q]);
            }
            for (int q = 0; q < count; q++) {
                powerClass[q] = powerClass(den[q], g[q], ratio[q]) * length;
            }
            for (int k = 0; k < length; k++) {
                double[] wk = w[k];
                for (int q = 0; q < count; q++) {
                    wk[q] = wholeRampWeights[powerClass[q] + k] * invRn2[q];
                }
            }
            for (int q = 0; q < count; q++) {
                double m = medianRate[from - origin + q];
                poissonRate[q] = m > 0 ? m + darkCurrent : darkCurrent;
            }
            Arrays.fill(sumW, 0, count, 0);
            Arrays.fill(sumX, 0, count, 0);
            Arrays.fill(sumXX, 0, count, 0);
            Arrays.fill(sumY, 0, count, 0);
            Arrays.fill(sumXY, 0, count, 0);
            for (int k = 0; k < length; k++) {
                double x = k;
                double[] wk = w[k];
                double[] yk = y[k];
                for (int q = 0; q < count; q++) {
                    double xw = x * wk[q];
                    sumW[q] += wk[q];
                    sumX[q] += xw;
                    sumXX[q] += x * xw;
                    sumY[q] += yk[q] * wk[q];
                    sumXY[q] += yk[q] * xw;
                }
            }
            // small loops: the JIT unrolls (and so vectorizes) only loops with a short body
            double cube = (double) length * length * length - length;
            for (int q = 0; q < count; q++) { // the slope, as weightedSlope and segmentSlope take it
                slope[q] = (sumW[q] * sumXY[q] - sumX[q] * sumY[q]) / (sumW[q] * sumXX[q] - sumX[q] * sumX[q]);
            }
            for (int q = 0; q < count; q++) {
                slope[q] = slope[q] / groupTime;
            }
            for (int q = 0; q < count; q++) { // the variances of section 4.6 for one segment of length groups
                varP[q] = poissonRate[q] / (groupTime * g[q] * (length - 1.0));
            }
            for (int q = 0; q < count; q++) {
                double r = rn[q] / groupTime;
                varR[q] = 12 * r * r / (cube * g[q] * g[q]);
            }
            // "0 +" as the sums over segments start at 0: a -0.0 becomes 0.0 there too
            for (int q = 0; q < count; q++) {
                invR[q] = 0 + 1 / varR[q];
            }
            for (int q = 0; q < count; q++) {
                invP[q] = 0 + 1 / varP[q];
            }
            for (int q = 0; q < count; q++) {
                invE[q] = 0 + 1 / (varP[q] + varR[q]);
            }
            for (int q = 0; q < count; q++) {
                num[q] = 0 + slope[q] / varR[q];
            }
            for (int q = 0; q < count; q++) {
                combinedVarR[q] = 1 / invR[q];
            }
            for (int q = 0; q < count; q++) {
                combinedVarP[q] = 1 / invP[q];
            }
            for (int q = 0; q < count; q++) {
                combinedVarE[q] = 1 / invE[q];
            }
            for (int q = 0; q < count; q++) {
                combinedErr[q] = Math.sqrt(combinedVarE[q]);
            }
            store(from, to, from - origin, out);
        }

        /**
         * fitPixel's end for frame pixels [from, to) into the fit's slots from {@code slot}, written for
         * every pixel of the block (those left to fitPixel are written again by it): for a clean ramp,
         * INVALID (DO_NOT_USE or SATURATED) can only come from the pixel DQ, and no group is SATURATED.
         */
        private void store(int from, int to, int slot, IntegrationFit out) {
            int count = to - from;
            float[] sci = out.sci();
            float[] err = out.err();
            float[] varPoisson = out.varPoisson();
            float[] varReadNoise = out.varReadNoise();
            int[] dq = out.dq();
            double[] inverseVarPoisson = out.inverseVarPoisson();
            double[] inverseVarReadNoise = out.inverseVarReadNoise();
            double[] slopeSum = out.slopeSum();
            boolean[] unusable = out.unusable();
            boolean[] saturatedAll = out.saturatedAll();
            for (int q = 0; q < count; q++) {
                int k = slot + q;
                int f = pixelDq[from + q];
                boolean invalid = (f & INVALID) != 0;
                double inverseP = varP[q] > 0 ? invP[q] : 0;
                double vp = inverseP > 0 ? combinedVarP[q] : 0;
                double vr = combinedVarR[q] >= LARGE_VARIANCE_THRESHOLD ? 0 : combinedVarR[q];
                sci[k] = invalid ? Float.NaN : (float) (num[q] * vr);
                err[k] = invalid || combinedVarE[q] > LARGE_VARIANCE_THRESHOLD ? 0f : (float) combinedErr[q];
                varPoisson[k] = invalid || vp >= LARGE_VARIANCE_THRESHOLD ? 0f : (float) vp;
                varReadNoise[k] = invalid ? 0f : (float) vr;
                dq[k] = f;
                inverseVarPoisson[k] = inverseP;
                inverseVarReadNoise[k] = invR[q];
                slopeSum[k] = num[q];
                unusable[k] = (f & DNU) != 0;
                saturatedAll[k] = (f & SAT) != 0;
            }
            Arrays.fill(out.saturatedAny(), slot, slot + count, false);
        }
    }

    /** Fits frame pixel p into slot k of the fit's arrays. */
    private void fitPixel(PixelRamp pr, int p, int k, double medianRate, IntegrationFit out) {
        int dq = pixelDq[p];
        // 0 unless a segment is fitted (the slot may hold what the block's loops wrote)
        out.inverseVarPoisson()[k] = 0;
        out.inverseVarReadNoise()[k] = 0;
        out.slopeSum()[k] = 0;
        if (pr.jump) {
            dq |= JUMP;
        }
        if (pr.persistence) {
            dq |= PERSISTENCE;
        }
        double slope = Double.NaN;
        double varPoisson = 0;
        double varReadNoise = 0;
        double err = 0;
        if ((pr.dq[0] & SAT) != 0) {
            dq |= DNU | SAT;
        } else if (pr.unusableGroups == nGroups) {
            dq |= DNU;
            if (pr.saturatedGroups == nGroups) {
                dq |= SAT;
            }
        } else {
            double g = gain[p];
            double rn = readNoise[p];
            double poissonRate = medianRate > 0 ? medianRate + darkCurrent : darkCurrent;
            double invR = 0;
            double invP = 0;
            double invE = 0;
            double num = 0;
            int start = -1;
            int[] segments = pr.clean ? wholeRamp : segments(pr.dq);
            for (int s = 0; s < segments.length; s += 2) {
                int from = segments[s];
                int length = segments[s + 1];
                double segSlope = segmentSlope(pr, from, length, g, rn);
                double varP;
                double varR;
                if (length == 1) {
                    double t = oneGroupDivisor(pr);
                    varP = poissonRate / (t * g);
                    double r = rn / t;
                    varR = 12 * r * r / (6 * g * g);
                } else if (length == 2) {
                    varP = poissonRate / (groupTime * g);
                    double r = rn / groupTime;
                    varR = 12 * r * r / (6 * g * g);
                } else {
                    varP = poissonRate / (groupTime * g * (length - 1.0));
                    double r = rn / groupTime;
                    varR = 12 * r * r / (((double) length * length * length - length) * g * g);
                }
                double varE = varP + varR;
                invR += 1 / varR;
                if (varP > 0) {
                    invP += 1 / varP;
                }
                invE += 1 / varE;
                num += segSlope / varR;
                start = from;
            }
            if (start >= 0) {
                varPoisson = invP > 0 ? 1 / invP : 0;
                if (varPoisson >= LARGE_VARIANCE_THRESHOLD) {
                    varPoisson = 0;
                }
                varReadNoise = 1 / invR;
                if (varReadNoise >= LARGE_VARIANCE_THRESHOLD) {
                    varReadNoise = 0;
                }
                if ((dq & INVALID) != 0) {
                    varPoisson = 0;
                    varReadNoise = 0;
                } else {
                    slope = num * varReadNoise;
                    double varE = 1 / invE;
                    err = varE > LARGE_VARIANCE_THRESHOLD ? 0 : Math.sqrt(varE);
                }
                out.inverseVarPoisson()[k] = invP;
                out.inverseVarReadNoise()[k] = invR;
                out.slopeSum()[k] = num;
            }
        }
        out.unusable()[k] = (dq & DNU) != 0;
        out.saturatedAll()[k] = (dq & SAT) != 0;
        if ((dq & DNU) != 0 || (dq & SAT) != 0) {
            slope = Double.NaN;
        }
        if (pr.saturatedGroups > 0) {
            dq |= SAT;
        }
        out.saturatedAny()[k] = pr.saturatedGroups > 0;
        out.sci()[k] = (float) slope;
        out.err()[k] = (float) err;
        out.varPoisson()[k] = (float) varPoisson;
        out.varReadNoise()[k] = (float) varReadNoise;
        out.dq()[k] = dq;
    }

    /** The time a one-group segment's value is divided by (section 4.6: zero frame or group time). */
    private double oneGroupDivisor(PixelRamp pr) {
        return !suppressOneGroup && pr.zeroGroupOnly ? oneGroupTime
                : !suppressOneGroup && pr.fromZeroFrame ? frameTime : groupTime;
    }

    /** A segment's slope in DN/s, as the fit combines it (sections 4.5 and 4.6). */
    private double segmentSlope(PixelRamp pr, int from, int length, double g, double rn) {
        if (length == 1) {
            return pr.y[from] / oneGroupDivisor(pr);
        } else if (length == 2) {
            return (pr.y[from + 1] - pr.y[from]) / groupTime;
        }
        return weightedSlope(pr.y, from, length, g, rn) / groupTime;
    }

    /**
     * One segment the fit used: its first group (from 0), its length and its slope in DN/s.
     */
    public record Segment(int from, int length, double slope) {
    }

    /**
     * The segments ramp_fit splits pixel p of one integration into (at jumps and saturation), each with
     * the slope it fits there: what the ramp plot draws. Empty for a pixel with no usable group.
     */
    public List<Segment> segmentsOf(Ramp ramp, int p) {
        PixelRamp pr = new PixelRamp();
        pr.load(Planes.of(ramp), p);
        List<Segment> out = new ArrayList<>();
        if ((pr.dq[0] & SAT) != 0 || pr.unusableGroups == nGroups) {
            return out;
        }
        int[] segments = segments(pr.dq);
        for (int s = 0; s < segments.length; s += 2) {
            out.add(new Segment(segments[s], segments[s + 1],
                    segmentSlope(pr, segments[s], segments[s + 1], gain[p], readNoise[p])));
        }
        return out;
    }

    /**
     * The segments of one integration as (start, length) pairs (section 4.4): maximal runs of good groups
     * (PERSISTENCE ignored), each starting one group earlier when that group is flagged JUMP_DET alone;
     * one-group segments are dropped when a longer one exists, and only the first kept when none does.
     */
    static int[] segments(int[] dq) {
        boolean clean = true;
        for (int f : dq) {
            clean &= (f & ~PERSISTENCE) == 0;
        }
        if (clean) { // most pixels of most integrations: one segment of every group
            return new int[] {0, dq.length};
        }
        int[] found = new int[2 * dq.length];
        int count = 0;
        int start = -1;
        for (int g = 0; g <= dq.length; g++) {
            boolean good = g < dq.length && (dq[g] & ~PERSISTENCE) == 0;
            if (good && start < 0) {
                start = g > 0 && (dq[g - 1] & ~PERSISTENCE) == JUMP ? g - 1 : g;
            } else if (!good && start >= 0) {
                found[count++] = start;
                found[count++] = g - start;
                start = -1;
            }
        }
        boolean longer = false;
        for (int s = 1; s < count; s += 2) {
            longer |= found[s] > 1;
        }
        int[] kept = new int[count];
        int k = 0;
        for (int s = 0; s < count; s += 2) {
            if (found[s + 1] > 1 || !longer && k == 0) {
                kept[k++] = found[s];
                kept[k++] = found[s + 1];
            }
        }
        return Arrays.copyOf(kept, k);
    }

    /**
     * The optimally weighted least-squares slope (per group) of a segment of 3 or more groups: weights
     * {@code powf(|k - mid| / mid, P) / rn²} with P from the segment's signal-to-noise (section 4.5).
     */
    private double weightedSlope(double[] y, int from, int length, double gain, double rn) {
        double signal = y[from + length - 1] - y[from];
        double den = rn * rn + signal * gain;
        float[] relative = weights[powerClass(den, gain, signal * gain / Math.sqrt(den))][length];
        double invRn2 = 1 / (rn * rn);
        double sumW = 0;
        double sumX = 0;
        double sumXX = 0;
        double sumY = 0;
        double sumXY = 0;
        for (int k = 0; k < length; k++) {
            double w = relative[k] * invRn2;
            double x = k + from;
            double v = y[from + k];
            if (Double.isNaN(v)) {
                v = 0;
            }
            double xw = x * w;
            sumW += w;
            sumX += xw;
            sumXX += x * xw;
            sumY += v * w;
            sumXY += v * xw;
        }
        return (sumW * sumXY - sumX * sumY) / (sumW * sumXX - sumX * sumX);
    }

    /**
     * The signal-to-noise class of a segment (section 4.5): {@code den} is rn² + signal * gain and
     * {@code ratio} signal * gain / sqrt(den), which counts only where den is positive and the gain not 0.
     */
    private static int powerClass(double den, double gain, double ratio) {
        double snr = den <= 0 || gain == 0 ? 0 : Math.max(0, ratio);
        return snr < 5 ? 0 : snr < 10 ? 1 : snr < 20 ? 2 : snr < 50 ? 3 : snr < 100 ? 4 : 5;
    }

    /** The powers of section 4.5 by signal-to-noise class. */
    private static final float[] POWERS = {0f, 0.4f, 1f, 3f, 6f, 10f};
    /** powf(|k - mid| / mid, P) per power class, segment length and group: the same for every pixel. */
    private static float[][][] weightTable(int maxLength) {
        float[][][] table = new float[POWERS.length][maxLength + 1][];
        for (int c = 0; c < POWERS.length; c++) {
            for (int length = 3; length <= maxLength; length++) {
                double mid = (length - 1) / 2.0;
                double invMid = 1 / mid;
                float[] w = new float[length];
                for (int k = 0; k < length; k++) {
                    w[k] = powf((float) Math.abs((k - mid) * invMid), POWERS[c]);
                }
                table[c][length] = w;
            }
        }
        return table;
    }

    /** C's single-precision powf: the power in double rounded to float32 (exact for these bases and powers to 1 ulp). */
    static float powf(float base, float power) {
        if (power == 0f) {
            return 1f;
        }
        return (float) Math.pow(base, power);
    }


    /** The exposure's rate (section 4.7), summed integration by integration. */
    public static final class RateSums {
        private final double[] inverseVarPoisson;
        private final double[] inverseVarReadNoise;
        private final double[] slopeSum;
        private final int[] dq;
        private final int[] unusable;
        private final int[] saturatedAll;
        private final boolean[] saturatedAny;
        private int integrations;

        /** Sums for frame pixels [from, to) (fits of those pixels added), indexed from {@code from}. */
        public RateSums(int[] pixelDq, int from, int to) {
            int n = to - from;
            inverseVarPoisson = new double[n];
            inverseVarReadNoise = new double[n];
            slopeSum = new double[n];
            dq = Arrays.copyOfRange(pixelDq, from, to);
            unusable = new int[n];
            saturatedAll = new int[n];
            saturatedAny = new boolean[n];
        }

        public void add(IntegrationFit fit) {
            integrations++;
            for (int p = 0; p < dq.length; p++) {
                if (fit.inverseVarPoisson()[p] > 0) {
                    inverseVarPoisson[p] += fit.inverseVarPoisson()[p];
                }
                inverseVarReadNoise[p] += fit.inverseVarReadNoise()[p];
                slopeSum[p] += fit.slopeSum()[p];
                dq[p] |= fit.dq()[p] & (JUMP | PERSISTENCE);
                if (fit.unusable()[p]) {
                    unusable[p]++;
                }
                if (fit.saturatedAll()[p]) {
                    saturatedAll[p]++;
                }
                saturatedAny[p] |= fit.saturatedAny()[p];
            }
        }

        /** The rate image: SCI, ERR, VAR_POISSON, VAR_RNOISE (float32) and DQ. */
        public RateImage image() {
            int n = dq.length;
            RateImage r = new RateImage(new float[n], new float[n], new float[n], new float[n], new int[n]);
            for (int p = 0; p < n; p++) {
                int f = dq[p];
                if (unusable[p] == integrations) {
                    f |= DNU;
                }
                if (saturatedAll[p] == integrations) {
                    f |= SAT;
                }
                // as the reference: a sum that is not positive (0, or NaN from a NaN read noise) stays as it is
                double vp = inverseVarPoisson[p] > 0 ? 1 / inverseVarPoisson[p] : inverseVarPoisson[p];
                if (vp >= LARGE_VARIANCE_THRESHOLD || vp < 0) {
                    vp = 0;
                }
                double vr = inverseVarReadNoise[p] > 0 ? 1 / inverseVarReadNoise[p] : inverseVarReadNoise[p];
                if (vr >= LARGE_VARIANCE_THRESHOLD) {
                    vr = 0;
                }
                double err = Math.sqrt(vp + vr);
                double slope = slopeSum[p];
                if ((f & INVALID) != 0) {
                    slope = Double.NaN;
                    vp = 0;
                    vr = 0;
                    err = 0;
                }
                if (saturatedAny[p]) {
                    f |= SAT;
                }
                if (!Double.isNaN(slope)) {
                    slope *= vr;
                }
                r.sci()[p] = (float) slope;
                r.err()[p] = (float) err;
                r.varPoisson()[p] = (float) vp;
                r.varReadNoise()[p] = (float) vr;
                r.dq()[p] = f;
            }
            return r;
        }
    }

    /** A rate image (one integration's or the exposure's): DN/s, variances in (DN/s)². */
    public record RateImage(float[] sci, float[] err, float[] varPoisson, float[] varReadNoise, int[] dq) {
    }
}
