package org.tsoinspector.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tsoinspector.calib.Pipeline;
import org.tsoinspector.calib.ReferenceSet;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DarkReference;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.PixelValuesReference;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SuperbiasReference;

/**
 * The reference files of one configuration: those the switched-on steps need, read and cut to the
 * window, and for every step whether its file was found (and where) or why it cannot be used. A step
 * whose reference is missing or unusable does not stop the others: the window switches it off and says
 * why, the command line refuses with {@link #problem} when the step was asked for.
 *
 * @param files    the file found or named per step (also for steps not read because they are off)
 * @param problems one sentence per step whose reference cannot be used
 */
record LoadedReferences(ReferenceSet set, Map<StepName, Path> files, Map<StepName, BadInputException> problems,
        Set<StepName> notFound, List<String> notes) {

    /** What a reference option says when a step does not apply (CRDS's answer then): the step is SKIPPED. */
    static boolean isNotApplicable(Path chosen) {
        return chosen.toString().trim().equalsIgnoreCase("N/A");
    }

    static LoadedReferences load(ExposureMetadata md, String inputName, StepConfiguration c, ReferencePolicy policy)
            throws IOException, BadInputException {
        Set<StepName> needed = needed(md, c);
        Map<StepName, Path> files = new EnumMap<>(StepName.class);
        Map<StepName, BadInputException> problems = new EnumMap<>(StepName.class);
        List<String> notes = new ArrayList<>();
        Set<StepName> notFound = EnumSet.noneOf(StepName.class);
        Set<StepName> notApplicable = EnumSet.noneOf(StepName.class);
        Object[] read = new Object[StepName.values().length];
        for (StepName step : StepName.values()) {
            if (step.referenceType() == null) {
                continue;
            }
            Path chosen = c.chosenReferences().get(step);
            if (chosen != null && isNotApplicable(chosen)) {
                notApplicable.add(step);
                files.put(step, chosen);
                continue;
            }
            Optional<Path> p = policy.locate(step, c.chosenReferences(), md);
            if (p.isEmpty()) {
                problems.put(step, new BadInputException(inputName, policy.notFound(step, md)));
                notFound.add(step);
                continue;
            }
            files.put(step, p.get());
            if (!needed.contains(step)) {
                continue;
            }
            try {
                Object ref = switch (step) {
                    case DQ_INIT -> ReferenceFiles.readMask(p.get(), md);
                    case SATURATION -> ReferenceFiles.readSaturation(p.get(), md);
                    case SUPERBIAS -> ReferenceFiles.readSuperbias(p.get(), md);
                    case LINEARITY -> ReferenceFiles.readLinearity(p.get(), md);
                    case DARK_CURRENT -> ReferenceFiles.readDark(p.get(), md);
                    case JUMP -> ReferenceFiles.readGain(p.get(), md);
                    case RAMP_FIT -> ReferenceFiles.readReadNoise(p.get(), md);
                    default -> throw new IllegalStateException(step + " has no reference type");
                };
                read[step.ordinal()] = ref;
                ReferenceHeader h = header(ref);
                if (h.instrument().isEmpty() || h.detector().isEmpty()) {
                    notes.add(step.id() + ": " + h.fileName() + " states no " + (h.instrument().isEmpty()
                            ? "INSTRUME" : "DETECTOR") + ": used as given, since the reference pipeline compares"
                            + " neither for a file named for the step");
                }
                String dqNote = ReferenceFiles.dqDefinitions(p.get()).note(p.get().getFileName().toString());
                if (!dqNote.isEmpty()) {
                    notes.add(step.id() + ": " + dqNote);
                }
            } catch (BadInputException e) {
                problems.put(step, e);
            }
        }
        Path userDqFile = c.settings().dqInit().userSuppliedDq();
        int[] userDq = userDqFile == null || !needed.contains(StepName.DQ_INIT) ? null
                : ReferenceFiles.readUserDq(userDqFile, md);
        Optional<String> unsupported = Pipeline.unsupported(md);
        if (unsupported.isPresent()) {
            for (StepName step : StepName.values()) {
                problems.put(step, new BadInputException(inputName, unsupported.get()));
            }
        }
        ReferenceSet set = new ReferenceSet((MaskReference) read[StepName.DQ_INIT.ordinal()],
                (SaturationReference) read[StepName.SATURATION.ordinal()],
                (SuperbiasReference) read[StepName.SUPERBIAS.ordinal()],
                (LinearityReference) read[StepName.LINEARITY.ordinal()],
                (DarkReference) read[StepName.DARK_CURRENT.ordinal()],
                (PixelValuesReference) read[StepName.JUMP.ordinal()],
                (PixelValuesReference) read[StepName.RAMP_FIT.ordinal()], userDq, notApplicable);
        return new LoadedReferences(set, files, problems, notFound, List.copyOf(notes));
    }

    private static ReferenceHeader header(Object reference) {
        if (reference instanceof MaskReference m) {
            return m.header();
        } else if (reference instanceof SaturationReference s) {
            return s.header();
        } else if (reference instanceof SuperbiasReference b) {
            return b.header();
        } else if (reference instanceof DarkReference d) {
            return d.header();
        } else if (reference instanceof PixelValuesReference v) {
            return v.header();
        }
        return ((LinearityReference) reference).header();
    }

    /** True when the step can run: it needs no reference, or its reference was read (or is N/A). */
    boolean usable(StepName step) {
        return !problems.containsKey(step);
    }

    boolean notApplicable(StepName step) {
        return set.notApplicable().contains(step);
    }

    /** Why a step's reference cannot be used, naming the file, or null. */
    BadInputException problem(StepName step) {
        return problems.get(step);
    }

    /** What the step list says of a step whose reference cannot be used. */
    String shortProblem(StepName step) {
        BadInputException e = problems.get(step);
        return e == null ? "" : notFound.contains(step) ? "no reference" : e.problem();
    }

    /**
     * The steps whose reference files a configuration reads: those that will run (a saved product's
     * done steps never run again), the superbias for saturation's group-2 test, and both GAIN and
     * READNOISE for either of jump and ramp_fit.
     */
    static Set<StepName> needed(ExposureMetadata md, StepConfiguration c) {
        Set<StepName> on = EnumSet.noneOf(StepName.class);
        on.addAll(Pipeline.runnable(md, c.settings().enabled()));
        if (on.contains(StepName.SATURATION)) {
            on.add(StepName.SUPERBIAS);
        }
        if (on.contains(StepName.JUMP) || on.contains(StepName.RAMP_FIT)) {
            on.add(StepName.JUMP); // both read GAIN (jump's file) and READNOISE (ramp_fit's)
            on.add(StepName.RAMP_FIT);
        }
        return on;
    }

    /** True when configuration c needs no file that the load made for {@code loadedFor} has not read. */
    boolean covers(ExposureMetadata md, StepConfiguration c, StepConfiguration loadedFor) {
        return c.chosenReferences().equals(loadedFor.chosenReferences())
                && c.settings().dqInit().equals(loadedFor.settings().dqInit())
                && needed(md, loadedFor).containsAll(needed(md, c));
    }
}
