package org.tsoinspector.analysis;

/** How one pixel's flux in one integration is measured for a light curve. */
public enum LightCurveMode {
    /** Last group minus first group (DN accumulated over the ramp). */
    LAST_MINUS_FIRST("last - first group (DN)"),
    /** Least-squares slope over the groups not SATURATED or DO_NOT_USE (DN per group). */
    SLOPE("slope (DN/group)"),
    /** The rate image after jump and ramp_fit (DN/s), drawn beside last minus first group of the stages. */
    RATE("rate after ramp_fit (DN/s)");

    private final String unitLabel;

    LightCurveMode(String unitLabel) {
        this.unitLabel = unitLabel;
    }

    /** Axis label of the summed flux. */
    public String unitLabel() {
        return unitLabel;
    }
}
