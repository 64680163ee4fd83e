package org.tsoinspector.calib;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.tsoinspector.fits.RampProductWriter;
import org.tsoinspector.fits.SpillFile;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;
import org.tsoinspector.model.StepName;

/**
 * A whole-segment run: streams the integrations through the prepared steps on several threads and
 * writes the products in order (the last step's, or every step's). At most a few integrations are in
 * memory at once, whatever the segment's length. Products appear only when complete: on failure or
 * cancel nothing is left behind.
 */
public final class SegmentCalibration {

    private final RampSource source;
    private final PreparedPipeline pipeline;
    private final SegmentSteps segmentSteps;
    private final Map<StepName, String> referenceNames;
    private final int threads;

    /**
     * @param segmentSteps   jump and ramp_fit, run after the per-integration steps (or none)
     * @param referenceNames reference file names by step, for the products' R_xxxx keywords
     */
    public SegmentCalibration(RampSource source, PreparedPipeline pipeline, SegmentSteps segmentSteps,
            Map<StepName, String> referenceNames, int threads) {
        this.source = source;
        this.pipeline = pipeline;
        this.segmentSteps = segmentSteps;
        this.referenceNames = referenceNames;
        this.threads = Math.max(1, threads);
    }

    /** A run of per-integration steps only. */
    public SegmentCalibration(RampSource source, PreparedPipeline pipeline, Map<StepName, String> referenceNames,
            int threads) {
        this(source, pipeline, null, referenceNames, threads);
    }

    /**
     * The product root of an input file name: without .gz and .fits, and without _uncal or a step
     * product suffix (_superbiasstep, ...), as cli.md names outputs {@code <root>_<step>step.fits}.
     */
    public static String productRoot(String fileName) {
        String root = fileName;
        for (String ext : new String[] {".gz", ".fits"}) {
            if (root.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
                root = root.substring(0, root.length() - ext.length());
            }
        }
        if (root.endsWith("_uncal")) {
            return root.substring(0, root.length() - "_uncal".length());
        }
        for (String suffix : new String[] {"_rateints", "_rate"}) {
            if (root.endsWith(suffix)) {
                return root.substring(0, root.length() - suffix.length());
            }
        }
        for (StepName s : StepName.values()) {
            if (root.endsWith("_" + s.productSuffix())) {
                return root.substring(0, root.length() - s.productSuffix().length() - 1);
            }
        }
        return root;
    }

    /**
     * Runs and writes {@code <root>_<step>step.fits} into {@code outDir}.
     *
     * @param saveEach write every step's product, not only the last step's
     * @return the products written
     */
    public List<Path> run(Path outDir, String root, boolean saveEach, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        List<PreparedStep> steps = pipeline.steps();
        boolean segmentWide = segmentSteps != null && segmentSteps.any();
        if (steps.isEmpty() && !segmentWide) {
            throw new BadInputException(source.name(), "no step to run (all switched off or already done)");
        }
        List<Integer> saved = new ArrayList<>();
        for (int k = saveEach ? 0 : segmentWide ? steps.size() : steps.size() - 1; k < steps.size(); k++) {
            saved.add(k);
        }
        ExposureMetadata input = source.metadata();
        List<Path> targets = new ArrayList<>();
        List<RampProductWriter> writers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "calibrate");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int k : saved) {
                Path target = outDir.resolve(root + "_" + steps.get(k).name().productSuffix() + ".fits");
                targets.add(target);
                EnumSet<StepName> skipped = EnumSet.noneOf(StepName.class);
                for (PreparedStep st : steps.subList(0, k + 1)) {
                    if (st.status().equals("SKIPPED")) {
                        skipped.add(st.name());
                    }
                }
                writers.add(RampProductWriter.create(target, source,
                        PreparedPipeline.productMetadata(steps.subList(0, k + 1), input), referenceNames, skipped));
            }
            if (!segmentWide) {
                stream(steps, saved, writers, monitor, pool, null);
                for (int w = 0; w < writers.size(); w++) {
                    writers.get(w).commit(steps.get(saved.get(w)).pixelDq());
                }
                return targets;
            }
            try (SpillFile spill = new SpillFile(outDir, source.integrationCount(), input.nGroups(), input.ny(),
                    input.nx(), input.hasZeroFrame())) {
                boolean[] wholeFrameDnu = stream(steps, saved, writers, monitor, pool, spill);
                for (int w = 0; w < writers.size(); w++) {
                    writers.get(w).commit(steps.get(saved.get(w)).pixelDq());
                }
                EnumSet<StepName> skipped = EnumSet.noneOf(StepName.class);
                for (PreparedStep st : steps) {
                    if (st.status().equals("SKIPPED")) {
                        skipped.add(st.name());
                    }
                }
                targets.addAll(new SegmentRates(source, segmentSteps, referenceNames).run(spill,
                        wholeFrameDnu, pipeline.productMetadata(input), pipeline.pixelDq(), skipped, outDir, root,
                        saveEach, monitor));
            }
            return targets;
        } finally {
            pool.shutdownNow();
            IOException closing = null;
            for (RampProductWriter w : writers) {
                try {
                    w.close();
                } catch (IOException e) {
                    closing = e;
                }
            }
            if (closing != null) {
                throw closing;
            }
        }
    }

    /**
     * The segment through every step for viewing, not for saving: the per-integration steps into a
     * spill file in {@code spillDir}, then jump (when it runs) and ramp_fit's median rates over it.
     * The model holds the spill file until closed.
     */
    public SegmentRateModel rateModel(Path spillDir, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        List<PreparedStep> steps = pipeline.steps();
        ExposureMetadata input = source.metadata();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rates");
            t.setDaemon(true);
            return t;
        });
        SpillFile spill = new SpillFile(spillDir, source.integrationCount(), input.nGroups(), input.ny(), input.nx(),
                input.hasZeroFrame());
        try {
            boolean[] wholeFrameDnu = stream(steps, List.of(), List.of(), monitor, pool, spill);
            ExposureMetadata before = pipeline.productMetadata(input);
            JumpPass pass = new JumpPass(segmentSteps.jumpParameters(), JumpPass.VIEWING_BAND_BYTES);
            boolean jumpRuns = segmentSteps.jump() && pass.method(spill, wholeFrameDnu) != null;
            int[] pixelDq = jumpRuns ? JumpPass.pixelDqAfter(pipeline.pixelDq(), segmentSteps.gain().values())
                    : pipeline.pixelDq();
            RampFitter fitter = SegmentRates.fitter(segmentSteps, before, pixelDq);
            SegmentRates.MedianRates swept = SegmentRates.medianRates(pass, segmentSteps, spill, fitter,
                    pipeline.pixelDq(), wholeFrameDnu, before, monitor);
            JumpFlags flags = jumpRuns ? swept.jump().flags() : null;
            String jumpStatus = swept.jump() == null ? "SKIPPED" : swept.jump().status();
            return new SegmentRateModel(spill, flags, pixelDq, fitter, swept.medianRate(), before.intStart() - 1,
                    jumpStatus);
        } catch (IOException | BadInputException | CancelledException | RuntimeException e) {
            spill.close();
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Streams the integrations through the steps into the writers and, when given, the spill file.
     *
     * @return per (integration, group): DO_NOT_USE in every pixel after the steps (jump's path selection)
     */
    private boolean[] stream(List<PreparedStep> steps, List<Integer> saved, List<RampProductWriter> writers,
            ProgressMonitor monitor, ExecutorService pool, SpillFile spill)
            throws IOException, CancelledException, BadInputException {
        int n = source.integrationCount();
        int nGroups = source.metadata().nGroups();
        boolean[] wholeFrameDnu = new boolean[n * nGroups];
        int window = threads + 1;
        ArrayDeque<Future<List<Ramp>>> inFlight = new ArrayDeque<>();
        // the products are written in order on their own thread, so that reading the next integrations,
        // correcting them and writing the last overlap; a spill, written by position, is written by the
        // task that corrected the integration
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "calibrate writer");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Integer>> writing = new ArrayDeque<>();
        try {
            int next = 0;
            for (int done = 0; done < n; done++) {
                while (next < n && inFlight.size() < window) {
                    monitor.checkCancelled();
                    int i = next++;
                    Ramp ramp = source.readIntegration(i);
                    inFlight.add(pool.submit(() -> {
                        List<Ramp> stages = correct(ramp, steps, saved);
                        if (spill != null) {
                            Ramp last = stages.get(stages.size() - 1);
                            spill.write(i, last);
                            for (int g = 0; g < nGroups; g++) {
                                wholeFrameDnu[i * nGroups + g] = allDoNotUse(last, g);
                            }
                        }
                        return stages;
                    }));
                }
                List<Ramp> stages = Futures.await(inFlight.poll());
                int written = done + 1;
                if (writers.isEmpty()) { // the window's rates: only the spill, written by the tasks
                    progress(written, n, monitor);
                    continue;
                }
                if (writing.size() >= WRITES_IN_FLIGHT) {
                    progress(Futures.await(writing.poll()), n, monitor);
                }
                writing.add(writer.submit(() -> {
                    for (int w = 0; w < writers.size(); w++) {
                        writers.get(w).writeIntegration(stages.get(w));
                    }
                    return written;
                }));
            }
            while (!writing.isEmpty()) {
                progress(Futures.await(writing.poll()), n, monitor);
            }
        } finally {
            // on a failure or cancel the writer may be inside a write; the products are closed (and their
            // temporary files removed) only after it has stopped
            writer.shutdownNow();
            try {
                writer.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        monitor.checkCancelled();
        return wholeFrameDnu;
    }

    /** Integrations corrected and waiting for the writer: each holds its stages' arrays. */
    private static final int WRITES_IN_FLIGHT = 2;

    private static void progress(int done, int n, ProgressMonitor monitor) {
        monitor.progress(done, n, "integration " + done + " of " + n);
    }

    private static boolean allDoNotUse(Ramp ramp, int group) {
        int n = ramp.framePixels();
        for (int p = group * n; p < (group + 1) * n; p++) {
            if ((ramp.groupDq()[p] & org.tsoinspector.model.DqFlag.DO_NOT_USE.value()) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The stages to save of one integration: copies where a later step still has to run. */
    private List<Ramp> correct(Ramp ramp, List<PreparedStep> steps, List<Integer> saved) {
        if (saved.size() <= 1) { // none kept (a spill follows) or only the last step's
            PreparedPipeline.apply(steps, ramp);
            return List.of(ramp);
        }
        List<Ramp> stages = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            steps.get(k).apply(ramp);
            if (saved.contains(k)) {
                stages.add(k == steps.size() - 1 ? ramp : ramp.copy());
            }
        }
        return stages;
    }

}
