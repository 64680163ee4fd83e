package org.tsoinspector.model;

/**
 * The INT_TIMES table of a segment: one row per integration, times in MJD (UTC) and BJD (TDB).
 * Arrays are owned by this record and must not be modified.
 */
public record IntegrationTimes(
        int[] integrationNumber,
        double[] startMjdUtc,
        double[] midMjdUtc,
        double[] endMjdUtc,
        double[] startBjdTdb,
        double[] midBjdTdb,
        double[] endBjdTdb) {

    public int size() {
        return integrationNumber.length;
    }

    /** Row index of a 1-based integration number, or -1 when the table has no row for it. */
    public int rowOf(int integration) {
        for (int r = 0; r < integrationNumber.length; r++) {
            if (integrationNumber[r] == integration) {
                return r;
            }
        }
        return -1;
    }
}
