package org.tsoinspector.calib;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.fits.ReferenceFinder;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SuperbiasReference;

/**
 * The reference files of one exposure, cut to its window; any may be null when no step needs it.
 * {@link #load} takes files named directly (the reference pipeline's override_&lt;reftype&gt;) or searches
 * a folder ({@code --refs DIR}, else {@code $CRDS_PATH}) as cli.md describes.
 *
 * @param userSuppliedDq dq_init's user_supplied_dq flags cut to the window, or null when none was given
 */
public record ReferenceSet(MaskReference mask, SaturationReference saturation, SuperbiasReference superbias,
        LinearityReference linearity, int[] userSuppliedDq) {

    public static final ReferenceSet NONE = new ReferenceSet(null, null, null, null);

    /** The reference files without a user-supplied DQ. */
    public ReferenceSet(MaskReference mask, SaturationReference saturation, SuperbiasReference superbias,
            LinearityReference linearity) {
        this(mask, saturation, superbias, linearity, null);
    }

    /**
     * Loads what the settings' switched-on steps need, and dq_init's user_supplied_dq file when dq_init
     * runs and one is set; otherwise as {@link #load(ExposureMetadata, Set, Map, Path)}.
     */
    public static ReferenceSet load(ExposureMetadata exposure, PipelineSettings settings,
            Map<StepName, Path> explicit, Path refsDir) throws IOException, BadInputException {
        ReferenceSet files = load(exposure, settings.enabled(), explicit, refsDir);
        Path userDq = settings.dqInit().userSuppliedDq();
        if (userDq == null || !settings.isEnabled(StepName.DQ_INIT)) {
            return files;
        }
        return new ReferenceSet(files.mask, files.saturation, files.superbias, files.linearity,
                ReferenceFiles.readUserDq(userDq, exposure));
    }

    /**
     * Loads what the given steps need. The superbias is also loaded for saturation when it can be found
     * (its group-2 test uses it), but is then optional.
     *
     * @param explicit files named by the user, by step (only steps with a reference type)
     * @param refsDir  the folder to search, or null for $CRDS_PATH
     * @throws BadInputException naming the reference type when a needed one cannot be found, or a file
     *                           that does not match the exposure
     */
    public static ReferenceSet load(ExposureMetadata exposure, Set<StepName> steps, Map<StepName, Path> explicit,
            Path refsDir) throws IOException, BadInputException {
        ReferenceFinder finder = ReferenceFinder.forExposure(refsDir, exposure);
        MaskReference mask = null;
        SaturationReference saturation = null;
        SuperbiasReference superbias = null;
        LinearityReference linearity = null;
        if (steps.contains(StepName.DQ_INIT)) {
            mask = ReferenceFiles.readMask(locate(StepName.DQ_INIT, exposure, explicit, finder, true).get(), exposure);
        }
        if (steps.contains(StepName.SATURATION)) {
            saturation = ReferenceFiles.readSaturation(
                    locate(StepName.SATURATION, exposure, explicit, finder, true).get(), exposure);
        }
        boolean needBias = steps.contains(StepName.SUPERBIAS);
        if (needBias || steps.contains(StepName.SATURATION)) {
            Optional<Path> bias = locate(StepName.SUPERBIAS, exposure, explicit, finder, needBias);
            if (bias.isPresent()) {
                superbias = ReferenceFiles.readSuperbias(bias.get(), exposure);
            }
        }
        if (steps.contains(StepName.LINEARITY)) {
            linearity = ReferenceFiles.readLinearity(
                    locate(StepName.LINEARITY, exposure, explicit, finder, true).get(), exposure);
        }
        return new ReferenceSet(mask, saturation, superbias, linearity);
    }

    private static Optional<Path> locate(StepName step, ExposureMetadata exposure, Map<StepName, Path> explicit,
            ReferenceFinder finder, boolean required) throws IOException, BadInputException {
        Path p = explicit.get(step);
        if (p != null) {
            return Optional.of(p);
        }
        return required ? Optional.of(finder.require(step.referenceType(), exposure))
                : finder.find(step.referenceType(), exposure);
    }

    /** File names of the references the given steps use, for the products' R_xxxx keywords. */
    public Map<StepName, String> fileNames(Set<StepName> steps) {
        Map<StepName, String> names = new EnumMap<>(StepName.class);
        put(names, steps, StepName.DQ_INIT, mask == null ? null : mask.header());
        put(names, steps, StepName.SATURATION, saturation == null ? null : saturation.header());
        put(names, steps, StepName.SUPERBIAS, superbias == null ? null : superbias.header());
        put(names, steps, StepName.LINEARITY, linearity == null ? null : linearity.header());
        return names;
    }

    private static void put(Map<StepName, String> names, Set<StepName> steps, StepName step, ReferenceHeader h) {
        if (h != null && steps.contains(step)) {
            names.put(step, Path.of(h.fileName()).getFileName().toString());
        }
    }
}
