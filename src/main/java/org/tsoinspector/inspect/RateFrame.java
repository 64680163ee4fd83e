package org.tsoinspector.inspect;

import org.tsoinspector.calib.RampFitter;

/**
 * One integration's rate image after jump and ramp_fit, as the reference writes it to rateints:
 * SCI and ERR in DN/s, DQ, and the two variances.
 *
 * @param integration 0-based over the exposure
 * @param file        the segment file the integration is in
 * @param jumpStatus  "COMPLETE", or "SKIPPED" when jump did not run (fewer than 3 groups, or switched off)
 */
public record RateFrame(int integration, String file, int ny, int nx, RampFitter.IntegrationFit fit,
        String jumpStatus) {
}
