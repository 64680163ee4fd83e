package org.tsoinspector.inspect;

/** How the second stage is shown against the first. */
public enum CompareMode {
    SINGLE("One stage"),
    SIDE_BY_SIDE("Side by side"),
    BLINK("Blink (B)"),
    DIFFERENCE("Difference A - B");

    private final String label;

    CompareMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
