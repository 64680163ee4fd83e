package org.tsoinspector.calib;

import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

/**
 * refpix (spec section 6) for NIR detectors without IRS2: removes the bias drift seen by the reference
 * pixels from every group (group 0 included) and from the zero frame. Full frames and 4-output
 * subarrays use per-amplifier means and the side running median ({@link AmplifierRefPix}); single-output
 * subarrays use pooled reference pixels by detector-column parity ({@link SingleOutputRefPix}). Needs no
 * reference file; changes no DQ.
 */
public final class RefPixStep implements CalibrationStep {

    /**
     * The step's parameters (RefPixStep.spec) that act on NIR non-IRS2 data.
     *
     * @param oddEvenColumns      odd_even_columns: separate means for odd and even detector columns
     * @param useSideRefPixels    use_side_ref_pixels: the side running median (full frame / 4 outputs only)
     * @param sideSmoothingLength side_smoothing_length: rows in the running median (made odd)
     * @param sideGain            side_gain: factor on the side correction
     * @param oddEvenRows         odd_even_rows: MIRI only, accepted and ignored as the reference does for NIR
     * @param sigLimit            siglimit: clipping limit in standard deviations, both sides
     */
    public record Parameters(boolean oddEvenColumns, boolean useSideRefPixels, int sideSmoothingLength,
            double sideGain, boolean oddEvenRows, double sigLimit) {

        public static final Parameters DEFAULTS = new Parameters(true, true, 11, 1.0, true, 3.0);

        public Parameters {
            if (sideSmoothingLength < 1) {
                throw new IllegalArgumentException("side_smoothing_length must be >= 1, not " + sideSmoothingLength);
            }
            if (!(sigLimit > 0)) {
                throw new IllegalArgumentException("siglimit must be > 0, not " + sigLimit);
            }
        }

        public Parameters withOddEvenColumns(boolean value) {
            return new Parameters(value, useSideRefPixels, sideSmoothingLength, sideGain, oddEvenRows, sigLimit);
        }

        public Parameters withUseSideRefPixels(boolean value) {
            return new Parameters(oddEvenColumns, value, sideSmoothingLength, sideGain, oddEvenRows, sigLimit);
        }

        public Parameters withSideSmoothingLength(int value) {
            return new Parameters(oddEvenColumns, useSideRefPixels, value, sideGain, oddEvenRows, sigLimit);
        }

        public Parameters withSideGain(double value) {
            return new Parameters(oddEvenColumns, useSideRefPixels, sideSmoothingLength, value, oddEvenRows, sigLimit);
        }

        public Parameters withOddEvenRows(boolean value) {
            return new Parameters(oddEvenColumns, useSideRefPixels, sideSmoothingLength, sideGain, value, sigLimit);
        }

        public Parameters withSigLimit(double value) {
            return new Parameters(oddEvenColumns, useSideRefPixels, sideSmoothingLength, sideGain, oddEvenRows, value);
        }
    }

    private final Parameters parameters;

    public RefPixStep(Parameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public StepName name() {
        return StepName.REFPIX;
    }

    @Override
    public PreparedStep prepare(ExposureMetadata exposure, int[] pixelDqIn) throws BadInputException {
        if (!exposure.window().fitsOnDetector()) {
            return new Prepared(pixelDqIn, null, "SKIPPED"); // SUBARRAY_DOESNTFIT
        }
        DetectorWindow window = new DetectorWindow(exposure.window(), exposure.orientation());
        FrameCorrection correction;
        if (exposure.window().isSubarray() && exposure.nOutputs() != 4) {
            correction = SingleOutputRefPix.create(window, pixelDqIn, parameters.oddEvenColumns(),
                    parameters.sigLimit(), "pixel DQ (mask reference)");
        } else {
            correction = new AmplifierRefPix(window, pixelDqIn, parameters.oddEvenColumns(),
                    parameters.useSideRefPixels(), parameters.sideSmoothingLength(), parameters.sideGain(),
                    parameters.sigLimit());
        }
        return new Prepared(pixelDqIn, correction, "COMPLETE");
    }

    /** @param correction null when nothing is to be done (no reference pixels, or skipped) */
    private record Prepared(int[] pixelDq, FrameCorrection correction, String status) implements PreparedStep {

        @Override
        public StepName name() {
            return StepName.REFPIX;
        }

        @Override
        public IntegrationPass open(Ramp ramp) {
            if (correction == null) {
                return IntegrationPass.NOTHING;
            }
            Object scratch = correction.newScratch();
            int plane = ramp.framePixels();
            return new IntegrationPass() {
                @Override
                public void group(int g, float[] frame) {
                    correction.correct(frame, scratch);
                }

                @Override
                public void finish() {
                    float[] zf = ramp.zeroFrame();
                    if (zf != null) {
                        // the zero frame is corrected like a one-group ramp; its zeroed pixels stay 0
                        boolean[] zero = new boolean[plane];
                        for (int p = 0; p < plane; p++) {
                            zero[p] = zf[p] == 0f;
                        }
                        correction.correct(zf, scratch);
                        for (int p = 0; p < plane; p++) {
                            if (zero[p]) {
                                zf[p] = 0f;
                            }
                        }
                    }
                }
            };
        }
    }
}
