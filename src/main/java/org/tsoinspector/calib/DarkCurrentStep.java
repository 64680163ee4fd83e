package org.tsoinspector.calib;

import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DarkReference;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

/**
 * dark_current (ramp.md section 2): subtracts the DARK's signal of each group from every group, whatever
 * its flags, and ORs the DARK's DQ into the pixel DQ; group DQ and the zero frame are unchanged. A DARK
 * with fewer frames than the science ramp is extrapolated from its last two groups (in double, as the
 * reference does); one taken with more frames per group or a larger gap makes the step SKIPPED.
 */
public final class DarkCurrentStep implements CalibrationStep {

    private final DarkReference dark;

    public DarkCurrentStep(DarkReference dark) {
        this.dark = dark;
    }

    @Override
    public StepName name() {
        return StepName.DARK_CURRENT;
    }

    /** The average dark current ramp_fit adds to the Poisson rate, e-/s (section 2.7). */
    public double averageDarkCurrent() {
        return dark.averageDarkCurrent();
    }

    @Override
    public PreparedStep prepare(ExposureMetadata exposure, int[] pixelDqIn) throws BadInputException {
        int n = exposure.window().pixelCount();
        if (dark.dq().length != n || dark.frames().length != (long) dark.groups() * n) {
            throw new BadInputException(dark.header().fileName(), "DARK covers " + dark.dq().length
                    + " pixels but the exposure's window has " + n);
        }
        int scienceFrames = exposure.nGroups() * exposure.nFrames() + (exposure.nGroups() - 1) * exposure.groupGap();
        int darkFrames = dark.groups() * dark.nFrames() + (dark.groups() - 1) * dark.groupGap();
        int groups = dark.groups();
        boolean extrapolated = scienceFrames > darkFrames;
        if (extrapolated) {
            groups += (int) Math.ceil((double) (scienceFrames - darkFrames + dark.groupGap())
                    / (dark.nFrames() + dark.groupGap()));
        }
        int[] out = pixelDqIn.clone();
        if (dark.nFrames() > exposure.nFrames() || dark.groupGap() > exposure.groupGap()) {
            // a DARK with more frames per group, or a larger gap, than the science: the reference skips the step
            return SkippedStep.prepared(StepName.DARK_CURRENT, out,
                    "the DARK has more frames per group or a larger group gap than the exposure: not subtracted");
        }
        double[] frames = darkFrames(groups, n, extrapolated);
        for (int p = 0; p < n; p++) {
            out[p] |= dark.dq()[p];
        }
        float[][] perGroup = new float[exposure.nGroups()][];
        boolean sameStructure = exposure.nFrames() == dark.nFrames() && exposure.groupGap() == dark.groupGap();
        double[][] perGroupWide = extrapolated || !sameStructure ? new double[exposure.nGroups()][] : null;
        int start = 0;
        for (int g = 0; g < exposure.nGroups(); g++) {
            int frameCount = sameStructure ? 1 : exposure.nFrames();
            int first = sameStructure ? g : start;
            if (!sameStructure && first + frameCount > groups) {
                throw new BadInputException(dark.header().fileName(), "DARK has " + groups
                        + " frames, fewer than the science groups average");
            }
            double[] averaged = average(frames, first, frameCount, n, !extrapolated);
            if (perGroupWide != null) {
                perGroupWide[g] = averaged;
            } else {
                float[] f = new float[n];
                for (int p = 0; p < n; p++) {
                    f[p] = (float) averaged[p];
                }
                perGroup[g] = f;
            }
            start += exposure.nFrames() + exposure.groupGap();
        }
        return new Prepared(out, perGroup, perGroupWide);
    }

    /** The dark frames with NaN as 0, extended by linear extrapolation when the science ramp is longer. */
    private double[] darkFrames(int groups, int n, boolean extrapolated) {
        float[] stored = dark.frames();
        double[] frames = new double[groups * n];
        for (int k = 0; k < stored.length; k++) {
            frames[k] = stored[k];
        }
        if (extrapolated) {
            int last = (dark.groups() - 1) * n;
            int before = (dark.groups() - 2) * n;
            for (int j = 1; j <= groups - dark.groups(); j++) {
                int at = (dark.groups() - 1 + j) * n;
                for (int p = 0; p < n; p++) {
                    float rate = stored[last + p] - stored[before + p]; // float32, like numpy's difference
                    frames[at + p] = (double) j * rate + stored[last + p];
                }
            }
        }
        for (int k = 0; k < frames.length; k++) {
            if (Double.isNaN(frames[k])) {
                frames[k] = 0;
            }
        }
        return frames;
    }

    /** The mean of {@code count} frames from {@code first}, summed in the dark's own precision as numpy's mean. */
    private static double[] average(double[] frames, int first, int count, int n, boolean singlePrecision) {
        double[] out = new double[n];
        for (int p = 0; p < n; p++) {
            if (count == 1) {
                out[p] = frames[first * n + p];
                continue;
            }
            if (singlePrecision) {
                float sum = 0f;
                for (int k = 0; k < count; k++) {
                    sum += (float) frames[(first + k) * n + p];
                }
                out[p] = sum / (float) count;
            } else {
                double sum = 0;
                for (int k = 0; k < count; k++) {
                    sum += frames[(first + k) * n + p];
                }
                out[p] = sum / count;
            }
        }
        return out;
    }

    /** Dark signal per science group: float32 when the DARK is used as stored, double when extrapolated or averaged. */
    private record Prepared(int[] pixelDq, float[][] perGroup, double[][] perGroupWide) implements PreparedStep {

        @Override
        public long sizeInBytes() {
            long groups = perGroupWide != null ? perGroupWide.length * 2L : perGroup.length;
            return 4L * pixelDq.length * (1 + groups);
        }

        @Override
        public StepName name() {
            return StepName.DARK_CURRENT;
        }

        /**
         * Subtracts in {@link IntegrationPass#finish}: linearity corrects the whole ramp there, and its
         * finish comes first, so the dark is subtracted from linearized samples as in the reference.
         */
        @Override
        public IntegrationPass open(Ramp ramp) {
            return IntegrationPass.atFinish(() -> {
                float[] data = ramp.data();
                int n = ramp.framePixels();
                for (int g = 0; g < ramp.nGroups(); g++) {
                    int base = g * n;
                    if (perGroupWide != null) {
                        double[] d = perGroupWide[g];
                        for (int p = 0; p < n; p++) {
                            data[base + p] = (float) (data[base + p] - d[p]);
                        }
                    } else {
                        float[] d = perGroup[g];
                        for (int p = 0; p < n; p++) {
                            data[base + p] -= d[p];
                        }
                    }
                }
            });
        }
    }
}
