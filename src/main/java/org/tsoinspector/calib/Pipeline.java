package org.tsoinspector.calib;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.StepName;

/**
 * The steps to run on one exposure, in pipeline order, built from settings and reference files. Steps
 * the input already went through (a saved step product's S_xxxx = COMPLETE), and those before them,
 * are never run again.
 */
public final class Pipeline {

    private final List<CalibrationStep> steps;
    private final ReferenceSet references;
    private final SegmentSteps segmentSteps;

    private Pipeline(List<CalibrationStep> steps, ReferenceSet references, SegmentSteps segmentSteps) {
        this.steps = List.copyOf(steps);
        this.references = references;
        this.segmentSteps = segmentSteps;
    }

    /**
     * @param input the input's name, for messages
     * @throws BadInputException when a switched-on step lacks its reference, or when the exposure's
     *                           window is not on the 2048 x 2048 detector
     */
    public static Pipeline of(String input, ExposureMetadata exposure, PipelineSettings settings,
            ReferenceSet references) throws BadInputException {
        Optional<String> unsupported = unsupported(exposure);
        if (unsupported.isPresent()) {
            throw new BadInputException(input, unsupported.get());
        }
        if (!exposure.window().fitsOnDetector()) {
            throw new BadInputException(input, "the window " + exposure.window()
                    + " does not lie inside the 2048 x 2048 detector");
        }
        List<CalibrationStep> steps = new ArrayList<>();
        for (StepName s : runnable(exposure, settings.enabled())) {
            if (references.notApplicable().contains(s)) {
                steps.add(new SkippedStep(s));
                continue;
            }
            switch (s) {
                case DQ_INIT:
                    if (settings.dqInit().userSuppliedDq() != null && references.userSuppliedDq() == null) {
                        throw new IllegalStateException("user_supplied_dq is set but was not read with the references");
                    }
                    steps.add(new DqInitStep(present(input, s, references.mask()), references.userSuppliedDq()));
                    break;
                case SATURATION:
                    steps.add(new SaturationStep(present(input, s, references.saturation()), references.superbias(),
                            settings.saturation()));
                    break;
                case SUPERBIAS:
                    steps.add(new SuperbiasStep(present(input, s, references.superbias())));
                    break;
                case REFPIX:
                    if (exposure.orientation() == null) {
                        throw new BadInputException(input, "has no FASTAXIS and SLOWAXIS keywords, which refpix needs"
                                + " to find the detector's columns and outputs (switch refpix off: --skip refpix)");
                    }
                    steps.add(new RefPixStep(settings.refpix()));
                    break;
                case LINEARITY:
                    steps.add(new LinearityStep(present(input, s, references.linearity())));
                    break;
                case DARK_CURRENT:
                    steps.add(new DarkCurrentStep(present(input, s, references.dark())));
                    break;
                case JUMP:
                case RAMP_FIT:
                    // they need the whole segment: SegmentSteps runs them after the per-integration steps
                    present(input, s, references.gain());
                    if (references.readNoise() == null) {
                        throw new BadInputException(input, "no READNOISE reference file was given or found, and "
                                + s.id() + " needs one");
                    }
                    break;
                default:
                    throw new IllegalStateException(s.toString());
            }
        }
        Set<StepName> run = runnable(exposure, settings.enabled());
        double darkCurrent = references.dark() == null || !run.contains(StepName.DARK_CURRENT) ? 0
                : references.dark().averageDarkCurrent();
        SegmentSteps segment = new SegmentSteps(
                run.contains(StepName.JUMP) && !references.notApplicable().contains(StepName.JUMP),
                run.contains(StepName.RAMP_FIT) && !references.notApplicable().contains(StepName.RAMP_FIT),
                references.gain(), references.readNoise(), darkCurrent, settings.jump(), settings.rampFit());
        return new Pipeline(steps, references, segment);
    }

    /** The instruments whose ramps these steps serve (the NIR detectors; FGS shares their pipeline). */
    private static final Set<String> NIR = Set.of("NIRISS", "NIRCAM", "NIRSPEC", "FGS");

    /**
     * Why no step can run on this exposure here, or empty: detectors and readouts whose algorithms are
     * not implemented are refused in one sentence (spec 10.6) rather than calibrated with the NIR ones.
     */
    public static Optional<String> unsupported(ExposureMetadata exposure) {
        String instrument = exposure.instrument();
        if (instrument.equals("MIRI")) {
            return Optional.of("is a MIRI exposure: MIRI's own algorithms (its refpix, and emicorr, firstframe,"
                    + " lastframe, reset and rscd) are not implemented; this tool calibrates NIRISS, NIRCam, NIRSpec"
                    + " and FGS ramps");
        }
        if (!NIR.contains(instrument)) {
            return Optional.of("is a " + (instrument.isEmpty() ? "(no INSTRUME)" : instrument) + " exposure: only"
                    + " NIRISS, NIRCam, NIRSpec and FGS ramps are calibrated here");
        }
        if (exposure.subarrayName().contains("STRIPE")) {
            // multistripe readouts (SUB164STRIPE4_DHS, SUB204STRIPE_SOSS, ...) interleave stripes of the detector
            return Optional.of("is a multistripe (superstripe) subarray (SUBARRAY " + exposure.subarrayName()
                    + "): its stripe reconstruction is not implemented");
        }
        if (exposure.readPattern().startsWith("NRSIRS2")) {
            return Optional.of("is read out with IRS2 (READPATT " + exposure.readPattern() + "): the IRS2"
                    + " reference-pixel correction is not implemented");
        }
        return Optional.empty();
    }

    /** The switched-on steps that come after everything the input already went through. */
    public static Set<StepName> runnable(ExposureMetadata exposure, Set<StepName> enabled) {
        int lastDone = -1;
        for (StepName s : exposure.completedSteps()) {
            lastDone = Math.max(lastDone, s.ordinal());
        }
        EnumSet<StepName> out = EnumSet.noneOf(StepName.class);
        for (StepName s : enabled) {
            if (s.ordinal() > lastDone) {
                out.add(s);
            }
        }
        return out;
    }

    /** jump and ramp_fit, which need every integration of the segment (null fields: not run). */
    public SegmentSteps segmentSteps() {
        return segmentSteps;
    }

    private static <T> T present(String input, StepName step, T reference) throws BadInputException {
        if (reference == null) {
            throw new BadInputException(input, "no " + step.referenceType().toUpperCase(Locale.ROOT)
                    + " reference file was given or found, and " + step.id() + " needs one");
        }
        return reference;
    }

    public List<CalibrationStep> steps() {
        return steps;
    }

    public List<StepName> stepNames() {
        return steps.stream().map(CalibrationStep::name).toList();
    }

    public ReferenceSet references() {
        return references;
    }

    /** Prepares every step for the exposure, each from the pixel DQ the previous one leaves. */
    public PreparedPipeline prepare(ExposureMetadata exposure, int[] pixelDqIn) throws BadInputException {
        List<PreparedStep> prepared = new ArrayList<>();
        int[] dq = pixelDqIn;
        for (CalibrationStep s : steps) {
            PreparedStep p = s.prepare(exposure, dq);
            prepared.add(p);
            dq = p.pixelDq();
        }
        return new PreparedPipeline(prepared, pixelDqIn);
    }
}
