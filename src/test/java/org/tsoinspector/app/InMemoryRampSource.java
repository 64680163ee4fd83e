package org.tsoinspector.app;

import java.util.Set;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;
import org.tsoinspector.model.SubarrayWindow;

/**
 * A small SOSS-like exposure made in memory for window tests: sample (i, g, y, x) is
 * 1000 + 100*g + 10*i + x, so every value a test reads is known by hand.
 */
final class InMemoryRampSource implements RampSource {

    static final int NX = 64;
    static final int NY = 16;

    private final String name;
    private final int nInts;
    private final int nGroups;
    private final int ny;
    private final int nx;
    private final int[] pixelDq;

    InMemoryRampSource(int nInts, int nGroups) {
        this("memory_uncal.fits", nInts, nGroups, NY, NX);
    }

    /** Another exposure: its own name and geometry (a window of ny x nx at the same place). */
    InMemoryRampSource(String name, int nInts, int nGroups, int ny, int nx) {
        this.name = name;
        this.nInts = nInts;
        this.nGroups = nGroups;
        this.ny = ny;
        this.nx = nx;
        this.pixelDq = new int[nx * ny];
    }

    static float expected(int i, int g, int y, int x) {
        return 1000 + 100 * g + 10 * i + x;
    }

    int[] pixelDqArray() {
        return pixelDq;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ExposureMetadata metadata() {
        return new ExposureMetadata("NIRISS", "NIS", "NIS_SOSS", "SUBSTRIP256",
                new SubarrayWindow(1, 1793, nx, ny), new DetectorOrientation(-2, -1), 1, nInts, nGroups, 1, 0,
                5.5, 5.5, "NISRAPID", 1, 1, 1, nInts, "2022-07-01T00:00:00", false, Set.of());
    }

    @Override
    public int integrationCount() {
        return nInts;
    }

    @Override
    public Ramp readIntegration(int i) {
        Ramp r = Ramp.zeros(i, nGroups, ny, nx, false);
        for (int g = 0; g < nGroups; g++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    r.data()[r.index(g, y, x)] = expected(i, g, y, x);
                }
            }
        }
        return r;
    }

    @Override
    public float[] readGroup(int i, int group) {
        return readIntegration(i).frame(group);
    }

    @Override
    public int[] pixelDq() {
        return pixelDq.clone();
    }

    @Override
    public IntegrationTimes integrationTimes() {
        return null;
    }

    @Override
    public void close() {
    }
}
