package org.tsoinspector.calib;

import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SuperbiasReference;

/**
 * superbias (spec section 5): subtracts the bias image from every group (saturated ones too) and from
 * the zero frame, ORs the reference DQ into the pixel DQ. A NaN bias counts as 0: that pixel stays
 * uncorrected and is not flagged.
 */
public final class SuperbiasStep implements CalibrationStep {

    private final SuperbiasReference superbias;

    public SuperbiasStep(SuperbiasReference superbias) {
        this.superbias = superbias;
    }

    @Override
    public StepName name() {
        return StepName.SUPERBIAS;
    }

    @Override
    public PreparedStep prepare(ExposureMetadata exposure, int[] pixelDqIn) throws BadInputException {
        ReferenceMatch.require(superbias.header(), superbias.window(), superbias.bias().length, exposure);
        float[] bias = superbias.bias().clone();
        int[] out = new int[bias.length];
        for (int p = 0; p < bias.length; p++) {
            if (Float.isNaN(bias[p])) {
                bias[p] = 0f;
            }
            out[p] = pixelDqIn[p] | superbias.dq()[p];
        }
        return new Prepared(out, bias);
    }

    private record Prepared(int[] pixelDq, float[] bias) implements PreparedStep {

        @Override
        public long sizeInBytes() {
            return 4L * (pixelDq.length + bias.length);
        }

        @Override
        public StepName name() {
            return StepName.SUPERBIAS;
        }

        @Override
        public IntegrationPass open(Ramp ramp) {
            float[] b = bias;
            int n = b.length;
            return new IntegrationPass() {
                @Override
                public void rows(int g, float[] frame, int from, int to) {
                    for (int p = from; p < to; p++) {
                        frame[p] -= b[p];
                    }
                }

                @Override
                public void finish() {
                    float[] zf = ramp.zeroFrame();
                    if (zf != null) {
                        for (int p = 0; p < n; p++) {
                            // a zeroed (saturated) zero-frame pixel stays exactly 0
                            zf[p] = zf[p] == 0f ? 0f : zf[p] - b[p];
                        }
                    }
                }
            };
        }
    }
}
