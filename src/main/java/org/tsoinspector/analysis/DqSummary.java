package org.tsoinspector.analysis;

import java.util.EnumMap;
import java.util.Map;
import org.tsoinspector.model.DqFlag;

/**
 * Counts of data-quality flags over a segment: pixels per pixel-DQ flag, group samples per
 * group-DQ flag, and saturated pixels per integration and group. Built by {@link DqSummaryBuilder}.
 *
 * @param integrationNumbers  1-based exposure integration number of each row
 * @param saturatedPerGroup   [row][group]: pixels flagged SATURATED in that group of that integration
 * @param groupFlagCounts     [bit 0..7]: group samples with that bit set, over all integrations
 */
public record DqSummary(int ny, int nx, int nGroups, Map<DqFlag, Long> pixelFlagCounts, long[] groupFlagCounts,
        int[] integrationNumbers, long[][] saturatedPerGroup) {

    public DqSummary {
        pixelFlagCounts = Map.copyOf(pixelFlagCounts);
    }

    /** Pixels with the given flag in the pixel DQ (0 when none). */
    public long pixelCount(DqFlag flag) {
        return pixelFlagCounts.getOrDefault(flag, 0L);
    }

    /** Group samples with the given group flag, over every group of every integration summarised. */
    public long groupCount(DqFlag flag) {
        return flag.bit() < groupFlagCounts.length ? groupFlagCounts[flag.bit()] : 0;
    }

    /** Saturated pixels in the last group of each integration (saturation never clears up the ramp). */
    public long[] saturatedPerIntegration() {
        long[] out = new long[saturatedPerGroup.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = saturatedPerGroup[i][nGroups - 1];
        }
        return out;
    }

    /** Counts per pixel flag, in bit order, for flags that occur. */
    public Map<DqFlag, Long> pixelFlagsPresent() {
        Map<DqFlag, Long> out = new EnumMap<>(DqFlag.class);
        for (DqFlag f : DqFlag.values()) {
            long n = pixelCount(f);
            if (n > 0) {
                out.put(f, n);
            }
        }
        return out;
    }
}
