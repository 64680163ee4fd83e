package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;
import org.tsoinspector.model.SuperbiasReference;

/**
 * Runs the shared reference vectors (products of the reference pipeline itself) through the steps:
 * pixel and group DQ must be identical, SCI and ZEROFRAME within 0.05 DN at every sample. Each step is
 * checked twice: chained from the raw segment, and alone starting from the reference's previous
 * product (a saved step product as input).
 */
class ReferenceVectorAgreementTest {

    static final double TOLERANCE = 0.05;
    private static final String[] PRODUCTS = {"dqinitstep", "saturationstep", "superbiasstep", "refpixstep",
        "linearitystep"};

    static Path vectors() {
        String dir = System.getProperty("tso.testdata", "../shared/testdata");
        Path p = Path.of(dir, "detector1");
        Assumptions.assumeTrue(Files.isDirectory(p), "reference vectors not found at " + p);
        return p;
    }

    static List<CalibrationStep> steps(Path base, ExposureMetadata e) throws Exception {
        SuperbiasReference bias = ReferenceFiles.readSuperbias(Path.of(base + "_superbias.fits.gz"), e);
        return List.of(
                new DqInitStep(ReferenceFiles.readMask(Path.of(base + "_mask.fits.gz"), e)),
                new SaturationStep(ReferenceFiles.readSaturation(Path.of(base + "_saturation.fits.gz"), e), bias,
                        SaturationStep.Parameters.DEFAULTS),
                new SuperbiasStep(bias),
                new RefPixStep(RefPixStep.Parameters.DEFAULTS),
                new LinearityStep(ReferenceFiles.readLinearity(Path.of(base + "_linearity.fits.gz"), e)));
    }

    /** Largest |difference| of SCI and ZEROFRAME; fails on any DQ difference. */
    static double compare(String what, Path expectedFile, List<Ramp> got, int[] pixelDq) throws Exception {
        double max = 0;
        try (FitsRampFile expected = FitsRampFile.open(expectedFile)) {
            assertArrayEquals(expected.pixelDq(), pixelDq, what + ": PIXELDQ");
            assertEquals(expected.integrationCount(), got.size());
            for (int i = 0; i < got.size(); i++) {
                Ramp exp = expected.readIntegration(i);
                Ramp r = got.get(i);
                assertArrayEquals(exp.groupDq(), r.groupDq(), what + ": GROUPDQ of integration " + i);
                max = Math.max(max, maxDifference(exp.data(), r.data()));
                if (exp.zeroFrame() != null) {
                    max = Math.max(max, maxDifference(exp.zeroFrame(), r.zeroFrame()));
                }
            }
        }
        assertTrue(max <= TOLERANCE, what + ": SCI differs by " + max + " DN");
        return max;
    }

    static double maxDifference(float[] expected, float[] got) {
        double max = 0;
        for (int k = 0; k < expected.length; k++) {
            if (Float.isNaN(expected[k]) != Float.isNaN(got[k])) {
                return Double.POSITIVE_INFINITY;
            }
            if (!Float.isNaN(expected[k])) {
                max = Math.max(max, Math.abs((double) expected[k] - got[k]));
            }
        }
        return max;
    }

    static List<Ramp> read(FitsRampFile f) throws Exception {
        List<Ramp> ramps = new ArrayList<>();
        for (int i = 0; i < f.integrationCount(); i++) {
            ramps.add(f.readIntegration(i));
        }
        return ramps;
    }

    @ParameterizedTest
    @ValueSource(strings = {"soss256", "soss96", "soss256amp4"})
    void everyStepAgreesWithTheReferencePipeline(String name) throws Exception {
        Path base = vectors().resolve(name).resolve(name);
        try (FitsRampFile raw = FitsRampFile.open(Path.of(base + "_uncal.fits"))) {
            ExposureMetadata e = raw.metadata();
            List<CalibrationStep> steps = steps(base, e);
            List<Ramp> chained = read(raw);
            int[] pixelDq = raw.pixelDq();
            StringBuilder report = new StringBuilder(name);
            for (int s = 0; s < steps.size(); s++) {
                Path expected = Path.of(base + "_" + PRODUCTS[s] + ".fits.gz");
                PreparedStep step = steps.get(s).prepare(e, pixelDq);
                chained.forEach(step::apply);
                pixelDq = step.pixelDq();
                double chainedMax = compare(name + " " + PRODUCTS[s] + " chained", expected, chained, pixelDq);

                Path input = s == 0 ? Path.of(base + "_uncal.fits") : Path.of(base + "_" + PRODUCTS[s - 1] + ".fits.gz");
                try (FitsRampFile previous = FitsRampFile.open(input)) {
                    PreparedStep alone = steps.get(s).prepare(previous.metadata(), previous.pixelDq());
                    List<Ramp> ramps = read(previous);
                    ramps.forEach(alone::apply);
                    double aloneMax = compare(name + " " + PRODUCTS[s] + " from product", expected, ramps,
                            alone.pixelDq());
                    report.append(String.format(" %s %.4g/%.4g", StepName.values()[s].id(), chainedMax, aloneMax));
                }
            }
            System.out.println("max |difference| chained/from product: " + report);
        }
    }

    @Test
    void fullFrameRefpixAgreesWithTheReferencePipeline() throws Exception {
        Path base = vectors().resolve("full").resolve("full");
        try (FitsRampFile in = FitsRampFile.open(Path.of(base + "_superbiasstep.fits.gz"))) {
            PreparedStep step = new RefPixStep(RefPixStep.Parameters.DEFAULTS).prepare(in.metadata(), in.pixelDq());
            List<Ramp> ramps = read(in);
            ramps.forEach(step::apply);
            double max = compare("full refpix", Path.of(base + "_refpixstep.fits.gz"), ramps, step.pixelDq());
            System.out.println("max |difference| full refpix: " + max);
        }
    }
}
