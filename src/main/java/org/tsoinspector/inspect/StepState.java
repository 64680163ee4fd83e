package org.tsoinspector.inspect;

import java.nio.file.Path;
import org.tsoinspector.model.StepName;

/**
 * What the step list shows for one step: whether it can run, its reference file and its status
 * ("applied", "off", "no reference", "done in input", or why the reference was rejected).
 *
 * @param reference the reference file used, or null (none needed, or none found)
 */
public record StepState(StepName step, boolean available, boolean enabled, Path reference, String status) {

    /** The reference's file name, or what stands in for it. */
    public String referenceName() {
        if (reference != null) {
            // "N/A" is what the reference is given as when the step is skipped, not a file
            return LoadedReferences.isNotApplicable(reference) ? "N/A" : reference.getFileName().toString();
        }
        return step.referenceType() == null ? "(needs none)" : "(none found)";
    }
}
