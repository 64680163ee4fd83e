package org.tsoinspector.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TransitModelTest {

    static TransitModel wasp43b(double u1, double u2) {
        return new TransitModel(0.81347753, 0.159, 4.87, 82.33, u1, u2, 100.0);
    }

    @Test
    void uniformDiskBlocksTheAreaRatio() {
        TransitModel t = wasp43b(0, 0);
        assertEquals(1 - 0.159 * 0.159, t.fluxAtSeparation(0.0), 1e-6);
        assertEquals(1 - 0.159 * 0.159, t.fluxAtSeparation(0.5), 1e-6);
    }

    @Test
    void outsideTheDiskNothingIsBlocked() {
        TransitModel t = wasp43b(0.4, 0.2);
        assertEquals(1.0, t.fluxAtSeparation(1.16), 0);
        assertEquals(1.0, t.flux(100.0 + 0.4), 0, "half an orbit later the planet is behind the star");
        assertEquals(1.0, t.flux(100.0 + 0.1), 0);
    }

    @Test
    void limbDarkenedDepthFollowsTheLocalIntensity() {
        // small-planet limit: depth = p^2 I(mu) / <I>, <I> = 1 - u1/3 - u2/6
        TransitModel t = new TransitModel(1, 0.01, 10, 90, 0.4, 0.2, 0);
        double r = 0.6;
        double mu = Math.sqrt(1 - r * r);
        double intensity = 1 - 0.4 * (1 - mu) - 0.2 * (1 - mu) * (1 - mu);
        double expected = 1e-4 * intensity / (1 - 0.4 / 3 - 0.2 / 6);
        assertEquals(expected, 1 - t.fluxAtSeparation(r), 1e-3 * expected);
    }

    @Test
    void contactsAreWhereTheDisksTouch() {
        TransitModel t = wasp43b(0.4, 0.2);
        assertEquals(4.87 * Math.cos(Math.toRadians(82.33)), t.separation(100.0), 1e-12);
        assertEquals(1.159, t.separation(100.0 + t.duration() / 2), 1e-9);
        // WASP-43b lasts about 1.2 hours
        assertEquals(1.24, t.duration() * 24, 0.02);
    }
}
