package org.tsoinspector.model;

/**
 * The calibration steps in pipeline order, with the reference pipeline's names and keywords: the five
 * detector steps, then the three that turn ramps into rate images (ramp.md).
 */
public enum StepName {
    DQ_INIT("dq_init", "DQInitStep", "S_DQINIT", "mask"),
    SATURATION("saturation", "SaturationStep", "S_SATURA", "saturation"),
    SUPERBIAS("superbias", "SuperBiasStep", "S_SUPERB", "superbias"),
    REFPIX("refpix", "RefPixStep", "S_REFPIX", null),
    LINEARITY("linearity", "LinearityStep", "S_LINEAR", "linearity"),
    DARK_CURRENT("dark_current", "DarkCurrentStep", "S_DARK", "dark"),
    JUMP("jump", "JumpStep", "S_JUMP", "gain"),
    RAMP_FIT("ramp_fit", "RampFitStep", "S_RAMP", "readnoise");

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

    /**
     * The CRDS reference type (lower case) the step's option names, or null (refpix needs none for NIR
     * non-IRS2). jump and ramp_fit both use GAIN and READNOISE: jump is keyed to the GAIN file (--gain),
     * ramp_fit to the READNOISE file (--readnoise), and each step reads the other's file too.
     */
    public String referenceType() {
        return referenceType;
    }

    /**
     * The steps that run when none are named: the five detector steps. The ramp steps need DARK, GAIN
     * and READNOISE references, which detector-level inputs often come without, so they run when asked.
     */
    public static final java.util.Set<StepName> DEFAULT_STEPS = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.range(DQ_INIT, LINEARITY));

    /** Whether the step corrects one integration at a time (jump and ramp_fit need the whole segment). */
    public boolean perIntegration() {
        return ordinal() <= DARK_CURRENT.ordinal();
    }

    public static StepName fromId(String id) {
        for (StepName s : values()) {
            if (s.id.equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown step '" + id
                + "' (expected dq_init, saturation, superbias, refpix, linearity, dark_current, jump or ramp_fit)");
    }
}
