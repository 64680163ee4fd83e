package org.tsoinspector.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;
import org.tsoinspector.calib.CalibrationEngine;
import org.tsoinspector.calib.Pipeline;
import org.tsoinspector.calib.PipelineSettings;
import org.tsoinspector.calib.PreparedPipeline;
import org.tsoinspector.calib.ReferenceSet;
import org.tsoinspector.calib.SegmentCalibration;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.inspect.RampStage;
import org.tsoinspector.inspect.ReferencePolicy;
import org.tsoinspector.inspect.StepConfiguration;
import org.tsoinspector.io.OutputFile;
import org.tsoinspector.fits.RampProductWriter;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;
import org.tsoinspector.render.Colormap;
import org.tsoinspector.render.FrameRenderer;
import org.tsoinspector.render.Limits;
import org.tsoinspector.render.PlotKind;
import org.tsoinspector.render.Stretch;
import org.tsoinspector.sim.ExposureSimulator;
import org.tsoinspector.sim.SampleLibrary;
import org.tsoinspector.sim.Scenario;

/**
 * {@code bench [--size-gb N] [--out FILE.json]}: generates once (cached under ~/.cache/tso-inspector)
 * a SOSS SUBSTRIP256 segment of N GB with its references and measures, in one run, what cli.md lists:
 * open to first frame, one integration through the five steps, the in-memory step rate, the whole
 * segment calibrated and written, the I/O floor, the ratio histogram over the segment, peak heap.
 */
public final class BenchCommand implements Command {

    private static final int REPEATS = 5;
    /** Trials of the whole-segment calibration and of its I/O floor. */
    private static final int FLOOR_TRIALS = 3;
    /**
     * Rounds of the in-memory rate: each takes only about 25 ms, so many are needed for a median that
     * one busy moment of the machine does not move.
     */
    private static final int COMPUTE_ROUNDS = 21;
    private static final int WARM_UP_ROUNDS = 3;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench [--size-gb N] [--out FILE.json]";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        double sizeGb = 1;
        Path json = null;
        for (int i = 0; i < args.size(); i += 2) {
            String a = args.get(i);
            switch (a) {
                case "--size-gb" -> sizeGb = positive(a, Arguments.value(args, i));
                case "--out" -> json = Path.of(Arguments.value(args, i));
                default -> throw new UsageException("unexpected argument '" + a + "'");
            }
        }
        int threads = Runtime.getRuntime().availableProcessors();
        Scenario scenario = scenario(sizeGb);
        String cache = System.getProperty("tso.cache");
        Path root = cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "tso-inspector");
        String prefix = String.format(Locale.ROOT, "bench-substrip256-%.2fgb", sizeGb);
        Path dir = root.resolve(prefix + "-" + SampleLibrary.fingerprint(scenario));
        Path segment = segment(dir, scenario, threads, out);
        SampleLibrary.deleteOtherVersions(root, prefix, dir);
        Path refs = dir.resolve("refs");
        Path work = Files.createTempDirectory(dir, "run");
        Map<String, Object> result = new LinkedHashMap<>();
        try (HeapSampler heap = new HeapSampler(); FitsRampFile source = FitsRampFile.open(segment)) {
            ExposureMetadata e = source.metadata();
            Set<StepName> all = StepName.DEFAULT_STEPS;
            Inspection inspection = Inspection.of(source, List.of(segment), ReferencePolicy.of(segment, refs, e),
                    StepConfiguration.DEFAULTS);
            inspection.requireSwitchedOnSteps();
            ReferenceSet references = inspection.references();
            PreparedPipeline pipeline = Pipeline.of(source.name(), e, PipelineSettings.DEFAULTS, references)
                    .prepare(e, source.pixelDq());
            result.put("first_frame_ms", firstFrameMs(segment));
            result.put("one_integration_ms", oneIntegrationMs(source, references));
            result.put("compute_samples_per_s", computeRate(source, pipeline, threads));
            // the calibration and its floor alternate, medians of three each: one write of 2.7 GB changes
            // what the page cache holds for the next, so a single trial of each favours the one run later
            double[] calibrate = new double[FLOOR_TRIALS];
            double[] floor = new double[FLOOR_TRIALS];
            for (int k = 0; k < FLOOR_TRIALS; k++) {
                floor[k] = seconds(() -> copyWithoutComputing(source, work.resolve("floor.fits")));
                deleteContents(work);
                calibrate[k] = seconds(() -> new SegmentCalibration(source, pipeline, references.fileNames(all),
                        threads).run(work, "bench", false, ProgressMonitor.NONE));
                deleteContents(work);
            }
            result.put("calibrate_s", median(calibrate));
            // all eight steps, rateints and rate written: the detector steps, then jump and ramp_fit on the segment
            Inspection rates = inspection.configure(StepConfiguration.DEFAULTS.withSettings(
                    PipelineSettings.DEFAULTS.withEnabled(EnumSet.allOf(StepName.class))));
            rates.requireSwitchedOnSteps();
            double rampSeconds = seconds(() -> rates.calibrate(work, false, ProgressMonitor.NONE));
            result.put("ramp_calibrate_s", rampSeconds);
            result.put("ramp_samples_per_s", e.samplesPerIntegration() * source.integrationCount() / rampSeconds);
            deleteContents(work);
            result.put("io_floor_s", median(floor));
            // the window's Ratio tab and plot ratio make this request: after refpix vs after linearity
            result.put("ratio_plot_s", seconds(() -> inspection.plot(PlotRequest.of(PlotKind.RATIO).withStages(
                    RampStage.after(StepName.REFPIX), RampStage.after(StepName.LINEARITY)), ProgressMonitor.NONE)));
            inspection.close();
            result.putAll(new WindowBench(segment, refs).measure(work));
            deleteContents(work);
            result.put("peak_heap_mb", heap.peakLiveBytes() / 1e6);
            result.put("peak_heap_in_use_mb", heap.peakInUseBytes() / 1e6);
            result.put("segment_bytes", Files.size(segment));
        } finally {
            deleteContents(work);
            Files.deleteIfExists(work);
        }
        print(out, result, threads, segment);
        if (json != null) {
            writeJson(json, result);
            out.println("wrote " + json);
        }
        return CommandLine.EXIT_OK;
    }

    private static double positive(String option, String v) throws UsageException {
        try {
            double d = Double.parseDouble(v);
            if (d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a positive number, not '" + v + "'");
    }

    /** The default sample's scenario with as many integrations as make one segment of about sizeGb. */
    private static Scenario scenario(double sizeGb) throws Exception {
        Scenario base = SampleLibrary.scenario(SampleLibrary.DEFAULT_SAMPLE);
        long target = (long) (sizeGb * (1L << 30));
        long perIntegration = new ExposureSimulator(base.withIntegrations(1)).integrationBytes();
        int nInts = (int) Math.max(2, (target + perIntegration - 1) / perIntegration);
        // the sample splits at 650 MB like the notebook's data; the bench wants one flight-size segment
        Scenario sc = base.withIntegrations(nInts).withMaxSegmentBytes(Scenario.DEFAULT_MAX_SEGMENT_BYTES);
        if (new ExposureSimulator(sc).segmentCount() != 1) {
            throw new UsageException("--size-gb " + sizeGb + " needs more than one segment file; use at most 1.7");
        }
        return sc;
    }

    /** The cached segment, simulated first when it is missing. */
    private static Path segment(Path dir, Scenario sc, int threads, PrintStream out) throws Exception {
        try (Stream<Path> s = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith("_uncal.fits")).toList();
            if (found.size() == 1 && Files.isDirectory(dir.resolve("refs"))) {
                return found.get(0);
            }
        }
        Files.createDirectories(dir);
        out.printf(Locale.ROOT, "generating a %d-integration SUBSTRIP256 segment in %s (once)%n", sc.run().nInts(),
                dir);
        Path tmp = Files.createTempDirectory(dir, "gen");
        ExposureSimulator.Result r = new ExposureSimulator(sc).write(tmp, threads, ProgressMonitor.NONE);
        Path seg = dir.resolve(r.segments().get(0).getFileName());
        Files.move(r.segments().get(0), seg, StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dir.resolve("refs"));
        for (Path ref : r.references()) {
            Files.move(ref, dir.resolve("refs").resolve(ref.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        OutputFile.deleteTree(tmp);
        return seg;
    }

    /** Open the file, read group 0 of integration 0 and render it to ARGB, as the window does. */
    private static double firstFrameMs(Path segment) throws Exception {
        double[] ms = new double[REPEATS];
        for (int k = 0; k < REPEATS; k++) {
            long t0 = System.nanoTime();
            try (FitsRampFile f = FitsRampFile.open(segment)) {
                float[] frame = f.readGroup(0, 0);
                new FrameRenderer(Colormap.named("gray"), Stretch.LINEAR, Limits.PERCENTILE_99_5.of(frame, null))
                        .render(frame, f.metadata().ny(), f.metadata().nx());
            }
            ms[k] = (System.nanoTime() - t0) / 1e6;
        }
        return median(ms);
    }

    /** Engine requests of uncached integrations: read, prepare once, then five steps on one integration. */
    private static double oneIntegrationMs(FitsRampFile source, ReferenceSet references) throws Exception {
        CalibrationEngine engine = new CalibrationEngine(source, references, PipelineSettings.DEFAULTS, 1);
        engine.stage(0, StepName.LINEARITY); // prepares the steps (once per exposure)
        int n = Math.min(source.integrationCount() - 1, 2 * REPEATS + 1);
        double[] ms = new double[n];
        for (int k = 0; k < n; k++) {
            long t0 = System.nanoTime();
            engine.stage(k + 1, StepName.LINEARITY);
            ms[k] = (System.nanoTime() - t0) / 1e6;
        }
        return median(ms);
    }

    /** The five steps on integrations already in memory, on every core (copies made outside the timing). */
    private static double computeRate(FitsRampFile source, PreparedPipeline pipeline, int threads) throws Exception {
        int count = Math.min(source.integrationCount(), 2 * threads);
        List<Ramp> originals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            originals.add(source.readIntegration(i));
        }
        long samples = (long) count * originals.get(0).data().length;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double[] rate = new double[WARM_UP_ROUNDS + COMPUTE_ROUNDS];
            for (int k = 0; k < rate.length; k++) {
                List<Ramp> work = originals.stream().map(Ramp::copy).toList();
                long t0 = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (Ramp r : work) {
                    done.add(pool.submit(() -> pipeline.apply(r)));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                rate[k] = samples / ((System.nanoTime() - t0) / 1e9);
            }
            return median(Arrays.copyOfRange(rate, WARM_UP_ROUNDS, rate.length)); // the first rounds warm the JIT
        } finally {
            pool.shutdownNow();
        }
    }

    /** The I/O floor: read every integration and write a product of the same size, no computation. */
    private static void copyWithoutComputing(FitsRampFile source, Path target) throws IOException {
        try (RampProductWriter w = RampProductWriter.create(target, source, source.metadata(), Map.of())) {
            for (int i = 0; i < source.integrationCount(); i++) {
                w.writeIntegration(source.readIntegration(i));
            }
            w.commit(source.pixelDq());
        }
    }

    private interface Job {
        void run() throws Exception;
    }

    private static double seconds(Job job) throws Exception {
        long t0 = System.nanoTime();
        job.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /**
     * Watches the heap while the measurements run, for two peaks: the heap in use, sampled every few
     * milliseconds (live data plus garbage not yet collected, which grows towards -Xmx whenever the
     * collector has no reason to run), and the live heap, what each collection left (the memory the
     * run needs). Without any collection the live peak is taken to be the in-use peak, its upper bound.
     */
    private static final class HeapSampler implements AutoCloseable {
        private final Thread thread;
        private final List<Runnable> unsubscribe = new ArrayList<>();
        private volatile boolean running = true;
        private volatile long peakInUse;
        private final AtomicLong peakAfterCollection = new AtomicLong(-1);
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(java.util.stream.Collectors.toSet());

        HeapSampler() {
            System.gc();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    NotificationListener listener = (n, handback) -> afterCollection(n);
                    emitter.addNotificationListener(listener, null, null);
                    unsubscribe.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (ListenerNotFoundException e) {
                            // already gone
                        }
                    });
                }
            }
            thread = new Thread(() -> {
                while (running) {
                    peakInUse = Math.max(peakInUse, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void afterCollection(Notification n) {
            if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                    .from((CompositeData) n.getUserData());
            long used = 0;
            // the heap's pools only: the notification also lists metaspace and the code cache (about 60 MB)
            for (Map.Entry<String, MemoryUsage> u : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(u.getKey())) {
                    used += u.getValue().getUsed();
                }
            }
            peakAfterCollection.accumulateAndGet(used, Math::max);
        }

        long peakInUseBytes() {
            return peakInUse;
        }

        long peakLiveBytes() {
            long live = peakAfterCollection.get();
            return live < 0 ? peakInUse : live;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
            unsubscribe.forEach(Runnable::run);
        }
    }

    private static void print(PrintStream out, Map<String, Object> r, int threads, Path segment) {
        out.printf(Locale.ROOT, "segment %s (%.2f GB), %d threads, max heap %d MB%n", segment.getFileName(),
                ((Number) r.get("segment_bytes")).longValue() / 1e9, threads,
                Runtime.getRuntime().maxMemory() >> 20);
        for (Map.Entry<String, Object> e : r.entrySet()) {
            out.printf(Locale.ROOT, "  %-22s %s%n", e.getKey(), format(e.getValue()));
        }
    }

    private static String format(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return d >= 1e6 ? String.format(Locale.ROOT, "%.4g", d) : String.format(Locale.ROOT, "%.3f", d);
        }
        return v.toString();
    }

    private static void writeJson(Path json, Map<String, Object> r) throws IOException {
        StringBuilder sb = new StringBuilder("{\n");
        int k = 0;
        for (Map.Entry<String, Object> e : r.entrySet()) {
            sb.append("  \"").append(e.getKey()).append("\": ").append(format(e.getValue()))
                    .append(++k < r.size() ? ",\n" : "\n");
        }
        sb.append("}\n");
        Path parent = json.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        OutputFile.write(json, out -> out.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                OutputFile.deleteTree(p);
            }
        }
    }
}
