package org.tsoinspector.analysis;

/**
 * Which group differences the linearity check divides, 0-based: ratio =
 * (data[lastB] - data[lastA]) / (data[firstB] - data[firstA]), plotted against data[fluenceGroup].
 * On a linear detector every pixel's ratio is {@link #linearRatio}: 1 for pairs one group apart.
 */
public record GroupPairs(int firstA, int firstB, int lastA, int lastB, int fluenceGroup) {

    public GroupPairs {
        if (firstA < 0 || firstB < 0 || lastA < 0 || lastB < 0 || fluenceGroup < 0) {
            throw new IllegalArgumentException("group numbers must not be negative");
        }
        if (firstA == firstB || lastA == lastB) {
            throw new IllegalArgumentException("a pair needs two different groups");
        }
    }

    /** The notebook's choice: (last two) / (first two), fluence at the last group. */
    public static GroupPairs lastOverFirst(int nGroups) {
        if (nGroups < 3) {
            throw new IllegalArgumentException("the ratio needs at least 3 groups, the data have " + nGroups);
        }
        return new GroupPairs(0, 1, nGroups - 2, nGroups - 1, nGroups - 1);
    }

    /** The ratio of a linear ramp: how many groups the last pair spans over how many the first spans. */
    public double linearRatio() {
        return (double) (lastB - lastA) / (firstB - firstA);
    }

    /** Largest group index used. */
    public int maxGroup() {
        return Math.max(Math.max(Math.max(firstA, firstB), Math.max(lastA, lastB)), fluenceGroup);
    }

    /** Throws when a ramp of nGroups groups does not hold every group named. */
    public void checkFits(int nGroups) {
        if (maxGroup() >= nGroups) {
            throw new IllegalArgumentException("group " + (maxGroup() + 1) + " is asked for but the data have "
                    + nGroups + " groups");
        }
    }

    /** Axis label with 1-based group numbers, e.g. "(G6 - G5) / (G2 - G1)". */
    public String label() {
        return "(G" + (lastB + 1) + " - G" + (lastA + 1) + ") / (G" + (firstB + 1) + " - G" + (firstA + 1) + ")";
    }
}
