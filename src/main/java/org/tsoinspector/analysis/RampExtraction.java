package org.tsoinspector.analysis;

/** What a ramp plot follows up the ramp: one pixel, or a box of pixels reduced per group (Rampviz's extraction). */
public enum RampExtraction {
    PIXEL("crosshair pixel"),
    MEAN("mean of a box"),
    MEDIAN("median of a box");

    private final String label;

    RampExtraction(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
