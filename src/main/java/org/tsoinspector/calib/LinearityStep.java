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
    /** Pixels per block: the partial sums of a block stay in L1 cache between coefficient passes. */
    private static final int BLOCK = 2048;

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
        float[] c = linearity.coeffs().clone();
        int[] out = new int[npix];
        for (int p = 0; p < npix; p++) {
            int dq = pixelDqIn[p] | linearity.dq()[p];
            boolean identity = (linearity.dq()[p] & NO_LIN_CORR) != 0;
            boolean bad = false;
            for (int k = 0; k < n; k++) {
                bad |= Float.isNaN(c[k * npix + p]);
            }
            bad |= n > 1 && c[npix + p] == 0f;
            if (bad) {
                dq |= NO_LIN_CORR;
            }
            if (identity || bad) {
                for (int k = 0; k < n; k++) {
                    c[k * npix + p] = k == 1 ? 1f : 0f;
                }
            }
            out[p] = dq;
        }
        return new Prepared(out, c, n, npix);
    }

    private record Prepared(int[] pixelDq, float[] coeffs, int nCoeffs, int npix) implements PreparedStep {

        @Override
        public StepName name() {
            return StepName.LINEARITY;
        }

        @Override
        public String status() {
            return "COMPLETE";
        }

        @Override
        public IntegrationPass open(Ramp ramp) {
            return new IntegrationPass() {
                private final float[] partial = new float[BLOCK];

                @Override
                public void group(int g) {
                    correct(ramp.data(), ramp.groupDq(), g * npix, partial);
                }

                @Override
                public void finish() {
                    float[] zf = ramp.zeroFrame();
                    if (zf != null) {
                        byte[] zeroIsSaturated = new byte[npix];
                        for (int p = 0; p < npix; p++) {
                            zeroIsSaturated[p] = (byte) (zf[p] == 0f ? SAT : 0);
                        }
                        correct(zf, zeroIsSaturated, 0, partial);
                    }
                }
            };
        }

        /** Horner in float over one frame at {@code off}, block by block; SATURATED samples keep their value. */
        private void correct(float[] d, byte[] dq, int off, float[] r) {
            float[] c = coeffs;
            int n = nCoeffs;
            for (int p0 = 0; p0 < npix; p0 += BLOCK) {
                int len = Math.min(BLOCK, npix - p0);
                int top = (n - 1) * npix + p0;
                for (int k = 0; k < len; k++) {
                    r[k] = c[top + k] * d[off + p0 + k];
                }
                for (int j = n - 2; j >= 1; j--) {
                    int cj = j * npix + p0;
                    for (int k = 0; k < len; k++) {
                        r[k] = (r[k] + c[cj + k]) * d[off + p0 + k];
                    }
                }
                for (int k = 0; k < len; k++) {
                    int i = off + p0 + k;
                    float v = r[k] + c[p0 + k];
                    d[i] = (dq[i] & SAT) != 0 ? d[i] : v;
                }
            }
        }
    }
}
