package org.tsoinspector.model;

/** The five calibration steps in pipeline order, with the reference pipeline's names and keywords. */
public enum StepName {
    DQ_INIT("dq_init", "DQInitStep", "S_DQINIT", "mask"),
    SATURATION("saturation", "SaturationStep", "S_SATURA", "saturation"),
    SUPERBIAS("superbias", "SuperBiasStep", "S_SUPERB", "superbias"),
    REFPIX("refpix", "RefPixStep", "S_REFPIX", null),
    LINEARITY("linearity", "LinearityStep", "S_LINEAR", "linearity");

    private final String id;
    private final String className;
    private final String statusKeyword;
    private final String referenceType;

    StepName(String id, String className, String statusKeyword, String referenceType) {
        this.id = id;
        this.className = className;
        this.statusKeyword = statusKeyword;
        this.referenceType = referenceType;
    }

    /** The pipeline's step name, e.g. "dq_init". */
    public String id() {
        return id;
    }

    /** The step class name, whose lower case is the product suffix ("dqinitstep"). */
    public String className() {
        return className;
    }

    public String productSuffix() {
        return className.toLowerCase(java.util.Locale.ROOT);
    }

    /** The primary-header keyword recording the step's status (S_DQINIT, ...). */
    public String statusKeyword() {
        return statusKeyword;
    }

    /** The CRDS reference type (lower case) the step needs, or null (refpix needs none for NIR non-IRS2). */
    public String referenceType() {
        return referenceType;
    }

    public static StepName fromId(String id) {
        for (StepName s : values()) {
            if (s.id.equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown step '" + id
                + "' (expected dq_init, saturation, superbias, refpix or linearity)");
    }
}
