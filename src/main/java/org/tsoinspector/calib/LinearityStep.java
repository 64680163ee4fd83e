package org.tsoinspector.calib;

import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

/**
 * linearity (spec section 7): replaces every non-SATURATED sample d by the polynomial
 * c0 + c1 d + ... evaluated by Horner's rule in float. Pixels flagged NO_LIN_CORR in the reference, or
 * with a NaN coefficient or a zero linear term, get the identity polynomial (and NO_LIN_CORR).
 */
public final class LinearityStep implements CalibrationStep {

    private static final int NO_LIN_CORR = DqFlag.NO_LIN_CORR.value();
    private static final int SAT = DqFlag.SATURATED.value();
    /** Pixels per block: a block's coefficients and partial sums stay in L1 cache over all groups. */
    private static final int BLOCK = 512;

    private final LinearityReference linearity;

    public LinearityStep(LinearityReference linearity) {
        this.linearity = linearity;
    }

    @Override
    public StepName name() {
        return StepName.LINEARITY;
    }

    @Override
    public PreparedStep prepare(ExposureMetadata exposure, int[] pixelDqIn) throws BadInputException {
        ReferenceMatch.require(linearity.header(), linearity.window(), linearity.dq().length, exposure);
        int npix = linearity.dq().length;
        int n = linearity.nCoeffs();
        if (n < 1 || linearity.coeffs().length != (long) n * npix) {
            throw new BadInputException(linearity.header().fileName(), "LINEARITY COEFFS hold "
                    + linearity.coeffs().length + " values, not " + n + " x " + npix);
        }
        int[] out = new int[npix];
        for (int p = 0; p < npix; p++) {
            out[p] = pixelDqIn[p] | linearity.dq()[p];
        }
        float[] c = benign(linearity.coeffs(), n, npix, linearity.dq(), out);
        // read-level correction only for groups that average frames, as jwst's linearity step decides
        boolean readLevel = linearity.hasInverse() && exposure.nFrames() > 1;
        if (!readLevel) {
            return new Prepared(out, c, n, npix, null, 0, null);
        }
        int ni = linearity.nInverse();
        if (ni < 1 || linearity.inverseCoeffs().length != (long) ni * npix) {
            throw new BadInputException(linearity.header().fileName(), "LINEARITY INV_COEFFS hold "
                    + linearity.inverseCoeffs().length + " values, not " + ni + " x " + npix);
        }
        float[] inverse = benign(linearity.inverseCoeffs(), ni, npix, linearity.dq(), out);
        return new Prepared(out, c, n, npix, inverse, ni, exposure.framesPerGroup());
    }

    /**
     * stcal's prepare_coefficients on one set of coefficients: pixels flagged NO_LIN_CORR in the reference,
     * or with a NaN coefficient or a zero linear term, get the identity [0, 1, 0, ...]; the last two are
     * flagged NO_LIN_CORR in {@code pixelDq} (updated in place).
     */
    private static float[] benign(float[] coeffs, int n, int npix, int[] referenceDq, int[] pixelDq) {
        float[] c = coeffs.clone();
        for (int p = 0; p < npix; p++) {
            boolean identity = (referenceDq[p] & NO_LIN_CORR) != 0;
            boolean bad = false;
            for (int k = 0; k < n; k++) {
                bad |= Float.isNaN(c[k * npix + p]);
            }
            bad |= n > 1 && c[npix + p] == 0f;
            if (bad) {
                pixelDq[p] |= NO_LIN_CORR;
            }
            if (identity || bad) {
                for (int k = 0; k < n; k++) {
                    c[k * npix + p] = k == 1 ? 1f : 0f;
                }
            }
        }
        return c;
    }

    /**
     * @param inverse     INV_COEFFS after the same fix-ups, for the read-level correction; null for the classic one
     * @param readPattern the frames (1-based) averaged into each group, for the read-level correction
     */
    private record Prepared(int[] pixelDq, float[] coeffs, int nCoeffs, int npix, float[] inverse, int nInverse,
            int[][] readPattern) implements PreparedStep {

        @Override
        public long sizeInBytes() {
            return 4L * (pixelDq.length + coeffs.length + (inverse == null ? 0 : inverse.length));
        }

        @Override
        public String note() {
            return inverse == null ? "" : "read-level correction: INV_COEFFS and " + readPattern[0].length
                    + " frames per group";
        }

        @Override
        public StepName name() {
            return StepName.LINEARITY;
        }

        /**
         * Works in {@link IntegrationPass#finish}: pixel block by pixel block over all groups, so each
         * block's coefficients are read from memory once per integration, not once per group.
         */
        @Override
        public IntegrationPass open(Ramp ramp) {
            return IntegrationPass.atFinish(() -> {
                Block block = new Block(nCoeffs);
                if (inverse == null) {
                    correct(ramp.data(), ramp.groupDq(), ramp.nGroups(), block);
                } else {
                    ReadLevelLinearity.correct(ramp.data(), ramp.groupDq(), ramp.nGroups(), npix, coeffs, nCoeffs,
                            inverse, nInverse, readPattern);
                }
                float[] zf = ramp.zeroFrame();
                if (zf != null) {
                    byte[] zeroIsSaturated = new byte[npix];
                    for (int p = 0; p < npix; p++) {
                        zeroIsSaturated[p] = (byte) (zf[p] == 0f ? SAT : 0);
                    }
                    correct(zf, zeroIsSaturated, 1, block);
                }
            });
        }

        /**
         * Working copies of one block: coefficients, samples and partial sums all indexed from 0, so the
         * JIT can vectorize the Horner loops.
         */
        private static final class Block {
            final float[][] c;
            final float[] x = new float[BLOCK];
            final float[] r = new float[BLOCK];

            Block(int nCoeffs) {
                c = new float[nCoeffs][BLOCK];
            }
        }

        /** Horner in float over {@code groups} frames of d; SATURATED samples keep their value. */
        private void correct(float[] d, byte[] dq, int groups, Block b) {
            int n = nCoeffs;
            float[] x = b.x;
            float[] r = b.r;
            for (int p0 = 0; p0 < npix; p0 += BLOCK) {
                int len = Math.min(BLOCK, npix - p0);
                for (int j = 0; j < n; j++) {
                    System.arraycopy(coeffs, j * npix + p0, b.c[j], 0, len);
                }
                for (int g = 0; g < groups; g++) {
                    int off = g * npix + p0;
                    System.arraycopy(d, off, x, 0, len);
                    float[] top = b.c[n - 1];
                    for (int k = 0; k < len; k++) {
                        r[k] = top[k] * x[k];
                    }
                    for (int j = n - 2; j >= 1; j--) {
                        float[] cj = b.c[j];
                        for (int k = 0; k < len; k++) {
                            r[k] = (r[k] + cj[k]) * x[k];
                        }
                    }
                    float[] c0 = b.c[0];
                    if (GroupFlags.any(dq, off, len, SAT)) {
                        for (int k = 0; k < len; k++) {
                            if ((dq[off + k] & SAT) == 0) {
                                d[off + k] = r[k] + c0[k];
                            }
                        }
                    } else {
                        for (int k = 0; k < len; k++) {
                            x[k] = r[k] + c0[k];
                        }
                        System.arraycopy(x, 0, d, off, len);
                    }
                }
            }
        }
    }
}
