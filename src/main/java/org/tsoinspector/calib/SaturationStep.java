package org.tsoinspector.calib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SaturationMark;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SuperbiasReference;

/**
 * saturation (spec section 4): flags SATURATED groups (threshold reached, then every later group, grown
 * by a square box), A/D-floor groups (sample at or below 0), the read-pattern passes for averaged groups,
 * zeroes saturated zero-frame pixels, and ORs the reference DQ (plus NO_SAT_CHECK for NaN thresholds)
 * into the pixel DQ. No sample changes.
 */
public final class SaturationStep implements CalibrationStep {

    /** Hard limit of the 16-bit A/D converter; unchecked pixels get a threshold just above it. */
    public static final float ATOD_LIMIT = 65535f;

    private static final byte SAT = (byte) DqFlag.SATURATED.value();
    private static final byte DNU = (byte) DqFlag.DO_NOT_USE.value();
    private static final byte FLOOR = (byte) (DqFlag.AD_FLOOR.value() | DqFlag.DO_NOT_USE.value());
    private static final int NO_SAT_CHECK = DqFlag.NO_SAT_CHECK.value();

    /**
     * The step's parameters.
     *
     * @param nPixGrowSat n_pix_grow_sat: how far SATURATED grows around a saturated pixel (0 = no growth)
     * @param useReadPatt use_readpatt: run the backward and group-2 passes that detect saturation hidden
     *                    by frame averaging (they change nothing when NFRAMES = 1)
     * @param thresholdScale threshold_scale (this project's, not the reference pipeline's): a factor on
     *                    every threshold of the SATURATION reference, 1 = the file as is; NaN stays NaN
     * @param marks       groups marked SATURATED by hand (the notebook's {@code groupdq[0, 2:, y, x] = 2}),
     *                    ORed in after the step's own flags, without growth; later steps see them as
     *                    saturation flags. Part of the parameters so that they are part of every cache key.
     */
    public record Parameters(int nPixGrowSat, boolean useReadPatt, double thresholdScale, List<SaturationMark> marks) {

        public static final Parameters DEFAULTS = new Parameters(1, true);

        public Parameters {
            if (nPixGrowSat < 0) {
                throw new IllegalArgumentException("n_pix_grow_sat must be >= 0, not " + nPixGrowSat);
            }
            if (!(thresholdScale > 0) || Double.isInfinite(thresholdScale)) {
                throw new IllegalArgumentException("threshold_scale must be a number > 0, not " + thresholdScale);
            }
            marks = List.copyOf(marks);
        }

        /** The reference pipeline's parameters: thresholds as in the file, no hand marks. */
        public Parameters(int nPixGrowSat, boolean useReadPatt) {
            this(nPixGrowSat, useReadPatt, 1.0, List.of());
        }

        public Parameters withNPixGrowSat(int value) {
            return new Parameters(value, useReadPatt, thresholdScale, marks);
        }

        public Parameters withUseReadPatt(boolean value) {
            return new Parameters(nPixGrowSat, value, thresholdScale, marks);
        }

        public Parameters withThresholdScale(double value) {
            return new Parameters(nPixGrowSat, useReadPatt, value, marks);
        }

        public Parameters withMark(SaturationMark mark) {
            List<SaturationMark> m = new ArrayList<>(marks);
            m.add(mark);
            return new Parameters(nPixGrowSat, useReadPatt, thresholdScale, m);
        }

        public Parameters withoutMarks() {
            return new Parameters(nPixGrowSat, useReadPatt, thresholdScale, List.of());
        }
    }

    private final SaturationReference saturation;
    private final SuperbiasReference superbias;
    private final Parameters parameters;

    /** @param superbias the SUPERBIAS reference when available (only the group-2 pass uses it), else null */
    public SaturationStep(SaturationReference saturation, SuperbiasReference superbias, Parameters parameters) {
        this.saturation = saturation;
        this.superbias = superbias;
        this.parameters = parameters;
    }

    @Override
    public StepName name() {
        return StepName.SATURATION;
    }

    @Override
    public PreparedStep prepare(ExposureMetadata exposure, int[] pixelDqIn) throws BadInputException {
        ReferenceMatch.require(saturation.header(), saturation.window(), saturation.threshold().length, exposure);
        float[] bias = null;
        if (superbias != null) {
            ReferenceMatch.require(superbias.header(), superbias.window(), superbias.bias().length, exposure);
            bias = superbias.bias(); // NaN kept: a NaN bias makes the group-2 test false, as in the reference
        }
        int npix = saturation.threshold().length;
        float[] threshold = saturation.threshold().clone();
        double scale = parameters.thresholdScale();
        if (scale != 1.0) {
            for (int p = 0; p < npix; p++) {
                threshold[p] = (float) (threshold[p] * scale);
            }
        }
        boolean[] noCheck = new boolean[npix];
        int[] out = new int[npix];
        for (int p = 0; p < npix; p++) {
            int satDq = saturation.dq()[p];
            if (Float.isNaN(threshold[p])) {
                satDq |= NO_SAT_CHECK;
            }
            if ((satDq & NO_SAT_CHECK) != 0) {
                noCheck[p] = true;
                threshold[p] = ATOD_LIMIT + 1;
            }
            out[p] = pixelDqIn[p] | satDq;
        }
        float[] belowThreshold = new float[npix];
        for (int p = 0; p < npix; p++) {
            belowThreshold[p] = Math.nextDown(threshold[p]);
        }
        int[][] readPattern = parameters.useReadPatt() ? exposure.framesPerGroup() : null;
        return new Prepared(out, threshold, belowThreshold, noCheck, bias, readPattern, parameters.nPixGrowSat(),
                parameters.marks(), exposure.ny(), exposure.nx());
    }

    /**
     * @param belowThreshold the float just below each threshold: {@code v >= threshold} exactly when
     *                       {@code v - belowThreshold > 0}, a test the JIT can vectorize
     */
    private record Prepared(int[] pixelDq, float[] threshold, float[] belowThreshold, boolean[] noCheck, float[] bias,
            int[][] readPattern, int grow, List<SaturationMark> marks, int ny, int nx) implements PreparedStep {

        /** The bias is the SUPERBIAS reference's own array, counted with the superbias step. */
        @Override
        public long sizeInBytes() {
            return 4L * (pixelDq.length + threshold.length + belowThreshold.length) + noCheck.length;
        }

        @Override
        public StepName name() {
            return StepName.SATURATION;
        }

        @Override
        public IntegrationPass open(Ramp ramp) {
            return new Pass(this, ramp);
        }
    }

    /**
     * One integration: the forward pass group by group (samples band by band, flags once the group is
     * done), then the read-pattern passes and the zero frame.
     * Saturation and the A/D floor are rare, so each group is first scanned with branch-free arithmetic
     * the JIT vectorizes (a sample that needs no flag scores exactly +0.0); only the samples that score
     * anything else are examined one by one.
     */
    private static final class Pass implements IntegrationPass {

        /** Samples compared with {@link #NOTHING_TO_FLAG} at a time. */
        private static final int BLOCK = 2048;
        private static final float[] NOTHING_TO_FLAG = new float[BLOCK];

        private final Prepared step;
        private final Ramp ramp;
        private final int npix;
        /** True for pixels that reached the threshold in an earlier group (or this one). */
        private final boolean[] saturatedSoFar;
        /** Those pixels, in the order they saturated. */
        private int[] saturatedList = new int[64];
        private int saturatedCount;
        private final SquareDilation dilation;
        /** Each sample's score in the current group: +0.0 when it needs no flag. */
        private final float[] score;

        Pass(Prepared step, Ramp ramp) {
            this.step = step;
            this.ramp = ramp;
            this.npix = ramp.framePixels();
            this.saturatedSoFar = WorkArrays.saturatedSoFar(npix);
            this.score = WorkArrays.saturationScore(npix);
            this.dilation = step.grow > 0 ? new SquareDilation(step.ny, step.nx, step.grow) : null;
        }

        @Override
        public void rows(int g, float[] frame, int from, int to) {
            byte[] gdq = ramp.groupDq();
            float[] below = step.belowThreshold;
            int off = g * npix;
            // |x| + x is +0.0 for x <= 0 and positive (or NaN) otherwise; x = v - below > 0 when v reaches
            // the threshold, x = MIN_VALUE - v > 0 when v <= 0 (the A/D floor); NaN samples score NaN
            for (int p = from; p < to; p++) {
                float v = frame[p];
                float overThreshold = v - below[p];
                float atFloor = Float.MIN_VALUE - v;
                score[p] = (Math.abs(overThreshold) + overThreshold) + (Math.abs(atFloor) + atFloor);
            }
            for (int b0 = from; b0 < to; b0 += BLOCK) {
                int b1 = Math.min(to, b0 + BLOCK);
                int p = b0;
                int at;
                while (p < b1 && (at = Arrays.mismatch(score, p, b1, NOTHING_TO_FLAG, 0, b1 - p)) >= 0) {
                    examine(frame, gdq, off, p + at);
                    p += at + 1;
                }
            }
        }

        /** Every pixel that has reached its threshold is SATURATED in this group, grown by the box. */
        @Override
        public void endGroup(int g) {
            byte[] gdq = ramp.groupDq();
            int off = g * npix;
            for (int k = 0; k < saturatedCount; k++) {
                gdq[off + saturatedList[k]] |= SAT;
            }
            if (dilation != null) {
                dilation.findRows(gdq, off, SAT);
                dilation.grow(gdq, off, SAT, gdq, off, SAT);
            }
        }

        /** The exact tests on one sample: threshold reached (remembered for later groups), A/D floor. */
        private void examine(float[] frame, byte[] gdq, int off, int p) {
            float v = frame[p];
            if (v >= step.threshold[p] && !saturatedSoFar[p]) {
                saturatedSoFar[p] = true;
                if (saturatedCount == saturatedList.length) {
                    saturatedList = Arrays.copyOf(saturatedList, 2 * saturatedCount);
                }
                saturatedList[saturatedCount++] = p;
            }
            if (v <= 0f) {
                gdq[off + p] |= FLOOR;
            }
        }

        @Override
        public void finish() {
            if (step.readPattern != null) {
                backwardPass();
                secondGroupPass();
            }
            if (ramp.zeroFrame() != null) {
                zeroFrame();
            }
            markByHand();
        }

        /** The hand marks, after every flag the step sets itself (so they are neither grown nor read back). */
        private void markByHand() {
            byte[] gdq = ramp.groupDq();
            int nx = ramp.nx();
            for (SaturationMark m : step.marks) {
                if (!m.appliesTo(ramp.integration())) {
                    continue;
                }
                for (int g = m.fromGroup(); g < ramp.nGroups(); g++) {
                    for (int y = Math.max(0, m.y0()); y <= Math.min(ramp.ny() - 1, m.y1()); y++) {
                        for (int x = Math.max(0, m.x0()); x <= Math.min(nx - 1, m.x1()); x++) {
                            gdq[ramp.index(g, y, x)] |= SAT;
                        }
                    }
                }
            }
        }

        /** Flags DO_NOT_USE where an averaged group already hid saturation the next group shows. */
        private void backwardPass() {
            float[] d = ramp.data();
            byte[] gdq = ramp.groupDq();
            byte[] flags = null;
            for (int g = ramp.nGroups() - 2; g >= 0; g--) {
                double dilution = mean(step.readPattern[g]) / last(step.readPattern[g]);
                if (dilution == 1.0) {
                    continue; // the reference's test cannot flag anything then (NFRAMES = 1)
                }
                if (flags == null) {
                    flags = new byte[npix];
                }
                int off = g * npix;
                int next = off + npix;
                boolean any = false;
                for (int p = 0; p < npix; p++) {
                    double limit = (double) step.threshold[p] * (step.noCheck[p] ? 1.0 : dilution);
                    boolean flag = d[off + p] >= limit && (gdq[off + p] & (SAT | DNU)) == 0 && (gdq[next + p] & SAT) != 0;
                    flags[p] = flag ? DNU : 0;
                    any |= flag;
                }
                if (!any) {
                    continue;
                }
                if (dilation != null) {
                    dilation.findRows(flags, 0, DNU);
                    dilation.grow(flags, 0, DNU, gdq, off, DNU);
                } else {
                    for (int p = 0; p < npix; p++) {
                        gdq[off + p] |= flags[p];
                    }
                }
            }
        }

        /** Flags DO_NOT_USE in group 1 where the ramp jumps to saturation between groups 1 and 2. */
        private void secondGroupPass() {
            if (ramp.nGroups() <= 2) {
                return;
            }
            int[][] rp = step.readPattern;
            float meanFirst = (float) mean(rp[0]);
            float lastThird = last(rp[2]);
            float framesSecond = rp[1].length;
            float[] d = ramp.data();
            byte[] gdq = ramp.groupDq();
            for (int b0 = 0; b0 < npix; b0 += BLOCK) {
                int b1 = Math.min(npix, b0 + BLOCK);
                if (!GroupFlags.any(gdq, 2 * npix + b0, b1 - b0, SAT)) {
                    continue; // only pixels SATURATED in the third group can be flagged
                }
                for (int p = b0; p < b1; p++) {
                    float bias = step.bias == null ? 0f : step.bias[p];
                    float thr = step.threshold[p];
                    float d0 = d[p];
                    float d1 = d[npix + p];
                    boolean belowByThird = (d0 - bias) / meanFirst * lastThird + bias < thr;
                    boolean jump = (d1 - d0) > (thr - d0) / framesSecond;
                    if (belowByThird && jump && (gdq[2 * npix + p] & SAT) != 0 && (gdq[npix + p] & SAT) == 0) {
                        gdq[npix + p] |= DNU;
                    }
                }
            }
        }

        /** Zero-frame pixels at or above the threshold (grown) or at or below the A/D floor become 0. */
        private void zeroFrame() {
            float[] zf = ramp.zeroFrame();
            byte[] zdq = new byte[npix];
            for (int p = 0; p < npix; p++) {
                float v = zf[p];
                zdq[p] = (byte) ((v >= step.threshold[p] ? SAT : 0) | (v <= 0f ? FLOOR : 0));
            }
            if (dilation != null) {
                dilation.findRows(zdq, 0, SAT);
                dilation.grow(zdq, 0, SAT, zdq, 0, SAT);
            }
            for (int p = 0; p < npix; p++) {
                if (zdq[p] != 0) {
                    zf[p] = 0f;
                }
            }
        }

        private static double mean(int[] frames) {
            double s = 0;
            for (int f : frames) {
                s += f;
            }
            return s / frames.length;
        }

        private static int last(int[] frames) {
            return frames[frames.length - 1];
        }
    }
}
