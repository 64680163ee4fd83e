package org.tsoinspector.inspect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.tsoinspector.analysis.DqSummary;
import org.tsoinspector.analysis.DqSummaryBuilder;
import org.tsoinspector.analysis.GroupRatioHistogram;
import org.tsoinspector.analysis.LightCurve;
import org.tsoinspector.analysis.LightCurveBuilder;
import org.tsoinspector.analysis.LightCurveMode;
import org.tsoinspector.analysis.RatioHistogramSpec;
import org.tsoinspector.analysis.Region;
import org.tsoinspector.analysis.Staged;
import org.tsoinspector.calib.Futures;
import org.tsoinspector.calib.PreparedStep;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;

/**
 * Streams every integration of a segment through the steps of two stages on several threads and
 * feeds the whole-segment diagnostics: the group-difference ratio histograms, the light curves
 * and the DQ summary. Memory is a few integrations per thread whatever the segment's length;
 * each integration is read once and each step runs once on it.
 */
public final class SegmentScan {

    /**
     * What to compute. Null parts are skipped.
     *
     * @param ratio      the ratio histogram's spec, or null
     * @param lightCurve the light-curve measure, or null
     * @param region     light-curve region, or null for the brightest {@link Region#DEFAULT_TRACE_ROWS}
     *                   rows of the first integration at the before stage
     * @param dqSummary  whether to count DQ flags (at the last stage)
     */
    public record Request(RatioHistogramSpec ratio, LightCurveMode lightCurve, Region region, boolean dqSummary) {
    }

    /** Whole-segment results, labelled with their stage; the after ones are null for a one-stage scan. */
    public record Result(Staged<GroupRatioHistogram> ratioBefore, Staged<GroupRatioHistogram> ratioAfter,
            Staged<LightCurve> lightCurveBefore, Staged<LightCurve> lightCurveAfter, DqSummary dq) {

        /** The ratio histograms present, before first. */
        public List<Staged<GroupRatioHistogram>> ratios() {
            return present(ratioBefore, ratioAfter);
        }

        /** The light curves present, before first. */
        public List<Staged<LightCurve>> lightCurves() {
            return present(lightCurveBefore, lightCurveAfter);
        }

        private static <T> List<Staged<T>> present(Staged<T> a, Staged<T> b) {
            List<Staged<T>> out = new ArrayList<>();
            if (a != null) {
                out.add(a);
            }
            if (b != null) {
                out.add(b);
            }
            return out;
        }
    }

    private final RampSource source;
    private final StagePair stages;
    private final Request request;
    private final int threads;

    public SegmentScan(RampSource source, StagePair stages, Request request, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread");
        }
        this.source = source;
        this.stages = stages;
        this.request = request;
        this.threads = threads;
    }

    /** One worker's private accumulators; merged when all are done. */
    private final class Worker {
        final GroupRatioHistogram before = request.ratio() == null ? null : new GroupRatioHistogram(request.ratio());
        final GroupRatioHistogram after =
                request.ratio() == null || !stages.hasAfter() ? null : new GroupRatioHistogram(request.ratio());
        /** Reused for the after stage so each integration allocates no second ramp. */
        float[] afterData;
        byte[] afterDq;
        float[] afterZero;

        /** Runs the before steps on a raw integration, then feeds both stages. */
        void process(Ramp raw, Sinks sinks) {
            applyBefore(raw);
            processStaged(raw, sinks);
        }

        /** Feeds an integration already at the before stage, and its copy taken to the after stage. */
        void processStaged(Ramp staged, Sinks sinks) {
            if (before != null) {
                before.accumulate(staged);
            }
            if (sinks.lightBefore != null) {
                sinks.lightBefore.add(staged);
            }
            Ramp last = staged;
            if (stages.hasAfter()) {
                last = copyOf(staged);
                for (PreparedStep s : stages.after()) {
                    s.apply(last);
                }
                if (after != null) {
                    after.accumulate(last);
                }
                if (sinks.lightAfter != null) {
                    sinks.lightAfter.add(last);
                }
            }
            if (sinks.dq != null) {
                sinks.dq.add(last);
            }
        }

        private Ramp copyOf(Ramp r) {
            if (afterData == null || afterData.length != r.data().length) {
                afterData = new float[r.data().length];
                afterDq = new byte[r.groupDq().length];
            }
            System.arraycopy(r.data(), 0, afterData, 0, afterData.length);
            System.arraycopy(r.groupDq(), 0, afterDq, 0, afterDq.length);
            float[] zero = null;
            if (r.zeroFrame() != null) {
                if (afterZero == null || afterZero.length != r.zeroFrame().length) {
                    afterZero = new float[r.zeroFrame().length];
                }
                System.arraycopy(r.zeroFrame(), 0, afterZero, 0, afterZero.length);
                zero = afterZero;
            }
            return new Ramp(r.integration(), r.nGroups(), r.ny(), r.nx(), afterData, afterDq, zero);
        }
    }

    /** Accumulators shared by all workers: each integration fills only its own slot. */
    private record Sinks(LightCurveBuilder lightBefore, LightCurveBuilder lightAfter, DqSummaryBuilder dq) {
    }

    /**
     * Runs the scan.
     *
     * @throws IOException        when an integration cannot be read
     * @throws CancelledException when the monitor asked to stop (no result)
     */
    public Result run(ProgressMonitor monitor) throws IOException, CancelledException {
        int n = source.integrationCount();
        if (n == 0) {
            throw new IllegalArgumentException(source.name() + " holds no integration");
        }
        int ny = source.metadata().ny();
        int nx = source.metadata().nx();
        int nGroups = source.metadata().nGroups();
        int firstIntegration = source.metadata().intStart() - 1;
        int[] rawDq = source.pixelDq();
        int[] beforeDq = stages.beforePixelDq(rawDq);

        // Integration 0 runs first, alone: the default light-curve region is found on it.
        Worker first = new Worker();
        Ramp ramp0 = source.readIntegration(0);
        applyBefore(ramp0);
        Region region = request.region() != null ? request.region()
                : Region.brightestRows(ramp0, beforeDq, Region.DEFAULT_TRACE_ROWS);
        LightCurveMode mode = request.lightCurve();
        Sinks sinks = new Sinks(
                mode == null ? null : new LightCurveBuilder(region, mode, beforeDq, ny, nx, firstIntegration, n),
                mode == null || !stages.hasAfter() ? null
                        : new LightCurveBuilder(region, mode, beforeDq, ny, nx, firstIntegration, n),
                request.dqSummary() ? new DqSummaryBuilder(stages.lastPixelDq(rawDq), ny, nx, nGroups,
                        firstIntegration, n) : null);
        first.processStaged(ramp0, sinks);
        AtomicInteger done = new AtomicInteger(1);
        monitor.progress(1, n, "integration 1 of " + n);

        List<Worker> workers = new ArrayList<>(List.of(first));
        if (n > 1) {
            runRest(n, sinks, workers, done, monitor);
        }
        monitor.checkCancelled();
        return result(workers, sinks);
    }

    private void applyBefore(Ramp raw) {
        for (PreparedStep s : stages.before()) {
            s.apply(raw);
        }
    }

    private void runRest(int n, Sinks sinks, List<Worker> workers, AtomicInteger done, ProgressMonitor monitor)
            throws IOException, CancelledException {
        AtomicInteger next = new AtomicInteger(1);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "segment-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Worker>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    Worker w = new Worker();
                    for (int i = next.getAndIncrement(); i < n && !stop.get(); i = next.getAndIncrement()) {
                        if (monitor.isCancelled()) {
                            stop.set(true);
                            break;
                        }
                        w.process(source.readIntegration(i), sinks);
                        int d = done.incrementAndGet();
                        monitor.progress(d, n, "integration " + d + " of " + n);
                    }
                    return w;
                }));
            }
            for (Future<Worker> f : futures) {
                workers.add(Futures.await(f));
            }
        } catch (IOException | CancelledException | RuntimeException | Error e) {
            stop.set(true); // the other workers stop at their next integration
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result result(List<Worker> workers, Sinks sinks) {
        GroupRatioHistogram before = workers.get(0).before;
        GroupRatioHistogram after = workers.get(0).after;
        for (Worker w : workers.subList(1, workers.size())) {
            if (before != null) {
                before.merge(w.before);
            }
            if (after != null) {
                after.merge(w.after);
            }
        }
        String b = stages.beforeLabel();
        String a = stages.afterLabel();
        return new Result(
                before == null ? null : new Staged<>(b, before),
                after == null ? null : new Staged<>(a, after),
                sinks.lightBefore == null ? null : new Staged<>(b, sinks.lightBefore.build(source.integrationTimes())),
                sinks.lightAfter == null ? null : new Staged<>(a, sinks.lightAfter.build(source.integrationTimes())),
                sinks.dq == null ? null : sinks.dq.build());
    }
}
