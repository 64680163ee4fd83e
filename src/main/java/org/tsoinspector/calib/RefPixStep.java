package org.tsoinspector.calib;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DqFlag;
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
     * refpix_algorithm: what corrects with the side reference pixels. The reference pipeline runs SIRS
     * only on NIR FULL frames with a SIRSKERNEL reference and the running median everywhere else.
     */
    public enum Algorithm {
        /** The running median of the side reference pixels (spec 6.6 step 2). */
        MEDIAN,
        /** Simple Improved Reference Subtraction, a convolution with SIRSKERNEL kernels (spec 6.6 item 4). */
        SIRS;

        /** The reference pipeline's name of the value. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the allowed values */
        public static Algorithm fromId(String id) {
            for (Algorithm a : values()) {
                if (a.id().equalsIgnoreCase(id.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("refpix_algorithm needs median or sirs, not '" + id + "'");
        }
    }

    /**
     * The step's parameters (RefPixStep.spec) that act on NIR non-IRS2 data.
     *
     * @param oddEvenColumns      odd_even_columns: separate means for odd and even detector columns
     * @param useSideRefPixels    use_side_ref_pixels: the side running median (full frame / 4 outputs only)
     * @param sideSmoothingLength side_smoothing_length: rows in the running median (made odd)
     * @param sideGain            side_gain: factor on the side correction
     * @param oddEvenRows         odd_even_rows: MIRI only, accepted and ignored as the reference does for NIR
     * @param sigLimit            siglimit: clipping limit in standard deviations, both sides
     * @param algorithm           refpix_algorithm: SIRS is refused on a FULL frame (no SIRSKERNEL reader) and
     *                            runs the median algorithm on subarrays, as the reference pipeline does
     */
    public record Parameters(boolean oddEvenColumns, boolean useSideRefPixels, int sideSmoothingLength,
            double sideGain, boolean oddEvenRows, double sigLimit, Algorithm algorithm) {

        public static final Parameters DEFAULTS = new Parameters(true, true, 11, 1.0, true, 3.0, Algorithm.MEDIAN);

        public Parameters {
            if (sideSmoothingLength < 1) {
                throw new IllegalArgumentException("side_smoothing_length must be >= 1, not " + sideSmoothingLength);
            }
            if (!(sigLimit > 0)) {
                throw new IllegalArgumentException("siglimit must be > 0, not " + sigLimit);
            }
            Objects.requireNonNull(algorithm, "algorithm");
        }

        public Parameters withOddEvenColumns(boolean value) {
            return new Parameters(value, useSideRefPixels, sideSmoothingLength, sideGain,
                    oddEvenRows, sigLimit, algorithm);
        }

        public Parameters withUseSideRefPixels(boolean value) {
            return new Parameters(oddEvenColumns, value, sideSmoothingLength, sideGain,
                    oddEvenRows, sigLimit, algorithm);
        }

        public Parameters withSideSmoothingLength(int value) {
            return new Parameters(oddEvenColumns, useSideRefPixels, value, sideGain,
                    oddEvenRows, sigLimit, algorithm);
        }

        public Parameters withSideGain(double value) {
            return new Parameters(oddEvenColumns, useSideRefPixels, sideSmoothingLength, value,
                    oddEvenRows, sigLimit, algorithm);
        }

        public Parameters withOddEvenRows(boolean value) {
            return new Parameters(oddEvenColumns, useSideRefPixels, sideSmoothingLength, sideGain,
                    value, sigLimit, algorithm);
        }

        public Parameters withSigLimit(double value) {
            return new Parameters(oddEvenColumns, useSideRefPixels, sideSmoothingLength, sideGain,
                    oddEvenRows, value, algorithm);
        }

        public Parameters withAlgorithm(Algorithm value) {
            return new Parameters(oddEvenColumns, useSideRefPixels, sideSmoothingLength, sideGain,
                    oddEvenRows, sigLimit, value);
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

    /**
     * True when the reference pipeline would run SIRS on this exposure (given a SIRSKERNEL file): its
     * test is that the subarray's name contains FULL. Elsewhere "sirs" means the running median.
     */
    public static boolean sirsApplies(ExposureMetadata exposure) {
        return exposure.subarrayName().toUpperCase(Locale.ROOT).contains("FULL");
    }

    /** NIRSpec subarrays that hold no reference pixels (reference_pixels.py NRS_edgeless_subarrays). */
    static final Set<String> EDGELESS_SUBARRAYS = Set.of("SUB512", "SUB512S", "SUB32");

    /**
     * The pixel DQ refpix pools its reference pixels from on an edgeless subarray (spec 10.1): the window's
     * first four and last four detector columns, all its rows, count as reference pixels. Only refpix
     * sees this; the step's output pixel DQ is the input's.
     */
    static int[] withEdgeColumnsAsReference(DetectorWindow window, int[] pixelDq) {
        int nx = window.nx();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int p = 0; p < pixelDq.length; p++) {
            int c = window.detectorColumn(p / nx, p % nx);
            first = Math.min(first, c);
            last = Math.max(last, c);
        }
        int[] out = pixelDq.clone();
        for (int p = 0; p < out.length; p++) {
            int c = window.detectorColumn(p / nx, p % nx);
            if (c < first + 4 || c > last - 4) {
                out[p] |= DqFlag.REFERENCE_PIXEL.value();
            }
        }
        return out;
    }

    @Override
    public PreparedStep prepare(ExposureMetadata exposure, int[] pixelDqIn) throws BadInputException {
        if (!exposure.window().fitsOnDetector()) {
            return new Prepared(pixelDqIn, null, "SKIPPED", ""); // SUBARRAY_DOESNTFIT
        }
        String note = "";
        if (parameters.algorithm() == Algorithm.SIRS) {
            if (sirsApplies(exposure)) {
                throw new BadInputException("refpix_algorithm=sirs", "the SIRS convolution is not implemented (it"
                        + " needs a SIRSKERNEL reference file, which this tool does not read); use median");
            }
            note = "refpix_algorithm=sirs applies to FULL frames only, so this " + exposure.subarrayName()
                    + " exposure got the median algorithm, as in the reference pipeline";
        }
        DetectorWindow window = new DetectorWindow(exposure.window(), exposure.orientation());
        FrameCorrection correction;
        if (exposure.window().isSubarray() && exposure.nOutputs() != 4) {
            int[] refDq = EDGELESS_SUBARRAYS.contains(exposure.subarrayName().toUpperCase(Locale.ROOT))
                    ? withEdgeColumnsAsReference(window, pixelDqIn) : pixelDqIn;
            correction = SingleOutputRefPix.create(window, refDq, parameters.oddEvenColumns(),
                    parameters.sigLimit(), "pixel DQ (mask reference)");
        } else {
            correction = new AmplifierRefPix(window, pixelDqIn, parameters.oddEvenColumns(),
                    parameters.useSideRefPixels(), parameters.sideSmoothingLength(), parameters.sideGain(),
                    parameters.sigLimit());
        }
        return new Prepared(pixelDqIn, correction, "COMPLETE", note);
    }

    /** @param correction null when nothing is to be done (no reference pixels, or skipped) */
    private record Prepared(int[] pixelDq, FrameCorrection correction, String status, String note)
            implements PreparedStep {

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
                public boolean measuresWholeGroup() {
                    return true;
                }

                @Override
                public void measure(int g, float[] frame) {
                    correction.measure(frame, scratch);
                }

                @Override
                public void rows(int g, float[] frame, int from, int to) {
                    correction.subtract(frame, from, to, scratch);
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
