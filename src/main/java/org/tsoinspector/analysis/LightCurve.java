package org.tsoinspector.analysis;

/**
 * Summed flux over a region per integration: the transit shows as a dip.
 *
 * @param integrationNumbers 1-based exposure integration numbers
 * @param timesBjd           mid-integration BJD (TDB) from INT_TIMES, NaN where the file has none
 * @param flux               summed flux of each integration, in {@link LightCurveMode#unitLabel()} units
 * @param pixels             science pixels summed (reference and DO_NOT_USE pixels are left out)
 */
public record LightCurve(int[] integrationNumbers, double[] timesBjd, double[] flux, Region region,
        LightCurveMode mode, int pixels) {

    public int size() {
        return flux.length;
    }

    /** True when every point has a BJD time (otherwise plot against integration number). */
    public boolean hasTimes() {
        for (double t : timesBjd) {
            if (Double.isNaN(t)) {
                return false;
            }
        }
        return timesBjd.length > 0;
    }

    /** Flux divided by its median, so two stages can share an axis. */
    public double[] normalized() {
        double m = Statistics.nanMedian(flux);
        double[] out = new double[flux.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = flux[i] / m;
        }
        return out;
    }
}
