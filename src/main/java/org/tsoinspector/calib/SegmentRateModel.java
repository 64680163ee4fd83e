package org.tsoinspector.calib;

import java.io.IOException;
import org.tsoinspector.fits.SpillFile;
import org.tsoinspector.model.Ramp;

/**
 * jump and ramp_fit of one segment, held for viewing: the per-integration stages wait in a spill file,
 * jump's flags (a bit per sample) and ramp_fit's median rates are made once over the whole segment,
 * after which any integration's ramp after jump and its rate image take one read and one fit.
 * Thread-safe for reads; closing deletes the spill file.
 */
public final class SegmentRateModel implements AutoCloseable {

    private final SpillFile spill;
    private final JumpFlags flags;
    private final int[] pixelDq;
    private final RampFitter fitter;
    private final double[] medianRate;
    private final int firstIntegration;
    private final String jumpStatus;
    private int lastIndex = -1;
    private Ramp last;

    SegmentRateModel(SpillFile spill, JumpFlags flags, int[] pixelDq, RampFitter fitter, double[] medianRate,
            int firstIntegration, String jumpStatus) {
        this.spill = spill;
        this.flags = flags;
        this.pixelDq = pixelDq;
        this.fitter = fitter;
        this.medianRate = medianRate;
        this.firstIntegration = firstIntegration;
        this.jumpStatus = jumpStatus;
    }

    public int integrationCount() {
        return spill.nInts();
    }

    /** "COMPLETE", or "SKIPPED" (fewer than 3 groups, or jump off). */
    public String jumpStatus() {
        return jumpStatus;
    }

    /** The pixel DQ after jump. */
    public int[] pixelDq() {
        return pixelDq.clone();
    }

    /**
     * Integration i of the segment (from 0) after jump: its JUMP_DET flags set in the group DQ. The last
     * one read is kept: a frame request (stages A and B), the ramp plot and the rate image of one
     * integration share one read of the spill file. Callers only read it.
     */
    public synchronized Ramp afterJump(int i) throws IOException {
        if (lastIndex != i) {
            last = SegmentRates.stage(spill, flags, i, firstIntegration + i);
            lastIndex = i;
        }
        return last;
    }

    /** The rate image of integration i of the segment (from 0): SCI, ERR, DQ, VAR_POISSON, VAR_RNOISE. */
    public RampFitter.IntegrationFit rate(int i) throws IOException {
        return fitter.fit(afterJump(i), medianRate);
    }

    /** The segments ramp_fit split pixel (x, y) of integration i into, with their slopes. */
    public java.util.List<RampFitter.Segment> segments(int i, int x, int y) throws IOException {
        Ramp r = afterJump(i);
        return fitter.segmentsOf(r, y * r.nx() + x);
    }

    @Override
    public void close() throws IOException {
        spill.close();
    }
}
