package org.tsoinspector.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tsoinspector.fits.FitsFile;
import org.tsoinspector.fits.ReferenceFinder;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.StepName;

/**
 * Where the reference files of an exposure come from, the same for the window and the command line:
 * a file named for the step, else the {@code --refs} folder, else {@code refs/} beside the first
 * segment, else beside it, else {@code $CRDS_PATH/references/jwst/<instrument>/}; the first folder
 * holding a matching file wins.
 *
 * @param refsDir the folder given with --refs (or chosen in the window), or null
 * @param folders the folders searched, in order (refsDir first when given)
 */
public record ReferencePolicy(Path refsDir, List<Path> folders) {

    public ReferencePolicy {
        folders = List.copyOf(new LinkedHashSet<>(folders)); // --refs DIR may be refs/ beside the file
    }

    /**
     * The step a reference file is for, by its REFTYPE (GAIN: jump, READNOISE: ramp_fit); empty for a
     * file that is not a reference file or cannot be read (opening it as an exposure then says why).
     */
    public static Optional<StepName> stepUsing(Path file) {
        String type;
        try {
            type = FitsFile.readPrimaryHeader(file).string("REFTYPE", "").trim();
        } catch (IOException | BadInputException | RuntimeException e) {
            return Optional.empty();
        }
        for (StepName s : StepName.values()) {
            if (s.referenceType() != null && s.referenceType().equalsIgnoreCase(type)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The policy for an exposure whose first segment is {@code firstFile}. */
    public static ReferencePolicy of(Path firstFile, Path refsDir, ExposureMetadata exposure) {
        List<Path> folders = new ArrayList<>();
        if (refsDir != null) {
            folders.add(refsDir);
        }
        Path dir = firstFile.toAbsolutePath().getParent();
        if (dir != null) {
            folders.add(dir.resolve("refs"));
            folders.add(dir);
        }
        folders.add(ReferenceFinder.forExposure(null, exposure).folder());
        return new ReferencePolicy(refsDir, folders);
    }

    /** The file for a step: the one named, else the first match in the folders; empty when none. */
    public Optional<Path> locate(StepName step, Map<StepName, Path> named, ExposureMetadata exposure)
            throws IOException {
        Path p = named.get(step);
        if (p != null) {
            return Optional.of(p);
        }
        for (Path folder : folders) {
            Optional<Path> found = new ReferenceFinder(folder).find(step.referenceType(), exposure);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Why no file was found for a step, naming the folders tried (those that do not exist say so) and
     * how to give one: "no MASK reference file for NIRISS NIS covering ... in /a/refs (no such folder),
     * /a or ~/crds_cache/references/jwst/niriss (no such folder); give one with --mask FILE or a folder
     * with --refs DIR".
     */
    public String notFound(StepName step, ExposureMetadata exposure) {
        StringBuilder tried = new StringBuilder();
        for (int k = 0; k < folders.size(); k++) {
            if (k > 0) {
                tried.append(k == folders.size() - 1 ? " or " : ", ");
            }
            Path f = folders.get(k);
            tried.append(f).append(Files.isDirectory(f) ? "" : " (no such folder)");
        }
        return "no " + step.referenceType().toUpperCase(Locale.ROOT) + " reference file for "
                + exposure.instrument() + " " + exposure.detector() + " covering " + exposure.window() + " in "
                + tried + "; give one with " + option(step) + " FILE or a folder with --refs DIR";
    }

    /** The command-line option that names a step's reference file. */
    public static String option(StepName step) {
        return "--" + step.referenceType().toLowerCase(Locale.ROOT);
    }
}
