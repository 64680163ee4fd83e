package org.tsoinspector.sim;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tsoinspector.fits.HeaderCards;
import org.tsoinspector.fits.Mjd;
import org.tsoinspector.fits.UncalWriter;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.SubarrayWindow;

/**
 * Makes the raw ramps of a NIRISS/SOSS time series from a {@link Scenario}: light (scaled rate
 * image or trace model) times the transit light curve, collected frame by frame in electrons with
 * shot noise, dark current and cosmic rays, turned non-linear with the inverse of the LINEARITY
 * polynomial, stopped at the SATURATION thresholds, put on the SUPERBIAS pedestal, and read out
 * with per-group odd/even and drift offsets, 1/f stripes and read noise. Every integration is made
 * from its own random stream, so the result depends only on the seed, not on threads or order.
 */
public final class ExposureSimulator {

    /** TT - UTC plus a barycentric correction for the target, seconds: BJD_TDB - MJD_UTC. */
    static final double BARYCENTRIC_SECONDS = 69.184 - 281.7;
    private static final int REFERENCE_PIXEL = DqFlag.REFERENCE_PIXEL.value();
    private static final int BAD_REFERENCE = DqFlag.BAD_REF_PIXEL.value();
    private static final int ONE_OVER_F_OCTAVES = 9;
    /** Generous bound of a segment's headers and padding. */
    private static final long SEGMENT_HEADERS_BYTES = 100_000;

    private final Scenario sc;
    private final Scenario.Run run;
    /** The detector and sky effects and their strengths. */
    private final Scenario.Detector effects;
    private final DetectorModel detector;
    private final SubarrayWindow window;
    private final int npix;
    private final int nGroups;
    private final double tFrame;
    private final float[] illumination;
    private final IntegrationTimes times;
    private final TransitModel transit;
    /** Per window pixel: full-frame index, detector row (1/f stripe), output*2+column parity. */
    private final int[] fullIndex;
    private final short[] detectorRow;
    private final byte[] readoutChannel;

    public ExposureSimulator(Scenario scenario) {
        this.sc = scenario;
        this.run = scenario.run();
        this.effects = scenario.detector();
        this.detector = new DetectorModel(scenario);
        this.window = run.geometry().window();
        this.npix = window.pixelCount();
        this.nGroups = run.nGroups();
        this.tFrame = run.geometry().tFrame();
        this.illumination = Illumination.forWindow(scenario, window, nGroups * tFrame);
        this.times = exposureTimes();
        double midBjd = 0.5 * (times.startBjdTdb()[0] + times.endBjdTdb()[run.nInts() - 1]);
        this.transit = scenario.transit().model(midBjd);
        this.fullIndex = new int[npix];
        this.detectorRow = new short[npix];
        this.readoutChannel = new byte[npix];
        DetectorOrientation o = detector.orientation();
        int n = SubarrayWindow.DETECTOR_SIZE;
        for (int y = 0; y < window.ySize(); y++) {
            for (int x = 0; x < window.xSize(); x++) {
                int p = y * window.xSize() + x;
                int fy = window.y0() + y;
                int fx = window.x0() + x;
                fullIndex[p] = fy * n + fx;
                detectorRow[p] = (short) o.detectorRow(fy, fx, n);
                int c = o.detectorColumn(fy, fx, n);
                readoutChannel[p] = (byte) (2 * (c / 512) + (c & 1));
            }
        }
    }

    public Scenario scenario() {
        return sc;
    }

    public DetectorModel detector() {
        return detector;
    }

    /** INT_TIMES of the whole exposure. */
    public IntegrationTimes times() {
        return times;
    }

    public TransitModel transit() {
        return transit;
    }

    /** The illumination in DN/s per window pixel before the transit (a copy). */
    public float[] illumination() {
        return illumination.clone();
    }

    /** The relative stellar flux injected into integration i (0-based over the exposure). */
    public double injectedFlux(int i) {
        return sc.transit().injected() ? transit.flux(times.midBjdTdb()[i]) : 1.0;
    }

    private IntegrationTimes exposureTimes() {
        int n = run.nInts();
        // NISRAPID: one reset frame between integrations
        double cycle = (nGroups + 1) * tFrame / 86400.0;
        double length = nGroups * tFrame / 86400.0;
        double bary = BARYCENTRIC_SECONDS / 86400.0;
        int[] num = new int[n];
        double[][] t = new double[6][n];
        for (int i = 0; i < n; i++) {
            num[i] = i + 1;
            double start = run.exposureStartMjd() + i * cycle;
            t[0][i] = start;
            t[1][i] = start + 0.5 * length;
            t[2][i] = start + length;
            for (int k = 0; k < 3; k++) {
                t[3 + k][i] = t[k][i] + bary;
            }
        }
        return new IntegrationTimes(num, t[0], t[1], t[2], t[3], t[4], t[5]);
    }

    /** Bytes one integration adds to a segment file: SCI, ZEROFRAME, its GROUP and INT_TIMES rows. */
    public long integrationBytes() {
        return 2L * npix * (nGroups + (run.zeroFrame() ? 1 : 0)) + 200L * nGroups + 60;
    }

    /** Integrations per segment: as many as keep the file under the scenario's size limit (at least one). */
    public int integrationsPerSegment() {
        long room = run.maxSegmentBytes() - SEGMENT_HEADERS_BYTES;
        return (int) Math.max(1, Math.min(run.nInts(), room / integrationBytes()));
    }

    public int segmentCount() {
        return (run.nInts() + integrationsPerSegment() - 1) / integrationsPerSegment();
    }

    /** Metadata of segment s (1-based), as its primary header states it. */
    public ExposureMetadata segmentMetadata(int s) {
        int per = integrationsPerSegment();
        int start = (s - 1) * per + 1;
        int end = Math.min(run.nInts(), s * per);
        Geometry g = run.geometry();
        return new ExposureMetadata("NIRISS", "NIS", "NIS_SOSS", g.subarrayName(), window, detector.orientation(),
                g.nOutputs(), run.nInts(), nGroups, 1, 0, tFrame, tFrame, "NISRAPID", s, segmentCount(), start, end,
                Mjd.toIso(run.exposureStartMjd()).substring(0, 10), run.zeroFrame(), Set.of());
    }

    /** The file name of segment s (1-based). */
    public String segmentFileName(int s) {
        return String.format("%s-seg%03d_uncal.fits", sc.name(), s);
    }

    /** Integration i (0-based over the exposure) as a ramp in memory, exactly as it is written to file. */
    public Ramp ramp(int i) {
        short[] stored = simulate(i);
        float[] data = new float[stored.length];
        for (int k = 0; k < stored.length; k++) {
            data[k] = (stored[k] & 0xFFFF) ^ 0x8000;
        }
        float[] zero = run.zeroFrame() ? Arrays.copyOf(data, npix) : null;
        return new Ramp(i, nGroups, window.ySize(), window.xSize(), data, new byte[data.length], zero);
    }

    /**
     * Integration i (0-based over the exposure) as stored FITS values (physical uint16 minus 32768),
     * group-major.
     */
    short[] simulate(int i) {
        SplittableRandom rng = new SplittableRandom(mix(run.seed(), i));
        double flux = injectedFlux(i);
        boolean poisson = effects.has(Effect.POISSON);
        boolean nonlinear = effects.has(Effect.NONLINEARITY);
        boolean saturation = effects.has(Effect.SATURATION);
        boolean readNoise = effects.has(Effect.READ_NOISE);
        boolean badPixels = effects.has(Effect.BAD_PIXELS);
        double zodi = effects.has(Effect.ZODI) ? effects.zodiRate() : 0;
        boolean darkOn = effects.has(Effect.DARK);
        double gain = effects.gain();
        double rn = effects.readNoise();
        float[] offsets = channelOffsets(rng);
        float[] stripes = oneOverF(rng);
        long[] cosmicRays = cosmicRays(rng);
        int nextRay = 0;

        float[] bias = detector.bias;
        float[] threshold = detector.threshold;
        float[] coeffs = detector.coeffs;
        int plane = DetectorModel.N * DetectorModel.N;
        short[] out = new short[nGroups * npix];
        for (int p = 0; p < npix; p++) {
            int f = fullIndex[p];
            int dq = detector.maskDq[f];
            boolean reference = (dq & REFERENCE_PIXEL) != 0;
            double perFrame = reference ? 0
                    : ((illumination[p] * flux + zodi) * detector.qe[f] + (darkOn ? detector.dark[f] : 0)) * gain * tFrame;
            double c2 = coeffs[2 * plane + f];
            double c3 = coeffs[3 * plane + f];
            if (Double.isNaN(c3)) {
                c3 = effects.nonlinearity3(); // the detector is still non-linear where the file has no coefficients
            }
            double pedestal = bias[f];
            double plateau = Float.isNaN(threshold[f]) ? 65535 : threshold[f] + 150.0;
            double extraNoise = badPixels && (dq & BAD_REFERENCE) != 0 ? 150 : 0;
            int channel = readoutChannel[p];
            int stripe = detectorRow[p];
            double sigma = Math.sqrt(perFrame);
            double electrons = 0;
            for (int g = 0; g < nGroups; g++) {
                electrons += poisson ? poisson(rng, perFrame, sigma) : perFrame;
                while (nextRay < cosmicRays.length && (cosmicRays[nextRay] >>> 8) == p
                        && (cosmicRays[nextRay] & 0xFF) == g) {
                    electrons += 200 + rng.nextDouble() * rng.nextDouble() * 8000;
                    nextRay++;
                }
                double t = electrons / gain;
                double raw = pedestal + (nonlinear ? measured(t, c2, c3) : t) + offsets[g * 8 + channel]
                        + stripes[g * DetectorModel.N + stripe];
                if (saturation && raw > plateau) {
                    raw = plateau; // the thresholds are in DN as read, offsets included
                }
                if (readNoise) {
                    raw += rn * rng.nextGaussian();
                }
                if (extraNoise > 0) {
                    raw += extraNoise * rng.nextGaussian();
                }
                long v = Math.round(raw);
                out[g * npix + p] = (short) ((v < 0 ? 0 : v > 65535 ? 65535 : v) - 32768);
            }
            while (nextRay < cosmicRays.length && (cosmicRays[nextRay] >>> 8) == p) {
                nextRay++;
            }
        }
        return out;
    }

    /** A well-mixed 64-bit seed for integration i (SplitMix64 finalizer). */
    private static long mix(long seed, int i) {
        long z = seed * 0x9E3779B97F4A7C15L + (i + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The DN a pixel reads for t DN of collected charge: the root m of
     * {@code m + c2 m^2 + c3 m^3 = t}, so the LINEARITY correction maps m back to t exactly.
     */
    static double measured(double t, double c2, double c3) {
        double m = t - c2 * t * t + (2 * c2 * c2 - c3) * t * t * t;
        // two Newton steps from the series start: below 1e-6 DN up to 65535 DN (one leaves 0.2 DN at 60000)
        for (int k = 0; k < 2; k++) {
            double f = m + c2 * m * m + c3 * m * m * m - t;
            double d = 1 + 2 * c2 * m + 3 * c3 * m * m;
            m -= f / d;
        }
        return m;
    }

    /** Poisson deviate: exact (inversion) for small means, normal approximation above 30. */
    static double poisson(SplittableRandom rng, double mean) {
        return poisson(rng, mean, Math.sqrt(mean));
    }

    /** Poisson deviate of a mean whose square root is already known (the hot loop's case). */
    private static double poisson(SplittableRandom rng, double mean, double sqrtMean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.rint(mean + sqrtMean * rng.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double prod = rng.nextDouble();
        int k = 0;
        while (prod > limit) {
            prod *= rng.nextDouble();
            k++;
        }
        return k;
    }

    /**
     * Offsets of each group for the 8 readout channels (4 outputs x column parity): the exposure's
     * bias level against the superbias, a drift common to all, plus an odd/even term per output.
     * These are what the reference pixels measure.
     */
    private float[] channelOffsets(SplittableRandom rng) {
        float[] off = new float[nGroups * 8];
        boolean oddEven = effects.has(Effect.ODD_EVEN);
        double drift = effects.biasOffset() + 10 * rng.nextGaussian();
        for (int g = 0; g < nGroups; g++) {
            drift += effects.driftRms() * rng.nextGaussian();
            for (int c = 0; c < 8; c++) {
                off[g * 8 + c] = (float) (oddEven ? drift + effects.oddEvenRms() * rng.nextGaussian() : 0);
            }
        }
        return off;
    }

    /**
     * 1/f noise per group along the 2048 detector rows: equal power per octave (octave k is a
     * random walk interpolated over 2^k rows), scaled to the scenario's rms.
     */
    private float[] oneOverF(SplittableRandom rng) {
        int n = DetectorModel.N;
        float[] out = new float[nGroups * n];
        if (!effects.has(Effect.ONE_OVER_F)) {
            return out;
        }
        double amplitude = effects.oneOverFRms() / Math.sqrt(ONE_OVER_F_OCTAVES);
        for (int g = 0; g < nGroups; g++) {
            for (int k = 0; k < ONE_OVER_F_OCTAVES; k++) {
                int step = 1 << k;
                double a = amplitude * rng.nextGaussian();
                double b = amplitude * rng.nextGaussian();
                for (int r = 0; r < n; r++) {
                    int phase = r % step;
                    if (phase == 0 && r > 0) {
                        a = b;
                        b = amplitude * rng.nextGaussian();
                    }
                    out[g * n + r] += (float) (a + (b - a) * phase / step);
                }
            }
        }
        return out;
    }

    /**
     * The cosmic-ray hits planted in integration i (0-based), as (pixel << 8 | group), sorted: the same
     * draws as {@link #simulate} makes, so that jump detection can be scored against them.
     */
    public long[] plantedCosmicRays(int i) {
        SplittableRandom rng = new SplittableRandom(mix(run.seed(), i));
        channelOffsets(rng);
        oneOverF(rng);
        return cosmicRays(rng);
    }

    /** Cosmic-ray hits of one integration as (pixel << 8 | group), sorted. */
    private long[] cosmicRays(SplittableRandom rng) {
        if (!effects.has(Effect.COSMIC_RAYS)) {
            return new long[0];
        }
        double mean = effects.cosmicRayFraction() * npix;
        int count = (int) poisson(rng, mean);
        long[] hits = new long[count];
        for (int k = 0; k < count; k++) {
            hits[k] = ((long) rng.nextInt(npix) << 8) | rng.nextInt(nGroups);
        }
        Arrays.sort(hits);
        return hits;
    }

    /** What {@link #write} produced. */
    public record Result(List<Path> segments, List<Path> references, long bytes, double seconds) {
    }

    /**
     * Writes the segments ({@code <name>-seg001_uncal.fits}, ...) into {@code dir} and the four
     * reference files into {@code dir/refs}. Integrations are made in parallel and written in order.
     */
    public Result write(Path dir, int threads, ProgressMonitor monitor) throws IOException, CancelledException {
        return write(dir, threads, monitor, segment -> { });
    }

    /**
     * As {@link #write(Path, int, ProgressMonitor)}, telling {@code segmentDone} of each segment file as
     * soon as it is complete (the references are written before the first), so that a viewer can show
     * the first segment while the others are made.
     */
    public Result write(Path dir, int threads, ProgressMonitor monitor, java.util.function.Consumer<Path> segmentDone)
            throws IOException, CancelledException {
        long t0 = System.nanoTime();
        Files.createDirectories(dir);
        List<Path> refs = new ArrayList<>(run.subarrayReferences()
                ? detector.writeReferenceFiles(dir.resolve("refs"), run.seed(), window, run.geometry().subarrayName())
                : detector.writeReferenceFiles(dir.resolve("refs"), run.seed(), SubarrayWindow.FULL_FRAME, "FULL"));
        refs.addAll(detector.writeRampReferenceFiles(dir.resolve("refs"), run.seed(), window,
                run.geometry().subarrayName(), nGroups, tFrame, effects.has(Effect.DARK), effects.gain(),
                effects.readNoise()));
        List<Path> segments = new ArrayList<>();
        long bytes = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "simulate");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int s = 1; s <= segmentCount(); s++) {
                Path file = dir.resolve(segmentFileName(s));
                writeSegment(file, segmentMetadata(s), pool, Math.max(1, threads) + 1, monitor);
                segments.add(file);
                segmentDone.accept(file);
                bytes += Files.size(file);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(segments, refs, bytes, (System.nanoTime() - t0) / 1e9);
    }

    private void writeSegment(Path file, ExposureMetadata meta, ExecutorService pool, int ahead,
            ProgressMonitor monitor) throws IOException, CancelledException {
        int first = meta.intStart() - 1;
        int last = meta.intEnd() - 1;
        Deque<Future<ByteBuffer>> pending = new ArrayDeque<>();
        int next = first;
        try (UncalWriter w = UncalWriter.create(file, meta, segmentTimes(first, last), primaryValues(file))) {
            for (int i = first; i <= last; i++) {
                while (next <= last && pending.size() < ahead) {
                    int k = next++;
                    pending.add(pool.submit(() -> encode(simulate(k))));
                }
                ByteBuffer sci = await(pending.poll());
                ByteBuffer zero = null;
                if (meta.hasZeroFrame()) {
                    // NISRAPID: the zero frame is the first frame, which is group 1
                    zero = sci.duplicate();
                    zero.limit(2 * npix);
                }
                w.writeIntegration(sci, zero);
                monitor.progress(i + 1L, run.nInts(), "integration " + (i + 1) + " of " + run.nInts());
                monitor.checkCancelled();
            }
            w.commit();
        } finally {
            for (Future<ByteBuffer> f : pending) {
                f.cancel(true);
            }
        }
    }

    private static ByteBuffer encode(short[] stored) {
        ByteBuffer b = ByteBuffer.allocate(2 * stored.length);
        b.asShortBuffer().put(stored);
        return b;
    }

    private static ByteBuffer await(Future<ByteBuffer> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while simulating");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }

    private IntegrationTimes segmentTimes(int first, int last) {
        int n = last - first + 1;
        return new IntegrationTimes(Arrays.copyOfRange(times.integrationNumber(), first, first + n),
                Arrays.copyOfRange(times.startMjdUtc(), first, first + n),
                Arrays.copyOfRange(times.midMjdUtc(), first, first + n),
                Arrays.copyOfRange(times.endMjdUtc(), first, first + n),
                Arrays.copyOfRange(times.startBjdTdb(), first, first + n),
                Arrays.copyOfRange(times.midBjdTdb(), first, first + n),
                Arrays.copyOfRange(times.endBjdTdb(), first, first + n));
    }

    /** Exposure-level keywords the segment's metadata does not carry: target, times, aperture. */
    private HeaderCards primaryValues(Path file) {
        int n = run.nInts() - 1;
        double start = times.startMjdUtc()[0];
        double end = times.endMjdUtc()[n];
        double bary = BARYCENTRIC_SECONDS / 86400.0;
        String begin = Mjd.toIso(start);
        double duration = (end - start) * 86400.0;
        return HeaderCards.empty()
                .add("DATE", Mjd.toIso(end + 1), "UTC date file created")
                .add("TITLE", sc.description(), "Proposal title")
                .add("DATE-OBS", begin.substring(0, 10), "[yyyy-mm-dd] UTC date at start of exposure")
                .add("TIME-OBS", begin.substring(11), "[hh:mm:ss.sss] UTC time at start of exposure")
                .add("DATE-BEG", begin, "Date-time start of exposure")
                .add("DATE-END", Mjd.toIso(end), "Date-time end of exposure")
                .add("OBSLABEL", sc.name(), "Proposer label for the observation")
                .add("TARGPROP", sc.target().name(), "Proposer's name for the target")
                .add("TARGNAME", sc.target().name(), "Standard astronomical catalog name for target")
                .add("TARG_RA", sc.target().ra(), "Target RA at mid time of exposure")
                .add("TARG_DEC", sc.target().dec(), "Target Dec at mid time of exposure")
                .add("PROP_RA", sc.target().ra(), "Proposer's target RA")
                .add("PROP_DEC", sc.target().dec(), "Proposer's target Dec")
                .add("EXPSTART", start, "[d] exposure start time in MJD")
                .add("EXPMID", 0.5 * (start + end), "[d] exposure mid time in MJD")
                .add("EXPEND", end, "[d] exposure end time in MJD")
                .add("EFFINTTM", nGroups * tFrame, "[s] Effective integration time")
                .add("EFFEXPTM", run.nInts() * nGroups * tFrame, "[s] Effective exposure time")
                .add("DURATION", duration, "[s] Total duration of exposure")
                .add("APERNAME", "NIS_" + (run.geometry() == Geometry.FULL ? "SOSSFULL" : run.geometry().subarrayName()),
                        "PRD science aperture used")
                .add("PPS_APER", "NIS_" + (run.geometry() == Geometry.FULL ? "SOSSFULL" : run.geometry().subarrayName()),
                        "original AperName supplied by PPS")
                .add("BARTDELT", BARYCENTRIC_SECONDS - 69.184, "Barycentric time correction")
                .add("BSTRTIME", start + bary, "[d] Barycentric exposure start time in MJD")
                .add("BENDTIME", end + bary, "[d] Barycentric exposure end time in MJD")
                .add("BMIDTIME", 0.5 * (start + end) + bary, "[d] Barycentric exposure mid time in MJD")
                .add("HSTRTIME", start + bary, "[d] Heliocentric exposure start time in MJD")
                .add("HENDTIME", end + bary, "[d] Heliocentric exposure end time in MJD")
                .add("HMIDTIME", 0.5 * (start + end) + bary, "[d] Heliocentric exposure mid time in MJD")
                .add("FILENAME", file.getFileName().toString(), "Name of the file");
    }
}
