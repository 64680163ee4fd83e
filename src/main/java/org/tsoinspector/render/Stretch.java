package org.tsoinspector.render;

/**
 * Maps a value already scaled to [0, 1] between the display limits onto [0, 1] of the colour
 * table; the curves are astropy.visualization's defaults (LogStretch a=1000, AsinhStretch a=0.1).
 */
public enum Stretch {
    LINEAR {
        @Override
        public double apply(double t) {
            return t;
        }
    },
    LOG {
        private final double norm = Math.log(1001);

        @Override
        public double apply(double t) {
            return Math.log(1000 * t + 1) / norm;
        }
    },
    SQRT {
        @Override
        public double apply(double t) {
            return Math.sqrt(t);
        }
    },
    ASINH {
        private final double norm = asinh(10);

        @Override
        public double apply(double t) {
            return asinh(t / 0.1) / norm;
        }
    };

    /** The stretched position of t (t in [0, 1]; the result is in [0, 1]). */
    public abstract double apply(double t);

    /** Position t in [0, 1] whose stretched position is s: for colorbar ticks. */
    public double inverse(double s) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (apply(mid) < s) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    /** Lower-case name for menus and options. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The stretch of a lower-case name ("linear", "log", "sqrt", "asinh"). */
    public static Stretch fromId(String id) {
        for (Stretch s : values()) {
            if (s.id().equalsIgnoreCase(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stretch '" + id + "' (expected linear, log, sqrt or asinh)");
    }
}
