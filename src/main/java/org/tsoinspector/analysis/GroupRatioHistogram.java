package org.tsoinspector.analysis;

import java.util.Arrays;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

/**
 * The linearity check of the notebook as a density: a 2-D histogram of the group-difference ratio
 * against fluence, filled one integration at a time so a whole segment never has to be held.
 * Not thread-safe: give each worker its own and {@link #merge} them at the end.
 */
public final class GroupRatioHistogram {

    private static final int EXCLUDED = DqFlag.SATURATED.value() | DqFlag.DO_NOT_USE.value();

    private final RatioHistogramSpec spec;
    private final int nf;
    private final int nr;
    /**
     * counts[r * nf + f]: ratio bin r, fluence bin f. int, not long, so the default 240 x 200 table
     * stays in L2 cache (a segment holds far fewer than 2^31 pixels; {@link #merge} checks overflow).
     */
    private final int[] counts;
    /** Per fluence bin, points whose ratio fell below / above the ratio axis (kept so medians stay right). */
    private final long[] ratioBelow;
    private final long[] ratioAbove;
    private long accumulated;
    private long flagged;
    private long invalid;
    private long fluenceOutside;
    private int integrations;

    public GroupRatioHistogram(RatioHistogramSpec spec) {
        this.spec = spec;
        this.nf = spec.fluence().bins();
        this.nr = spec.ratio().bins();
        this.counts = new int[nf * nr];
        this.ratioBelow = new long[nf];
        this.ratioAbove = new long[nf];
    }

    public RatioHistogramSpec spec() {
        return spec;
    }

    /** Adds every pixel of one integration. */
    public void accumulate(Ramp ramp) {
        accumulate(ramp.data(), ramp.groupDq(), ramp.nGroups(), ramp.framePixels());
    }

    /**
     * Adds every pixel of one integration given as arrays laid out like {@link Ramp#data()}
     * (group-major, framePixels samples per group).
     */
    public void accumulate(float[] data, byte[] groupDq, int nGroups, int framePixels) {
        GroupPairs p = spec.pairs();
        p.checkFits(nGroups);
        final int oFa = p.firstA() * framePixels;
        final int oFb = p.firstB() * framePixels;
        final int oLa = p.lastA() * framePixels;
        final int oLb = p.lastB() * framePixels;
        final int oFl = p.fluenceGroup() * framePixels;
        final boolean skip = spec.skipFlagged();
        final BinAxis fa = spec.fluence();
        final BinAxis ra = spec.ratio();
        // The loop below is the whole cost of a segment's ratio plot: bin arithmetic is inlined
        // rather than calling BinAxis.bin per point.
        final boolean fLog = fa.log();
        final double fMin = fa.min();
        final double fMax = fa.max();
        final double fOrigin = fa.forward(fMin);
        final double fScale = fa.scale();
        final boolean rLog = ra.log();
        final double rMin = ra.min();
        final double rMax = ra.max();
        final double rOrigin = ra.forward(rMin);
        final double rScale = ra.scale();
        long nFlagged = 0;
        long nInvalid = 0;
        long nOutside = 0;
        for (int i = 0; i < framePixels; i++) {
            if (skip && ((groupDq[oFa + i] | groupDq[oFb + i] | groupDq[oLa + i] | groupDq[oLb + i]
                    | groupDq[oFl + i]) & EXCLUDED) != 0) {
                nFlagged++;
                continue;
            }
            double first = (double) data[oFb + i] - data[oFa + i];
            double ratio = ((double) data[oLb + i] - data[oLa + i]) / first;
            double fluence = data[oFl + i];
            if (!Double.isFinite(ratio) || Double.isNaN(fluence)) {
                nInvalid++;
                continue;
            }
            if (!(fluence >= fMin) || fluence >= fMax) {
                nOutside++;
                continue;
            }
            int f = (int) (((fLog ? FastLog2.log2(fluence) : fluence) - fOrigin) * fScale);
            if (f >= nf) {
                f = nf - 1;
            }
            if (ratio < rMin) {
                ratioBelow[f]++;
            } else if (ratio >= rMax) {
                ratioAbove[f]++;
            } else {
                int r = (int) (((rLog ? FastLog2.log2(ratio) : ratio) - rOrigin) * rScale);
                counts[(r >= nr ? nr - 1 : r) * nf + f]++;
            }
        }
        accumulated += framePixels;
        flagged += nFlagged;
        invalid += nInvalid;
        fluenceOutside += nOutside;
        integrations++;
    }

    /** Adds another histogram of the same spec into this one. */
    public void merge(GroupRatioHistogram other) {
        if (!other.spec.equals(spec)) {
            throw new IllegalArgumentException("cannot merge histograms of different specs");
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.addExact(counts[i], other.counts[i]);
        }
        for (int f = 0; f < nf; f++) {
            ratioBelow[f] += other.ratioBelow[f];
            ratioAbove[f] += other.ratioAbove[f];
        }
        accumulated += other.accumulated;
        flagged += other.flagged;
        invalid += other.invalid;
        fluenceOutside += other.fluenceOutside;
        integrations += other.integrations;
    }

    /** An independent copy (e.g. to draw while accumulation goes on elsewhere). */
    public GroupRatioHistogram copy() {
        GroupRatioHistogram c = new GroupRatioHistogram(spec);
        c.merge(this);
        return c;
    }

    /** Points in fluence bin f and ratio bin r. */
    public long count(int f, int r) {
        return counts[r * nf + f];
    }

    /** Largest count of any cell (for the colour scale). */
    public long maxCount() {
        long m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }

    /** Points inside both axes' ranges (what the density shows). */
    public long inRange() {
        return Arrays.stream(counts).asLongStream().sum();
    }

    /** Pixels offered, over all integrations accumulated. */
    public long accumulated() {
        return accumulated;
    }

    /** Pixels left out because a group they use was SATURATED or DO_NOT_USE. */
    public long flagged() {
        return flagged;
    }

    /** Pixels left out because their first difference was 0 or a sample was NaN. */
    public long invalid() {
        return invalid;
    }

    /** Pixels whose fluence fell outside the fluence axis. */
    public long fluenceOutside() {
        return fluenceOutside;
    }

    /** Integrations accumulated. */
    public int integrations() {
        return integrations;
    }

    /** Points of fluence bin f, including those whose ratio is off the ratio axis. */
    public long columnTotal(int f) {
        long n = ratioBelow[f] + ratioAbove[f];
        for (int r = 0; r < nr; r++) {
            n += counts[r * nf + f];
        }
        return n;
    }

    /**
     * The median ratio of each fluence bin, interpolated within its ratio bin; NaN where the bin
     * holds fewer than minCount points or its median lies off the ratio axis.
     */
    public double[] medianCurve(long minCount) {
        return percentileCurve(0.5, minCount);
    }

    /**
     * The robust scatter of one point's ratio in each fluence bin: half the distance between its 15.87th
     * and 84.13th percentiles (sigma for a normal distribution); NaN where either lies off the ratio
     * axis (a scatter wider than the axis) or the bin holds fewer than minCount points. Where it is large
     * the ratio of two noisy differences is skewed and its median is biased, however many points the
     * bin holds: the median curve means something only where this is small.
     */
    public double[] scatterCurve(long minCount) {
        double[] lo = percentileCurve(0.158655, minCount);
        double[] hi = percentileCurve(0.841345, minCount);
        double[] out = new double[nf];
        for (int f = 0; f < nf; f++) {
            out[f] = (hi[f] - lo[f]) / 2;
        }
        return out;
    }

    /** The q-quantile (0..1) of each fluence bin's ratios, interpolated within its ratio bin. */
    private double[] percentileCurve(double q, long minCount) {
        double[] out = new double[nf];
        BinAxis ra = spec.ratio();
        for (int f = 0; f < nf; f++) {
            long total = columnTotal(f);
            out[f] = Double.NaN;
            if (total == 0 || total < minCount) {
                continue;
            }
            double want = total * q;
            double below = ratioBelow[f];
            if (want <= below) {
                continue;
            }
            for (int r = 0; r < nr; r++) {
                long c = counts[r * nf + f];
                if (below + c >= want && c > 0) {
                    double lo = ra.lowerEdge(r);
                    out[f] = lo + (ra.upperEdge(r) - lo) * (want - below) / c;
                    break;
                }
                below += c;
            }
        }
        return out;
    }
}
