package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;

class SegmentCalibrationTest {

    @Test
    void savedProductsOfEveryStepAgreeWithTheReferencePipeline(@TempDir Path out) throws Exception {
        Path base = ReferenceVectorAgreementTest.vectors().resolve("soss96").resolve("soss96");
        try (FitsRampFile raw = FitsRampFile.open(Path.of(base + "_uncal.fits"))) {
            ExposureMetadata e = raw.metadata();
            Set<StepName> all = StepName.DEFAULT_STEPS;
            ReferenceSet refs = new ReferenceSet(ReferenceFiles.readMask(Path.of(base + "_mask.fits.gz"), e),
                    ReferenceFiles.readSaturation(Path.of(base + "_saturation.fits.gz"), e),
                    ReferenceFiles.readSuperbias(Path.of(base + "_superbias.fits.gz"), e),
                    ReferenceFiles.readLinearity(Path.of(base + "_linearity.fits.gz"), e));
            PreparedPipeline p = Pipeline.of(raw.name(), e, PipelineSettings.DEFAULTS, refs).prepare(e, raw.pixelDq());
            List<Path> written = new SegmentCalibration(raw, p, refs.fileNames(all), 2).run(out, "soss96", true,
                    ProgressMonitor.NONE);
            assertEquals(5, written.size());
            String[] suffix = {"dqinitstep", "saturationstep", "superbiasstep", "refpixstep", "linearitystep"};
            for (int k = 0; k < 5; k++) {
                assertEquals(out.resolve("soss96_" + suffix[k] + ".fits"), written.get(k));
                try (FitsRampFile product = FitsRampFile.open(written.get(k))) {
                    assertEquals(EnumSet.copyOf(List.of(StepName.values()).subList(0, k + 1)),
                            product.metadata().completedSteps());
                    List<Ramp> ramps = ReferenceVectorAgreementTest.read(product);
                    ReferenceVectorAgreementTest.compare(suffix[k] + " product", Path.of(base + "_" + suffix[k]
                            + ".fits.gz"), ramps, product.pixelDq());
                }
            }
        }
    }

    @Test
    void cancelLeavesNothingBehind(@TempDir Path out) throws Exception {
        ExposureMetadata e = CalibrationEngineTest.EXPOSURE;
        MemoryRampSource source = new MemoryRampSource(e, 30, 2);
        ReferenceSet refs = CalibrationEngineTest.references(e);
        PreparedPipeline p = Pipeline.of("memory", e, PipelineSettings.DEFAULTS, refs).prepare(e, source.pixelDq());
        ProgressMonitor cancelAfterFive = new ProgressMonitor() {
            private long done;

            @Override
            public void progress(long d, long total, String message) {
                done = d;
            }

            @Override
            public boolean isCancelled() {
                return done >= 5;
            }
        };
        assertThrows(CancelledException.class, () -> new SegmentCalibration(source, p, Map.of(), 2)
                .run(out, "memory", true, cancelAfterFive));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList());
        }
        assertTrue(source.reads.get() < 30, "stopped reading early");
    }

    @Test
    void progressCountsIntegrations(@TempDir Path out) throws Exception {
        ExposureMetadata e = CalibrationEngineTest.EXPOSURE;
        MemoryRampSource source = new MemoryRampSource(e, 7, 2);
        PreparedPipeline p = Pipeline.of("memory", e, PipelineSettings.DEFAULTS, CalibrationEngineTest.references(e))
                .prepare(e, source.pixelDq());
        long[] last = new long[2];
        new SegmentCalibration(source, p, Map.of(), 2).run(out, "memory", false, new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                assertEquals(last[0] + 1, done);
                last[0] = done;
                last[1] = total;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertEquals(7, last[0]);
        assertEquals(7, last[1]);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(out.resolve("memory_linearitystep.fits")), files.toList());
        }
    }

    @Test
    void productRootDropsRawAndStepSuffixes() {
        assertEquals("jw01_nis", SegmentCalibration.productRoot("jw01_nis_uncal.fits"));
        assertEquals("jw01_nis", SegmentCalibration.productRoot("jw01_nis_superbiasstep.fits.gz"));
        assertEquals("plain", SegmentCalibration.productRoot("plain.fits"));
    }
}
