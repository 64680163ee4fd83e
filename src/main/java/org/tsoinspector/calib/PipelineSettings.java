package org.tsoinspector.calib;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.tsoinspector.model.StepName;

/**
 * Which steps are switched on and the parameters of those that have some. Immutable; the steps
 * always run in pipeline order. {@link #withParameter} parses the command line's
 * {@code --param STEP.NAME=VALUE} with the reference pipeline's parameter names.
 */
public record PipelineSettings(Set<StepName> enabled, DqInitStep.Parameters dqInit,
        SaturationStep.Parameters saturation, RefPixStep.Parameters refpix, JumpDetection.Parameters jump,
        SegmentSteps.RampFitParameters rampFit) {

    public static final PipelineSettings DEFAULTS = new PipelineSettings(StepName.DEFAULT_STEPS,
            DqInitStep.Parameters.DEFAULTS, SaturationStep.Parameters.DEFAULTS, RefPixStep.Parameters.DEFAULTS,
            JumpDetection.Parameters.DEFAULTS, SegmentSteps.RampFitParameters.DEFAULTS);

    public PipelineSettings(Set<StepName> enabled, DqInitStep.Parameters dqInit,
            SaturationStep.Parameters saturation, RefPixStep.Parameters refpix) {
        this(enabled, dqInit, saturation, refpix, JumpDetection.Parameters.DEFAULTS,
                SegmentSteps.RampFitParameters.DEFAULTS);
    }

    public PipelineSettings {
        enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
    }

    public boolean isEnabled(StepName step) {
        return enabled.contains(step);
    }

    /** The same settings with one step switched on or off. */
    public PipelineSettings with(StepName step, boolean on) {
        EnumSet<StepName> s = enabled.isEmpty() ? EnumSet.noneOf(StepName.class) : EnumSet.copyOf(enabled);
        if (on) {
            s.add(step);
        } else {
            s.remove(step);
        }
        return new PipelineSettings(s, dqInit, saturation, refpix, jump, rampFit);
    }

    /** The same settings with exactly these steps switched on. */
    public PipelineSettings withEnabled(Set<StepName> steps) {
        return new PipelineSettings(steps, dqInit, saturation, refpix, jump, rampFit);
    }

    /** The same settings with other dq_init parameters. */
    public PipelineSettings withDqInit(DqInitStep.Parameters parameters) {
        return new PipelineSettings(enabled, parameters, saturation, refpix, jump, rampFit);
    }

    /** The same settings with other saturation parameters. */
    public PipelineSettings withSaturation(SaturationStep.Parameters parameters) {
        return new PipelineSettings(enabled, dqInit, parameters, refpix, jump, rampFit);
    }

    /** The same settings with other refpix parameters. */
    public PipelineSettings withRefpix(RefPixStep.Parameters parameters) {
        return new PipelineSettings(enabled, dqInit, saturation, parameters, jump, rampFit);
    }

    /** The parameters of a step, or null for a step without parameters (they are part of a cache key). */
    public Object parametersOf(StepName step) {
        switch (step) {
            case DQ_INIT:
                return dqInit;
            case SATURATION:
                return saturation;
            case REFPIX:
                return refpix;
            default:
                return null;
        }
    }

    /**
     * Sets one parameter, e.g. {@code withParameter("saturation.n_pix_grow_sat=2")}.
     *
     * @throws IllegalArgumentException for an unknown step or name, or a value that does not parse
     */
    public PipelineSettings withParameter(String assignment) {
        int eq = assignment.indexOf('=');
        int dot = assignment.indexOf('.');
        if (eq < 0 || dot < 0 || dot > eq) {
            throw new IllegalArgumentException("'" + assignment + "' is not STEP.NAME=VALUE");
        }
        StepName step = StepName.fromId(assignment.substring(0, dot).trim());
        String name = assignment.substring(dot + 1, eq).trim().toLowerCase(Locale.ROOT);
        String value = assignment.substring(eq + 1).trim();
        return switch (step.id() + "." + name) {
            case "dq_init.user_supplied_dq" -> withDqInit(new DqInitStep.Parameters(
                    value.isEmpty() || value.equalsIgnoreCase("none") ? null : Path.of(value)));
            case "saturation.n_pix_grow_sat" -> withSaturation(saturation.withNPixGrowSat(integer(name, value)));
            case "saturation.use_readpatt" -> withSaturation(saturation.withUseReadPatt(bool(name, value)));
            case "saturation.threshold_scale" -> withSaturation(saturation.withThresholdScale(real(name, value)));
            case "refpix.odd_even_columns" -> withRefpix(refpix.withOddEvenColumns(bool(name, value)));
            case "refpix.use_side_ref_pixels" -> withRefpix(refpix.withUseSideRefPixels(bool(name, value)));
            case "refpix.side_smoothing_length" -> withRefpix(refpix.withSideSmoothingLength(integer(name, value)));
            case "refpix.side_gain" -> withRefpix(refpix.withSideGain(real(name, value)));
            case "refpix.odd_even_rows" -> withRefpix(refpix.withOddEvenRows(bool(name, value)));
            case "refpix.siglimit" -> withRefpix(refpix.withSigLimit(real(name, value)));
            case "refpix.refpix_algorithm" -> withRefpix(refpix.withAlgorithm(RefPixStep.Algorithm.fromId(value)));
            case "ramp_fit.suppress_one_group" -> new PipelineSettings(enabled, dqInit, saturation, refpix, jump,
                    new SegmentSteps.RampFitParameters(bool(name, value)));
            default -> throw new IllegalArgumentException("unknown parameter " + step.id() + "." + name + " (known: "
                    + "dq_init.user_supplied_dq, saturation.n_pix_grow_sat, saturation.use_readpatt, saturation.threshold_scale, "
                    + "refpix.odd_even_columns, refpix.use_side_ref_pixels, refpix.side_smoothing_length, refpix.side_gain, "
                    + "refpix.odd_even_rows, refpix.siglimit, refpix.refpix_algorithm, ramp_fit.suppress_one_group)");
        };
    }

    /**
     * The value of one parameter as {@link #withParameter} spells it, e.g. {@code parameter("refpix.siglimit")}
     * is "3.0"; a missing user_supplied_dq is "none".
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public String parameter(String stepDotName) {
        return switch (stepDotName.trim().toLowerCase(Locale.ROOT)) {
            case "dq_init.user_supplied_dq" -> dqInit.userSuppliedDq() == null ? "none"
                    : dqInit.userSuppliedDq().toString();
            case "saturation.n_pix_grow_sat" -> String.valueOf(saturation.nPixGrowSat());
            case "saturation.use_readpatt" -> String.valueOf(saturation.useReadPatt());
            case "saturation.threshold_scale" -> String.valueOf(saturation.thresholdScale());
            case "refpix.odd_even_columns" -> String.valueOf(refpix.oddEvenColumns());
            case "refpix.use_side_ref_pixels" -> String.valueOf(refpix.useSideRefPixels());
            case "refpix.side_smoothing_length" -> String.valueOf(refpix.sideSmoothingLength());
            case "refpix.side_gain" -> String.valueOf(refpix.sideGain());
            case "refpix.odd_even_rows" -> String.valueOf(refpix.oddEvenRows());
            case "refpix.siglimit" -> String.valueOf(refpix.sigLimit());
            case "refpix.refpix_algorithm" -> refpix.algorithm().id();
            case "ramp_fit.suppress_one_group" -> String.valueOf(rampFit.suppressOneGroup());
            default -> throw new IllegalArgumentException("unknown parameter " + stepDotName);
        };
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs an integer, not '" + value + "'");
        }
    }

    private static double real(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not '" + value + "'");
        }
    }

    private static boolean bool(String name, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "1":
                return true;
            case "false":
            case "no":
            case "0":
                return false;
            default:
                throw new IllegalArgumentException(name + " needs true or false, not '" + value + "'");
        }
    }
}
