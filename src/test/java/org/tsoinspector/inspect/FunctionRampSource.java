package org.tsoinspector.inspect;

import java.util.Set;
import org.tsoinspector.analysis.RampBuilder;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;
import org.tsoinspector.model.SubarrayWindow;

/** A segment made in memory whose samples come from a formula of (integration, group, pixel). */
final class FunctionRampSource implements RampSource {

    /** Sample of integration i, group g, row-major pixel p. */
    interface Sample {
        double at(int i, int g, int p);
    }

    private final int nInts;
    private final int nGroups;
    private final int ny;
    private final int nx;
    private final Sample sample;
    private final IntegrationTimes times;

    FunctionRampSource(int nInts, int nGroups, int ny, int nx, Sample sample, IntegrationTimes times) {
        this.nInts = nInts;
        this.nGroups = nGroups;
        this.ny = ny;
        this.nx = nx;
        this.sample = sample;
        this.times = times;
    }

    @Override
    public String name() {
        return "formula_uncal.fits";
    }

    @Override
    public ExposureMetadata metadata() {
        return new ExposureMetadata("NIRISS", "NIS", "NIS_SOSS", "SUBSTRIP256", new SubarrayWindow(1, 1793, nx, ny),
                new DetectorOrientation(-2, -1), 1, nInts, nGroups, 1, 0, 5.5, 5.5, "NISRAPID", 1, 1, 1, nInts,
                "2022-07-01T00:00:00", false, Set.of());
    }

    @Override
    public int integrationCount() {
        return nInts;
    }

    @Override
    public Ramp readIntegration(int i) {
        return RampBuilder.of(i, nGroups, ny, nx, (g, p) -> sample.at(i, g, p));
    }

    @Override
    public float[] readGroup(int i, int group) {
        return readIntegration(i).frame(group);
    }

    @Override
    public int[] pixelDq() {
        return new int[ny * nx];
    }

    @Override
    public IntegrationTimes integrationTimes() {
        return times;
    }

    @Override
    public void close() {
    }
}
