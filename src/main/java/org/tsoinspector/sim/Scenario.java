package org.tsoinspector.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.tsoinspector.model.BadInputException;

/**
 * What to simulate, in four parts that change independently: the run (geometry, exposure size,
 * seed, segmenting), the target and its light, the transit, and the detector and sky effects with
 * their strengths. Read from a small properties file (see samples/README.md for the keys); every
 * key has a default, so an empty file is the WASP-43b SUBSTRIP256 default.
 */
public record Scenario(String name, String description, Run run, Target target, Transit transit,
        Detector detector) {

    /** Segments stay below 2 GB, like the flight pipeline's. */
    public static final long DEFAULT_MAX_SEGMENT_BYTES = 1_900_000_000L;

    /**
     * How the exposure is taken and written.
     *
     * @param seed               seeds every random choice: the same seed gives the same files
     * @param maxSegmentBytes    upper bound of one segment file's SCI cube; longer exposures are split
     * @param subarrayReferences reference files cut to the exposure's window instead of full frame
     * @param exposureStartMjd   EXPSTART, MJD UTC
     */
    public record Run(Geometry geometry, int nInts, int nGroups, boolean zeroFrame, long seed, long maxSegmentBytes,
            boolean subarrayReferences, double exposureStartMjd) {

        public Run {
            if (nInts < 1 || nGroups < 2) {
                throw new IllegalArgumentException("a ramp needs at least 1 integration and 2 groups (got " + nInts
                        + " x " + nGroups + ")");
            }
            if (maxSegmentBytes < 1) {
                throw new IllegalArgumentException("segment.max_bytes must be positive");
            }
        }

        public Run withIntegrations(int n) {
            return new Run(geometry, n, nGroups, zeroFrame, seed, maxSegmentBytes, subarrayReferences,
                    exposureStartMjd);
        }

        public Run withSeed(long s) {
            return new Run(geometry, nInts, nGroups, zeroFrame, s, maxSegmentBytes, subarrayReferences,
                    exposureStartMjd);
        }

        public Run withMaxSegmentBytes(long bytes) {
            return new Run(geometry, nInts, nGroups, zeroFrame, seed, bytes, subarrayReferences, exposureStartMjd);
        }

        static Run parse(Properties p) {
            return new Run(Geometry.parse(p.getProperty("geometry", "SUBSTRIP256")),
                    integer(p, "nints", 190),
                    integer(p, "ngroups", 6),
                    bool(p, "zeroframe", false),
                    Long.parseLong(p.getProperty("seed", "43").trim()),
                    Long.parseLong(p.getProperty("segment.max_bytes",
                            String.valueOf(DEFAULT_MAX_SEGMENT_BYTES)).trim()),
                    references(p),
                    real(p, "exposure.start_mjd", 59761.25));
        }
    }

    /**
     * The star: its catalogue identity and the light it puts on the detector.
     *
     * @param illumination   where the light comes from
     * @param rateBackground DN/s subtracted from the real rate image before scaling (its own sky)
     * @param peakDn         DN above bias that the {@code peakPercentile} pixel of the illuminated
     *                       pixels collects by the last group
     * @param peakPercentile percentile (0-100) of the illumination that reaches {@code peakDn}
     */
    public record Target(String name, double ra, double dec, Illumination.Source illumination, double rateBackground,
            double peakDn, double peakPercentile) {

        public Target {
            if (peakDn <= 0 || peakDn > 60000) {
                throw new IllegalArgumentException("brightness.peak_dn must be in (0, 60000], not " + peakDn);
            }
        }

        static Target parse(Properties p) {
            return new Target(p.getProperty("target.name", "WASP-43").trim(),
                    real(p, "target.ra", 154.90818),
                    real(p, "target.dec", -9.80645),
                    Illumination.Source.parse(p.getProperty("illumination", "rate_image")),
                    real(p, "illumination.background", 4.0),
                    real(p, "brightness.peak_dn", 20000),
                    real(p, "brightness.percentile", 99.9));
        }
    }

    /**
     * The planet's transit, if one is injected.
     *
     * @param offsetDays mid-transit minus mid-exposure, days
     */
    public record Transit(boolean injected, double period, double radiusRatio, double semiMajorAxis,
            double inclination, double limbDarkening1, double limbDarkening2, double offsetDays) {

        /** The transit model with mid-transit placed relative to the exposure's mid time (BJD TDB as MJD). */
        public TransitModel model(double exposureMidBjd) {
            return new TransitModel(period, radiusRatio, semiMajorAxis, inclination, limbDarkening1, limbDarkening2,
                    exposureMidBjd + offsetDays);
        }

        static Transit parse(Properties p) {
            return new Transit(bool(p, "transit", true),
                    real(p, "transit.period", 0.81347753),
                    real(p, "transit.rp_rs", 0.159),
                    real(p, "transit.a_rs", 4.87),
                    real(p, "transit.inclination", 82.33),
                    real(p, "transit.u1", 0.40),
                    real(p, "transit.u2", 0.20),
                    real(p, "transit.offset_days", 0));
        }
    }

    /**
     * Which detector and sky effects are simulated, and their strengths.
     *
     * @param biasOffset level of the exposure's bias relative to the SUPERBIAS, DN (seen by the
     *                   reference pixels: below zero after superbias, removed by refpix)
     */
    public record Detector(Set<Effect> effects, double gain, double readNoise, double oneOverFRms, double oddEvenRms,
            double driftRms, double biasOffset, double darkRate, double zodiRate, double cosmicRayFraction,
            double nonlinearity2, double nonlinearity3, double wellDepth) {

        public Detector {
            // in enum order, so that toString (the sample cache's fingerprint) is the same in every run
            effects = Collections.unmodifiableSet(effects.isEmpty() ? EnumSet.noneOf(Effect.class)
                    : EnumSet.copyOf(effects));
            if (gain <= 0) {
                throw new IllegalArgumentException("detector.gain must be positive");
            }
        }

        public boolean has(Effect e) {
            return effects.contains(e);
        }

        static Detector parse(Properties p) {
            Set<Effect> effects = EnumSet.allOf(Effect.class);
            String only = p.getProperty("effects.only", "").trim();
            if (!only.isEmpty()) {
                effects = EnumSet.noneOf(Effect.class);
                for (String e : only.split("[,\\s]+")) {
                    effects.add(Effect.parse(e));
                }
            }
            for (String e : p.getProperty("effects.off", "").trim().split("[,\\s]+")) {
                if (!e.isEmpty()) {
                    effects.remove(Effect.parse(e));
                }
            }
            return new Detector(effects,
                    real(p, "detector.gain", 1.61),
                    real(p, "detector.read_noise", 10),
                    real(p, "detector.one_over_f_rms", 6),
                    real(p, "detector.odd_even_rms", 5),
                    real(p, "detector.drift_rms", 8),
                    real(p, "detector.bias_offset", -350),
                    real(p, "detector.dark_rate", 0.02),
                    real(p, "sky.zodi_rate", 4.0),
                    real(p, "cosmic_rays.fraction", 0.005),
                    real(p, "detector.nonlinearity_c2", 1.3e-6),
                    real(p, "detector.nonlinearity_c3", 6e-12),
                    real(p, "detector.well_depth", 33000));
        }
    }

    /** The same scenario run differently (the target, transit and detector unchanged). */
    public Scenario withRun(Run r) {
        return new Scenario(name, description, r, target, transit, detector);
    }

    /** The same scenario with another number of integrations. */
    public Scenario withIntegrations(int n) {
        return withRun(run.withIntegrations(n));
    }

    /** The same scenario with another seed. */
    public Scenario withSeed(long s) {
        return withRun(run.withSeed(s));
    }

    /** The same scenario with another limit on a segment file's size. */
    public Scenario withMaxSegmentBytes(long bytes) {
        return withRun(run.withMaxSegmentBytes(bytes));
    }

    /** The default scenario: WASP-43b in SUBSTRIP256 with 6 groups. */
    public static Scenario defaults(String name) {
        try {
            return parse(name, new StringReader(""), "defaults");
        } catch (BadInputException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a scenario file; its name (without .properties) is the scenario's name. */
    public static Scenario load(Path file) throws IOException, BadInputException {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".properties") ? fileName.substring(0, fileName.length() - 11) : fileName;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(name, r, file.toString());
        }
    }

    /** Reads a scenario from a stream (a sample inside the jar). */
    public static Scenario load(String name, InputStream in, String source) throws IOException, BadInputException {
        return parse(name, new java.io.InputStreamReader(in, StandardCharsets.UTF_8), source);
    }

    private static final Set<String> KEYS = Set.of("description", "geometry", "nints", "ngroups", "seed",
            "zeroframe", "illumination", "illumination.background", "brightness.peak_dn", "brightness.percentile",
            "transit", "transit.period", "transit.rp_rs", "transit.a_rs", "transit.inclination", "transit.u1",
            "transit.u2", "transit.offset_days", "effects.off", "effects.only", "detector.gain",
            "detector.read_noise", "detector.one_over_f_rms", "detector.odd_even_rms", "detector.drift_rms",
            "detector.bias_offset", "detector.dark_rate", "detector.nonlinearity_c2", "detector.nonlinearity_c3",
            "detector.well_depth", "sky.zodi_rate", "cosmic_rays.fraction", "segment.max_bytes", "references",
            "exposure.start_mjd", "target.name", "target.ra", "target.dec");

    static Scenario parse(String name, Reader reader, String source) throws IOException, BadInputException {
        Properties p = new Properties();
        p.load(reader);
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new BadInputException(source, "unknown scenario key '" + key + "'");
            }
        }
        try {
            return new Scenario(name,
                    p.getProperty("description", "WASP-43b transit, NIRISS/SOSS SUBSTRIP256, 6 groups"),
                    Run.parse(p), Target.parse(p), Transit.parse(p), Detector.parse(p));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, e.getMessage());
        }
    }

    private static boolean references(Properties p) {
        String v = p.getProperty("references", "full_frame").trim().toLowerCase(Locale.ROOT);
        if (!v.equals("full_frame") && !v.equals("subarray")) {
            throw new IllegalArgumentException("references = '" + v + "' is not full_frame or subarray");
        }
        return v.equals("subarray");
    }

    private static String value(Properties p, String key) {
        return p.getProperty(key).trim();
    }

    private static int integer(Properties p, String key, int def) {
        if (!p.containsKey(key)) {
            return def;
        }
        try {
            return Integer.parseInt(value(p, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + value(p, key) + "' is not a whole number");
        }
    }

    private static double real(Properties p, String key, double def) {
        if (!p.containsKey(key)) {
            return def;
        }
        try {
            return Double.parseDouble(value(p, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = '" + value(p, key) + "' is not a number");
        }
    }

    private static boolean bool(Properties p, String key, boolean def) {
        if (!p.containsKey(key)) {
            return def;
        }
        String v = value(p, key).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key + " = '" + v + "' is not true or false");
        }
        return v.equals("true");
    }
}
