package org.tsoinspector.calib;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.tsoinspector.model.DarkReference;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.PixelValuesReference;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SuperbiasReference;

/**
 * The reference files of one exposure, cut to its window; any may be null when no step needs it.
 * Where they come from is the inspection's reference policy (inspect.ReferencePolicy), not this layer's.
 *
 * @param userSuppliedDq dq_init's user_supplied_dq flags cut to the window, or null when none was given
 * @param notApplicable  steps whose reference was given as N/A: they are SKIPPED (spec 10.3)
 */
public record ReferenceSet(MaskReference mask, SaturationReference saturation, SuperbiasReference superbias,
        LinearityReference linearity, DarkReference dark, PixelValuesReference gain, PixelValuesReference readNoise,
        int[] userSuppliedDq, Set<StepName> notApplicable) {

    public static final ReferenceSet NONE = new ReferenceSet(null, null, null, null);

    public ReferenceSet {
        notApplicable = Set.copyOf(notApplicable);
    }

    /** The reference files without a user-supplied DQ, every step applicable. */
    public ReferenceSet(MaskReference mask, SaturationReference saturation, SuperbiasReference superbias,
            LinearityReference linearity) {
        this(mask, saturation, superbias, linearity, null, null, null, null, Set.of());
    }

    /** The same references with the three that dark_current, jump and ramp_fit use. */
    public ReferenceSet withRampReferences(DarkReference darkReference, PixelValuesReference gainReference,
            PixelValuesReference readNoiseReference) {
        return new ReferenceSet(mask, saturation, superbias, linearity, darkReference, gainReference,
                readNoiseReference, userSuppliedDq, notApplicable);
    }

    /** File names of the references the given steps use, for the products' R_xxxx keywords. */
    public Map<StepName, String> fileNames(Set<StepName> steps) {
        Map<StepName, String> names = new EnumMap<>(StepName.class);
        put(names, steps, StepName.DQ_INIT, mask == null ? null : mask.header());
        put(names, steps, StepName.SATURATION, saturation == null ? null : saturation.header());
        put(names, steps, StepName.SUPERBIAS, superbias == null ? null : superbias.header());
        put(names, steps, StepName.LINEARITY, linearity == null ? null : linearity.header());
        put(names, steps, StepName.DARK_CURRENT, dark == null ? null : dark.header());
        put(names, steps, StepName.JUMP, gain == null ? null : gain.header());
        put(names, steps, StepName.RAMP_FIT, readNoise == null ? null : readNoise.header());
        return names;
    }

    private static void put(Map<StepName, String> names, Set<StepName> steps, StepName step, ReferenceHeader h) {
        if (h != null && steps.contains(step)) {
            names.put(step, Path.of(h.fileName()).getFileName().toString());
        }
    }
}
