package org.tsoinspector.inspect;

/** Which extension of a rate image to show: the rate, its total error, or its DQ. */
public enum RatePlane {
    SCI("rate (SCI)"),
    ERR("error (ERR)"),
    DQ("flags (DQ)");

    private final String label;

    RatePlane(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
