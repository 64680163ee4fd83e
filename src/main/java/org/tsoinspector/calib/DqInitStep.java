package org.tsoinspector.calib;

import java.nio.file.Path;
import java.util.Arrays;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

/**
 * dq_init (spec section 3): ORs the MASK reference (and an optional user-supplied DQ) into the pixel DQ,
 * and its DO_NOT_USE bit, only that bit, into every group. No sample changes.
 */
public final class DqInitStep implements CalibrationStep {

    private static final int DO_NOT_USE = DqFlag.DO_NOT_USE.value();

    /**
     * The step's parameters.
     *
     * @param userSuppliedDq user_supplied_dq: a FITS file whose primary image of DQ flags is OR-ed into the
     *                       mask (read with the references), or null for none
     */
    public record Parameters(Path userSuppliedDq) {

        public static final Parameters DEFAULTS = new Parameters(null);
    }

    private final MaskReference mask;
    private final int[] userSuppliedDq;

    public DqInitStep(MaskReference mask) {
        this(mask, null);
    }

    /** @param userSuppliedDq the user_supplied_dq parameter, cut to the exposure's window, or null */
    public DqInitStep(MaskReference mask, int[] userSuppliedDq) {
        this.mask = mask;
        this.userSuppliedDq = userSuppliedDq;
    }

    @Override
    public StepName name() {
        return StepName.DQ_INIT;
    }

    @Override
    public PreparedStep prepare(ExposureMetadata exposure, int[] pixelDqIn) throws BadInputException {
        ReferenceMatch.require(mask.header(), mask.window(), mask.dq().length, exposure);
        int[] maskDq = mask.dq().clone();
        if (userSuppliedDq != null) {
            if (userSuppliedDq.length != maskDq.length) {
                throw new BadInputException("user_supplied_dq", "has " + userSuppliedDq.length
                        + " pixels but the mask has " + maskDq.length);
            }
            for (int p = 0; p < maskDq.length; p++) {
                maskDq[p] |= userSuppliedDq[p];
            }
        }
        int[] out = new int[maskDq.length];
        int[] doNotUse = new int[maskDq.length];
        int n = 0;
        for (int p = 0; p < out.length; p++) {
            out[p] = pixelDqIn[p] | maskDq[p];
            if ((maskDq[p] & DO_NOT_USE) != 0) {
                doNotUse[n++] = p;
            }
        }
        return new Prepared(out, Arrays.copyOf(doNotUse, n));
    }

    private record Prepared(int[] pixelDq, int[] doNotUsePixels) implements PreparedStep {

        @Override
        public long sizeInBytes() {
            return 4L * (pixelDq.length + doNotUsePixels.length);
        }

        @Override
        public StepName name() {
            return StepName.DQ_INIT;
        }

        @Override
        public IntegrationPass open(Ramp ramp) {
            byte[] gdq = ramp.groupDq();
            int plane = ramp.framePixels();
            return (g, frame, from, to) -> {
                int offset = g * plane;
                int k = Arrays.binarySearch(doNotUsePixels, from);
                for (k = k < 0 ? -k - 1 : k; k < doNotUsePixels.length && doNotUsePixels[k] < to; k++) {
                    gdq[offset + doNotUsePixels[k]] |= DO_NOT_USE;
                }
            };
        }
    }
}
