package org.tsoinspector.calib;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tsoinspector.fits.RampProductWriter;
import org.tsoinspector.fits.RateProductWriter;
import org.tsoinspector.fits.SpillFile;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampRows;
import org.tsoinspector.model.RampSource;
import org.tsoinspector.model.StepName;

/**
 * jump and ramp_fit on one segment whose per-integration stages wait in a spill file, in one pass over
 * bands of rows across integrations: each band is flagged by jump, then, with every integration of its
 * pixels at hand, ramp_fit takes their median rates and fits them, and its rows of
 * {@code <root>_rateints.fits} and {@code <root>_rate.fits} are written in place. Writes
 * {@code <root>_jumpstep.fits} too when it is the last step, or with save-each. Memory: one band and a
 * few arrays of its size, whatever the segment's length.
 */
final class SegmentRates {

    private final RampSource source;
    private final SegmentSteps steps;
    private final Map<StepName, String> referenceNames;
    private final long bandBytes;

    SegmentRates(RampSource source, SegmentSteps steps, Map<StepName, String> referenceNames) {
        this(source, steps, referenceNames, JumpPass.BAND_BYTES);
    }

    /** With another band size: tests use small bands to check that bands change nothing. */
    SegmentRates(RampSource source, SegmentSteps steps, Map<StepName, String> referenceNames, long bandBytes) {
        this.source = source;
        this.steps = steps;
        this.referenceNames = referenceNames;
        this.bandBytes = bandBytes;
    }

    /**
     * @param before    the metadata after the per-integration steps (those completed)
     * @param pixelDqIn the pixel DQ after them
     * @param skipped   the steps recorded as SKIPPED so far
     */
    List<Path> run(SpillFile spill, boolean[] wholeFrameDnu, ExposureMetadata before, int[] pixelDqIn,
            Set<StepName> skipped, Path outDir, String root, boolean saveEach, ProgressMonitor monitor)
            throws IOException, CancelledException {
        EnumSet<StepName> done = before.completedSteps().isEmpty() ? EnumSet.noneOf(StepName.class)
                : EnumSet.copyOf(before.completedSteps());
        EnumSet<StepName> notRun = skipped.isEmpty() ? EnumSet.noneOf(StepName.class) : EnumSet.copyOf(skipped);
        JumpPass jump = new JumpPass(steps.jumpParameters(), bandBytes);
        boolean jumpRuns = steps.jump() && jump.method(spill, wholeFrameDnu) != null;
        if (steps.jump()) {
            (jumpRuns ? done : notRun).add(StepName.JUMP);
        }
        int[] pixelDq = jumpRuns ? JumpPass.pixelDqAfter(pixelDqIn, steps.gain().values()) : pixelDqIn;
        List<Path> written = new ArrayList<>();
        JumpPass.Result jumped = null;
        if (steps.rampFit()) {
            done.add(StepName.RAMP_FIT);
            ExposureMetadata product = before.withCompletedSteps(done);
            Path ints = outDir.resolve(root + "_rateints.fits");
            Path rate = outDir.resolve(root + "_rate.fits");
            try (RateProductWriter intsWriter = RateProductWriter.create(ints, source, product, referenceNames,
                    notRun, true);
                    RateProductWriter rateWriter = RateProductWriter.create(rate, source, product, referenceNames,
                            notRun, false)) {
                BandFit fit = new BandFit(fitter(steps, product, pixelDq), intsWriter, rateWriter, monitor);
                // the flags outlive the sweep only for the jump product
                jumped = steps.jump() ? jump(jump, steps, spill, pixelDqIn, wholeFrameDnu, before, fit, saveEach,
                        monitor) : null;
                if (!steps.jump()) {
                    RampBand.sweep(spill, 0, bandBytes, fit, monitor, "ramp_fit");
                }
                intsWriter.commit();
                rateWriter.commit();
            }
            written.add(ints);
            written.add(rate);
        } else if (steps.jump()) {
            jumped = jump(jump, steps, spill, pixelDqIn, wholeFrameDnu, before, null, true, monitor);
        }
        if (steps.jump() && (saveEach || !steps.rampFit())) {
            EnumSet<StepName> untilJump = EnumSet.copyOf(done);
            untilJump.remove(StepName.RAMP_FIT);
            written.add(0, writeJumpProduct(spill, jumped, before.withCompletedSteps(untilJump), notRun, outDir,
                    root, monitor));
        }
        return written;
    }

    private Path writeJumpProduct(SpillFile spill, JumpPass.Result jump, ExposureMetadata product,
            Set<StepName> notRun, Path outDir, String root, ProgressMonitor monitor)
            throws IOException, CancelledException {
        Path target = outDir.resolve(root + "_" + StepName.JUMP.productSuffix() + ".fits");
        Map<String, Double> cards = jump.method() == null ? Map.of() : Map.of("PRIMECRS", jump.primeCrs());
        JumpFlags flags = jump.method() == null ? null : jump.flags();
        int first = product.intStart() - 1;
        try (RampProductWriter w = RampProductWriter.create(target, source, product, referenceNames, notRun,
                cards)) {
            for (int i = 0; i < spill.nInts(); i++) {
                monitor.checkCancelled();
                w.writeIntegration(stage(spill, flags, i, first));
            }
            w.commit(jump.pixelDq());
        }
        return target;
    }

    /** ramp_fit of each band: its pixels' median rates over every integration, their fits, their rows written. */
    private static final class BandFit implements RampBand.Consumer {
        private final RampFitter fitter;
        private final int[] pixelDq;
        private final RateProductWriter ints;
        private final RateProductWriter rate;
        private final ProgressMonitor monitor;

        BandFit(RampFitter fitter, RateProductWriter ints, RateProductWriter rate, ProgressMonitor monitor) {
            this.fitter = fitter;
            this.pixelDq = fitter.pixelDq();
            this.ints = ints;
            this.rate = rate;
            this.monitor = monitor;
        }

        @Override
        public void accept(RampBand band) throws IOException, CancelledException {
            int from = band.keptPixelFrom();
            int to = band.keptPixelTo();
            double[] medianRate = fitter.medianRates(band::integration, band.nInts(), from, to);
            // a band seen again (a second sigma-clip sweep) starts its sums afresh and overwrites its rows
            RampFitter.RateSums sums = new RampFitter.RateSums(pixelDq, from, to);
            RampFitter.IntegrationFit fit = RampFitter.newFit(to - from);
            for (int i = 0; i < band.nInts(); i++) {
                monitor.checkCancelled();
                fitter.fit(band.integration(i), medianRate, from, to, fit);
                ints.write(i, from, fit.sci(), fit.err(), fit.dq(), fit.varPoisson(), fit.varReadNoise());
                sums.add(fit);
            }
            RampFitter.RateImage image = sums.image();
            rate.write(0, from, image.sci(), image.err(), image.dq(), image.varPoisson(), image.varReadNoise());
        }
    }

    /** jump over the whole segment in bands of rows, each handed to {@code then} once flagged (or null). */
    static JumpPass.Result jump(JumpPass pass, SegmentSteps steps, RampRows rows, int[] pixelDq,
            boolean[] wholeFrameDnu, ExposureMetadata before, RampBand.Consumer then, boolean keepFlags,
            ProgressMonitor monitor) throws IOException, CancelledException {
        return pass.run(rows, pixelDq, steps.gain().values(), steps.readNoise().values(), wholeFrameDnu,
                before.nFrames(), before.tGroup(), then, keepFlags, monitor);
    }

    /** ramp_fit's fitter for a segment whose pixel DQ (after jump) is {@code pixelDq}. */
    static RampFitter fitter(SegmentSteps steps, ExposureMetadata product, int[] pixelDq) {
        return new RampFitter(product.nGroups(), pixelDq, steps.gain().values(), steps.readNoise().values(),
                steps.darkCurrent(), product.tGroup(), product.tFrame(), product.nFrames(),
                steps.rampFitParameters().suppressOneGroup());
    }

    /** What the window's model keeps of a sweep: jump's result (null when it is off) and the median rates. */
    record MedianRates(JumpPass.Result jump, double[] medianRate) {
    }

    /**
     * The per-pixel median rates over every integration (ramp_fit's first need), with jump's flags set
     * first when it runs, in one sweep of bands.
     */
    static MedianRates medianRates(JumpPass pass, SegmentSteps steps, RampRows rows, RampFitter fitter,
            int[] pixelDq, boolean[] wholeFrameDnu, ExposureMetadata before, ProgressMonitor monitor)
            throws IOException, CancelledException {
        double[] medianRate = new double[rows.ny() * rows.nx()];
        RampBand.Consumer collect = band -> {
            int from = band.keptPixelFrom();
            int to = band.keptPixelTo();
            double[] m = fitter.medianRates(band::integration, band.nInts(), from, to);
            System.arraycopy(m, 0, medianRate, from, to - from);
        };
        if (!steps.jump()) {
            RampBand.sweep(rows, 0, pass.bandBytes(), collect, monitor, "ramp_fit: median rates");
            return new MedianRates(null, medianRate);
        }
        return new MedianRates(jump(pass, steps, rows, pixelDq, wholeFrameDnu, before, collect, true, monitor),
                medianRate);
    }

    /** Integration i of the spill file after jump (its flags set), numbered first + i in the exposure. */
    static Ramp stage(SpillFile spill, JumpFlags flags, int i, int first) throws IOException {
        Ramp r = spill.read(i, first + i);
        if (flags != null) {
            flags.apply(r, i);
        }
        return r;
    }
}
