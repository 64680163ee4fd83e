package org.tsoinspector.cli;

import org.tsoinspector.calib.PipelineSettings;

/** {@code --param STEP.NAME=VALUE}, the reference pipeline's step parameters, shared by calibrate and plot. */
final class ParameterOption {

    static final String USAGE = "[--param STEP.NAME=VALUE ...]";

    private ParameterOption() {
    }

    /** The settings with one more parameter set; a bad assignment is a usage error. */
    static PipelineSettings apply(PipelineSettings settings, String assignment) throws UsageException {
        try {
            return settings.withParameter(assignment);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--param " + e.getMessage());
        }
    }
}
