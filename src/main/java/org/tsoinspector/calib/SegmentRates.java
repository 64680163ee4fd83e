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
import org.tsoinspector.model.RampSource;
import org.tsoinspector.model.StepName;

/**
 * jump and ramp_fit on one segment whose per-integration stages wait in a spill file: jump in bands of
 * rows across integrations, then ramp_fit integration by integration (a pass for the median rates, a
 * pass for the fits); writes {@code <root>_jumpstep.fits} (when it is the last step, or with save-each),
 * {@code <root>_rateints.fits} and {@code <root>_rate.fits}. Memory: one band, one integration and a few
 * frame-sized arrays, whatever the segment's length.
 */
final class SegmentRates {

    private final RampSource source;
    private final SegmentSteps steps;
    private final Map<StepName, String> referenceNames;

    SegmentRates(RampSource source, SegmentSteps steps, Map<StepName, String> referenceNames) {
        this.source = source;
        this.steps = steps;
        this.referenceNames = referenceNames;
    }

    /**
     * @param before    the metadata after the per-integration steps (those completed)
     * @param pixelDqIn the pixel DQ after them
     * @param skipped   the steps recorded as SKIPPED so far
     */
    List<Path> run(SpillFile spill, boolean[] wholeFrameDnu, ExposureMetadata before, int[] pixelDqIn,
            Set<StepName> skipped, Path outDir, String root, boolean saveEach, ProgressMonitor monitor)
            throws IOException, CancelledException {
        List<Path> written = new ArrayList<>();
        EnumSet<StepName> done = before.completedSteps().isEmpty() ? EnumSet.noneOf(StepName.class)
                : EnumSet.copyOf(before.completedSteps());
        EnumSet<StepName> notRun = skipped.isEmpty() ? EnumSet.noneOf(StepName.class) : EnumSet.copyOf(skipped);
        int[] pixelDq = pixelDqIn;
        JumpFlags flags = null;
        int nInts = spill.nInts();
        int first = before.intStart() - 1;
        if (steps.jump()) {
            JumpPass.Result jump = jump(steps, spill, pixelDq, wholeFrameDnu, before, monitor);
            (jump.method() == null ? notRun : done).add(StepName.JUMP);
            pixelDq = jump.pixelDq();
            flags = jump.method() == null ? null : jump.flags();
            if (saveEach || !steps.rampFit()) {
                Path target = outDir.resolve(root + "_" + StepName.JUMP.productSuffix() + ".fits");
                Map<String, Double> cards = jump.method() == null ? Map.of() : Map.of("PRIMECRS", jump.primeCrs());
                try (RampProductWriter w = RampProductWriter.create(target, source, before.withCompletedSteps(done),
                        referenceNames, notRun, cards)) {
                    for (int i = 0; i < nInts; i++) {
                        monitor.checkCancelled();
                        Ramp r = spill.read(i, first + i);
                        if (flags != null) {
                            flags.apply(r, i);
                        }
                        w.writeIntegration(r);
                    }
                    w.commit(pixelDq);
                }
                written.add(target);
            }
        }
        if (steps.rampFit()) {
            done.add(StepName.RAMP_FIT);
            written.addAll(rampFit(spill, flags, before.withCompletedSteps(done), pixelDq, notRun, outDir, root,
                    monitor));
        }
        return written;
    }

    private List<Path> rampFit(SpillFile spill, JumpFlags flags, ExposureMetadata product, int[] pixelDq,
            Set<StepName> skipped, Path outDir, String root, ProgressMonitor monitor)
            throws IOException, CancelledException {
        int nInts = spill.nInts();
        int first = product.intStart() - 1;
        RampFitter fitter = fitter(steps, product, pixelDq);
        double[] medianRate = medianRates(spill, flags, fitter, first, monitor);
        Path ints = outDir.resolve(root + "_rateints.fits");
        Path rate = outDir.resolve(root + "_rate.fits");
        RampFitter.RateSums sums = new RampFitter.RateSums(fitter.pixelDq());
        try (RateProductWriter intsWriter = RateProductWriter.create(ints, source, product, referenceNames, skipped,
                true);
                RateProductWriter rateWriter = RateProductWriter.create(rate, source, product, referenceNames,
                        skipped, false)) {
            for (int i = 0; i < nInts; i++) {
                monitor.checkCancelled();
                RampFitter.IntegrationFit fit = fitter.fit(stage(spill, flags, i, first), medianRate);
                intsWriter.write(i, fit.sci(), fit.err(), fit.dq(), fit.varPoisson(), fit.varReadNoise());
                sums.add(fit);
                monitor.progress(nInts + i + 1, 2L * nInts, "ramp_fit: integration " + (i + 1) + " of " + nInts);
            }
            RampFitter.RateImage image = sums.image();
            rateWriter.write(0, image.sci(), image.err(), image.dq(), image.varPoisson(), image.varReadNoise());
            intsWriter.commit();
            rateWriter.commit();
        }
        return List.of(ints, rate);
    }

    /** jump over the whole segment in the spill file, in bands of rows. */
    static JumpPass.Result jump(SegmentSteps steps, SpillFile spill, int[] pixelDq, boolean[] wholeFrameDnu,
            ExposureMetadata before, ProgressMonitor monitor) throws IOException, CancelledException {
        return new JumpPass(steps.jumpParameters()).run(spill, pixelDq, steps.gain().values(),
                steps.readNoise().values(), wholeFrameDnu, before.nFrames(), before.tGroup(), monitor);
    }

    /** ramp_fit's fitter for a segment whose pixel DQ (after jump) is {@code pixelDq}. */
    static RampFitter fitter(SegmentSteps steps, ExposureMetadata product, int[] pixelDq) {
        return new RampFitter(product.nGroups(), pixelDq, steps.gain().values(), steps.readNoise().values(),
                steps.darkCurrent(), product.tGroup(), product.tFrame(), product.nFrames(),
                steps.rampFitParameters().suppressOneGroup());
    }

    /** The per-pixel median rates over every integration, the first pass of ramp_fit (half the progress). */
    static double[] medianRates(SpillFile spill, JumpFlags flags, RampFitter fitter, int first,
            ProgressMonitor monitor) throws IOException, CancelledException {
        int nInts = spill.nInts();
        double[] medianRate = new double[fitter.pixelDq().length];
        for (int i = 0; i < nInts; i++) {
            monitor.checkCancelled();
            fitter.addMedianRates(stage(spill, flags, i, first), medianRate);
            monitor.progress(i + 1, 2L * nInts, "ramp_fit: median rates, integration " + (i + 1) + " of " + nInts);
        }
        for (int p = 0; p < medianRate.length; p++) {
            medianRate[p] /= (float) nInts; // the reference divides by a float32 count
        }
        return medianRate;
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
