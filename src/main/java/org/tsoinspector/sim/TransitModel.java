package org.tsoinspector.sim;

/**
 * The relative flux of a star transited by a planet on a circular orbit, with quadratic limb
 * darkening. The blocked flux is integrated numerically over the stellar disk in annuli (the
 * exact Mandel & Agol value to about 1e-6 for these sizes), so large planets such as WASP-43b
 * (Rp/Rs = 0.159) need no small-planet approximation.
 *
 * @param period        orbital period, days
 * @param radiusRatio   Rp/Rs
 * @param semiMajorAxis a/Rs
 * @param inclination   degrees
 * @param u1            linear limb-darkening coefficient
 * @param u2            quadratic limb-darkening coefficient
 * @param midTime       time of mid-transit, same time scale as the argument of {@link #flux}
 */
public record TransitModel(double period, double radiusRatio, double semiMajorAxis, double inclination, double u1,
        double u2, double midTime) {

    private static final int ANNULI = 2000;

    /** Projected centre-to-centre distance in stellar radii at time t (days), or infinity behind the star. */
    public double separation(double t) {
        double phase = 2 * Math.PI * (t - midTime) / period;
        if (Math.cos(phase) <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double inc = Math.toRadians(inclination);
        double s = Math.sin(phase);
        double c = Math.cos(inc) * Math.cos(phase);
        return semiMajorAxis * Math.sqrt(s * s + c * c);
    }

    /** Impact parameter a/Rs cos(i). */
    public double impactParameter() {
        return semiMajorAxis * Math.cos(Math.toRadians(inclination));
    }

    /** Relative flux (1 out of transit) at time t. */
    public double flux(double t) {
        return fluxAtSeparation(separation(t));
    }

    /** Relative flux with the planet's centre at distance z (stellar radii) from the star's centre. */
    public double fluxAtSeparation(double z) {
        double p = radiusRatio;
        if (z >= 1 + p) {
            return 1.0;
        }
        // blocked = sum over annuli of I(r) * (arc length of the annulus inside the planet's disk) dr
        double lo = Math.max(0, z - p);
        double hi = Math.min(1, z + p);
        double dr = (hi - lo) / ANNULI;
        double blocked = 0;
        for (int k = 0; k < ANNULI; k++) {
            double r = lo + (k + 0.5) * dr;
            double arc;
            if (r <= p - z) {
                arc = 2 * Math.PI * r; // annulus wholly inside the planet's disk
            } else {
                double cos = (r * r + z * z - p * p) / (2 * r * z);
                arc = 2 * r * Math.acos(Math.max(-1, Math.min(1, cos)));
            }
            blocked += intensity(r) * arc * dr;
        }
        double total = Math.PI * (1 - u1 / 3 - u2 / 6);
        return 1 - blocked / total;
    }

    private double intensity(double r) {
        double mu = Math.sqrt(Math.max(0, 1 - r * r));
        return 1 - u1 * (1 - mu) - u2 * (1 - mu) * (1 - mu);
    }

    /** Depth at mid-transit, 1 - flux(midTime). */
    public double centralDepth() {
        return 1 - fluxAtSeparation(impactParameter());
    }

    /** Total duration T14 in days (first to fourth contact). */
    public double duration() {
        double inc = Math.toRadians(inclination);
        double b = impactParameter();
        double chord = Math.sqrt(Math.max(0, (1 + radiusRatio) * (1 + radiusRatio) - b * b));
        return period / Math.PI * Math.asin(chord / (semiMajorAxis * Math.sin(inc)));
    }
}
