package org.tsoinspector.analysis;

/** Which line of a frame a profile follows: a column (values along rows) or a row (along columns). */
public enum ProfileAxis {
    COLUMN("Column", "Row pixel index"),
    ROW("Row", "Column pixel index");

    private final String label;
    private final String alongLabel;

    ProfileAxis(String label, String alongLabel) {
        this.label = label;
        this.alongLabel = alongLabel;
    }

    /** "Column" or "Row", for titles. */
    public String label() {
        return label;
    }

    /** What the profile's x axis counts ("Row pixel index" for a column profile, as in the notebook). */
    public String alongLabel() {
        return alongLabel;
    }
}
