package org.tsoinspector.analysis;

import java.util.EnumMap;
import java.util.Map;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

/**
 * Fills a {@link DqSummary} one integration at a time. Each integration writes only its own row, so
 * different integrations may be added from different threads; call {@link #build} after they finish.
 */
public final class DqSummaryBuilder {

    private static final int SATURATED = DqFlag.SATURATED.value();

    private final int[] pixelDq;
    private final int ny;
    private final int nx;
    private final int nGroups;
    private final int firstIntegration;
    private final long[][] saturated;
    private final long[][] groupFlags;
    private final boolean[] seen;

    /**
     * @param pixelDq          the pixel DQ of the stage summarised (row-major ny x nx)
     * @param firstIntegration 0-based exposure index of the segment's first integration
     * @param integrations     integrations in the segment
     */
    public DqSummaryBuilder(int[] pixelDq, int ny, int nx, int nGroups, int firstIntegration, int integrations) {
        if (pixelDq.length != ny * nx) {
            throw new IllegalArgumentException("pixel DQ has " + pixelDq.length + " values, not " + ny + " x " + nx);
        }
        this.pixelDq = pixelDq.clone();
        this.ny = ny;
        this.nx = nx;
        this.nGroups = nGroups;
        this.firstIntegration = firstIntegration;
        this.saturated = new long[integrations][nGroups];
        this.groupFlags = new long[integrations][8];
        this.seen = new boolean[integrations];
    }

    /** Counts one integration's group DQ. */
    public void add(Ramp ramp) {
        int row = ramp.integration() - firstIntegration;
        if (row < 0 || row >= saturated.length) {
            throw new IllegalArgumentException("integration " + (ramp.integration() + 1) + " is not in this segment");
        }
        if (ramp.nGroups() != nGroups || ramp.ny() != ny || ramp.nx() != nx) {
            throw new IllegalArgumentException("ramp shape does not match the summary");
        }
        byte[] dq = ramp.groupDq();
        int n = ramp.framePixels();
        long[] flags = groupFlags[row];
        for (int g = 0; g < nGroups; g++) {
            long sat = 0;
            int[] bitCounts = new int[8];
            for (int i = g * n, end = i + n; i < end; i++) {
                int v = dq[i] & 0xFF;
                if (v == 0) {
                    continue;
                }
                if ((v & SATURATED) != 0) {
                    sat++;
                }
                for (int b = 0; b < 8; b++) {
                    bitCounts[b] += (v >>> b) & 1;
                }
            }
            saturated[row][g] = sat;
            for (int b = 0; b < 8; b++) {
                flags[b] += bitCounts[b];
            }
        }
        seen[row] = true;
    }

    /** The summary of the integrations added (rows of integrations never added are left out). */
    public DqSummary build() {
        Map<DqFlag, Long> pixelCounts = new EnumMap<>(DqFlag.class);
        for (DqFlag f : DqFlag.values()) {
            long c = 0;
            int bit = f.value();
            for (int v : pixelDq) {
                if ((v & bit) != 0) {
                    c++;
                }
            }
            pixelCounts.put(f, c);
        }
        int rows = 0;
        for (boolean s : seen) {
            rows += s ? 1 : 0;
        }
        int[] numbers = new int[rows];
        long[][] sat = new long[rows][];
        long[] groupCounts = new long[8];
        int k = 0;
        for (int r = 0; r < seen.length; r++) {
            if (seen[r]) {
                numbers[k] = firstIntegration + r + 1;
                sat[k++] = saturated[r].clone();
                for (int b = 0; b < 8; b++) {
                    groupCounts[b] += groupFlags[r][b];
                }
            }
        }
        return new DqSummary(ny, nx, nGroups, pixelCounts, groupCounts, numbers, sat);
    }
}
