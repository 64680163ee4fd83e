package org.tsoinspector.analysis;

import java.util.Arrays;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.Ramp;

/**
 * Fills a {@link LightCurve} one integration at a time. Each integration writes only its own slot,
 * so integrations may be added from different threads; call {@link #build} after they finish.
 */
public final class LightCurveBuilder {

    private static final int EXCLUDED_GROUP = DqFlag.SATURATED.value() | DqFlag.DO_NOT_USE.value();

    private final Region region;
    private final LightCurveMode mode;
    private final int firstIntegration;
    /** Frame indices of the science pixels in the region, fixed for the whole curve. */
    private final int[] pixels;
    private final double[] flux;
    private final boolean[] seen;

    /**
     * @param pixelDq          pixel DQ (row-major ny x nx) that decides which pixels are science pixels
     * @param firstIntegration 0-based exposure index of the segment's first integration
     */
    public LightCurveBuilder(Region region, LightCurveMode mode, int[] pixelDq, int ny, int nx,
            int firstIntegration, int integrations) {
        region.checkInside(ny, nx);
        this.region = region;
        this.mode = mode;
        this.firstIntegration = firstIntegration;
        int[] idx = new int[region.height() * region.width()];
        int k = 0;
        for (int y = region.y0(); y < region.y1(); y++) {
            for (int x = region.x0(); x < region.x1(); x++) {
                int i = y * nx + x;
                if ((pixelDq[i] & Region.NOT_SCIENCE) == 0) {
                    idx[k++] = i;
                }
            }
        }
        this.pixels = Arrays.copyOf(idx, k);
        this.flux = new double[integrations];
        this.seen = new boolean[integrations];
    }

    /** Measures one integration. */
    public void add(Ramp ramp) {
        int row = ramp.integration() - firstIntegration;
        if (row < 0 || row >= flux.length) {
            throw new IllegalArgumentException("integration " + (ramp.integration() + 1) + " is not in this segment");
        }
        flux[row] = mode == LightCurveMode.SLOPE ? sumOfSlopes(ramp) : sumLastMinusFirst(ramp);
        seen[row] = true;
    }

    private double sumLastMinusFirst(Ramp ramp) {
        float[] d = ramp.data();
        int last = (ramp.nGroups() - 1) * ramp.framePixels();
        double s = 0;
        for (int i : pixels) {
            double v = (double) d[last + i] - d[i];
            if (Double.isFinite(v)) {
                s += v;
            }
        }
        return s;
    }

    private double sumOfSlopes(Ramp ramp) {
        float[] d = ramp.data();
        byte[] dq = ramp.groupDq();
        int n = ramp.framePixels();
        int groups = ramp.nGroups();
        double s = 0;
        for (int i : pixels) {
            // Closed-form least squares over the usable groups of this pixel.
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            int m = 0;
            for (int g = 0; g < groups; g++) {
                float v = d[g * n + i];
                if ((dq[g * n + i] & EXCLUDED_GROUP) != 0 || !Float.isFinite(v)) {
                    continue;
                }
                sx += g;
                sy += v;
                sxx += (double) g * g;
                sxy += g * (double) v;
                m++;
            }
            double den = m * sxx - sx * sx;
            if (m >= 2 && den != 0) {
                s += (m * sxy - sx * sy) / den;
            }
        }
        return s;
    }

    /** The light curve of the integrations added, timed from INT_TIMES when given (may be null). */
    public LightCurve build(IntegrationTimes times) {
        int rows = 0;
        for (boolean b : seen) {
            rows += b ? 1 : 0;
        }
        int[] numbers = new int[rows];
        double[] t = new double[rows];
        double[] f = new double[rows];
        int k = 0;
        for (int r = 0; r < seen.length; r++) {
            if (!seen[r]) {
                continue;
            }
            numbers[k] = firstIntegration + r + 1;
            int tr = times == null ? -1 : times.rowOf(numbers[k]);
            t[k] = tr < 0 ? Double.NaN : times.midBjdTdb()[tr];
            f[k++] = flux[r];
        }
        return new LightCurve(numbers, t, f, region, mode, pixels.length);
    }
}
