package org.tsoinspector.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tsoinspector.calib.Pipeline;
import org.tsoinspector.calib.ReferenceSet;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.MaskReference;
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
        List<String> notes) {

    static LoadedReferences load(ExposureMetadata md, String inputName, StepConfiguration c, ReferencePolicy policy)
            throws IOException, BadInputException {
        // steps a saved product already went through never run again, so need no file
        Set<StepName> on = Pipeline.runnable(md, c.settings().enabled());
        Map<StepName, Path> files = new EnumMap<>(StepName.class);
        Map<StepName, BadInputException> problems = new EnumMap<>(StepName.class);
        List<String> notes = new ArrayList<>();
        Object[] read = new Object[StepName.values().length];
        for (StepName step : StepName.values()) {
            if (step.referenceType() == null) {
                continue;
            }
            Optional<Path> p = policy.locate(step, c.chosenReferences(), md);
            if (p.isEmpty()) {
                problems.put(step, new BadInputException(inputName, policy.notFound(step, md)));
                continue;
            }
            files.put(step, p.get());
            // saturation's group-2 test uses the superbias when there is one
            boolean needed = on.contains(step) || step == StepName.SUPERBIAS && on.contains(StepName.SATURATION);
            if (!needed) {
                continue;
            }
            try {
                read[step.ordinal()] = switch (step) {
                    case DQ_INIT -> ReferenceFiles.readMask(p.get(), md);
                    case SATURATION -> ReferenceFiles.readSaturation(p.get(), md);
                    case SUPERBIAS -> ReferenceFiles.readSuperbias(p.get(), md);
                    case LINEARITY -> ReferenceFiles.readLinearity(p.get(), md);
                    default -> throw new IllegalStateException(step + " has no reference type");
                };
                String dqNote = ReferenceFiles.dqDefinitions(p.get()).note(p.get().getFileName().toString());
                if (!dqNote.isEmpty()) {
                    notes.add(step.id() + ": " + dqNote);
                }
            } catch (BadInputException e) {
                problems.put(step, e);
            }
        }
        Path userDqFile = c.settings().dqInit().userSuppliedDq();
        int[] userDq = userDqFile == null || !on.contains(StepName.DQ_INIT) ? null
                : ReferenceFiles.readUserDq(userDqFile, md);
        ReferenceSet set = new ReferenceSet((MaskReference) read[StepName.DQ_INIT.ordinal()],
                (SaturationReference) read[StepName.SATURATION.ordinal()],
                (SuperbiasReference) read[StepName.SUPERBIAS.ordinal()],
                (LinearityReference) read[StepName.LINEARITY.ordinal()], userDq);
        return new LoadedReferences(set, files, problems, List.copyOf(notes));
    }

    /** True when the step needs no reference or its reference was read. */
    boolean usable(StepName step) {
        return step.referenceType() == null || !problems.containsKey(step);
    }

    /** Why a step's reference cannot be used, naming the file, or null. */
    BadInputException problem(StepName step) {
        return problems.get(step);
    }

    /** What the step list says of a step whose reference cannot be used. */
    String shortProblem(StepName step) {
        BadInputException e = problems.get(step);
        return e == null ? "" : files.containsKey(step) ? e.problem() : "no reference";
    }

    /** True when these settings need no file this load has not read. */
    boolean covers(StepConfiguration c, StepConfiguration loadedFor) {
        if (!c.chosenReferences().equals(loadedFor.chosenReferences())
                || !c.settings().dqInit().equals(loadedFor.settings().dqInit())) {
            return false;
        }
        for (StepName s : c.settings().enabled()) {
            boolean wasRead = loadedFor.settings().isEnabled(s)
                    || s == StepName.SUPERBIAS && loadedFor.settings().isEnabled(StepName.SATURATION);
            if (s.referenceType() != null && files.containsKey(s) && !wasRead) {
                return false;
            }
        }
        if (c.settings().isEnabled(StepName.SATURATION) && !loadedFor.settings().isEnabled(StepName.SATURATION)
                && !loadedFor.settings().isEnabled(StepName.SUPERBIAS) && files.containsKey(StepName.SUPERBIAS)) {
            return false;
        }
        return true;
    }
}
