package org.tsoinspector.model;

import java.util.Set;

/**
 * What the primary header says about one segment of an exposure: instrument, geometry, timing and
 * segmentation. Integration numbers (intStart, intEnd) are 1-based over the whole exposure.
 *
 * @param completedSteps steps whose S_xxxx keyword is COMPLETE (a saved step product)
 */
public record ExposureMetadata(
        String instrument,
        String detector,
        String exposureType,
        String subarrayName,
        SubarrayWindow window,
        DetectorOrientation orientation,
        int nOutputs,
        int nInts,
        int nGroups,
        int nFrames,
        int groupGap,
        double tFrame,
        double tGroup,
        String readPattern,
        int segmentNumber,
        int segmentTotal,
        int intStart,
        int intEnd,
        String dateObs,
        boolean hasZeroFrame,
        Set<StepName> completedSteps) {

    public ExposureMetadata {
        completedSteps = Set.copyOf(completedSteps);
    }

    /** Number of integrations stored in this segment's SCI cube. */
    public int integrationsInSegment() {
        return intEnd - intStart + 1;
    }

    public int ny() {
        return window.ySize();
    }

    public int nx() {
        return window.xSize();
    }

    /** Samples in one integration (groups x rows x columns). */
    public long samplesPerIntegration() {
        return (long) nGroups * ny() * nx();
    }

    /**
     * 1-based frame numbers read into each group (the reference pipeline's read pattern, GROUPGAP
     * ignored as it does): group g holds frames g*NFRAMES+1 .. g*NFRAMES+NFRAMES.
     */
    public int[][] framesPerGroup() {
        int[][] rp = new int[nGroups][nFrames];
        for (int g = 0; g < nGroups; g++) {
            for (int f = 0; f < nFrames; f++) {
                rp[g][f] = g * nFrames + f + 1;
            }
        }
        return rp;
    }

    /** A copy with other completed steps (the header of a product after more steps ran). */
    public ExposureMetadata withCompletedSteps(Set<StepName> steps) {
        return new ExposureMetadata(instrument, detector, exposureType, subarrayName, window, orientation,
                nOutputs, nInts, nGroups, nFrames, groupGap, tFrame, tGroup, readPattern, segmentNumber,
                segmentTotal, intStart, intEnd, dateObs, hasZeroFrame, steps);
    }
}
