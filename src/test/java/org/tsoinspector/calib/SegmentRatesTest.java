package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.fits.SpillFile;
import org.tsoinspector.fits.VectorArrays;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;

/**
 * jump and ramp_fit in one pass over bands: the products do not depend on where the bands end. Each
 * vector's darkcurrentstep goes through whole-frame bands and through bands of 3 rows (5 with their
 * halo), whose jump flags, median rates and fits all cross band edges; every extension must be equal.
 * (The products' agreement with the reference pipeline is RateProductsTest's.)
 */
class SegmentRatesTest {

    private static final List<String> EXTENSIONS = List.of("SCI", "ERR", "VAR_POISSON", "VAR_RNOISE");

    @ParameterizedTest
    @ValueSource(strings = {"soss256r", "sub64sig"})
    void productsDoNotDependOnTheBands(String name, @TempDir Path out) throws Exception {
        Path dir = RampStepsVectorTest.folder(name);
        try (FitsRampFile dark = FitsRampFile.open(dir.resolve(name + "_darkcurrentstep.fits.gz"))) {
            ExposureMetadata e = dark.metadata();
            SegmentSteps steps = new SegmentSteps(true, true,
                    ReferenceFiles.readGain(dir.resolve(name + "_gain.fits.gz"), e),
                    ReferenceFiles.readReadNoise(dir.resolve(name + "_readnoise.fits.gz"), e),
                    new DarkCurrentStep(ReferenceFiles.readDark(dir.resolve(name + "_dark.fits.gz"), e))
                            .averageDarkCurrent(),
                    JumpDetection.Parameters.DEFAULTS, SegmentSteps.RampFitParameters.DEFAULTS);
            List<Ramp> ramps = RampStepsVectorTest.ramps(dark);
            boolean[] wholeFrameDnu = MemoryRampRows.wholeFrameDnu(ramps);
            try (SpillFile spill = new SpillFile(out, ramps.size(), e.nGroups(), e.ny(), e.nx(), e.hasZeroFrame())) {
                for (int i = 0; i < ramps.size(); i++) {
                    spill.write(i, ramps.get(i));
                }
                long smallBands = 5 * RampBand.rowBytes(spill);
                Path whole = run(dark, steps, spill, wholeFrameDnu, out.resolve("whole"), JumpPass.BAND_BYTES);
                Path banded = run(dark, steps, spill, wholeFrameDnu, out.resolve("banded"), smallBands);
                for (String product : List.of("_rateints.fits", "_rate.fits")) {
                    Path a = whole.resolve(name + product);
                    Path b = banded.resolve(name + product);
                    for (String x : EXTENSIONS) {
                        assertArrayEquals(VectorArrays.floats(a, x), VectorArrays.floats(b, x), product + " " + x);
                    }
                    assertArrayEquals(VectorArrays.ints(a, "DQ"), VectorArrays.ints(b, "DQ"), product + " DQ");
                }
                assertEquals(ramps.size() * e.ny() * e.nx(), VectorArrays.floats(banded.resolve(name + "_rateints.fits"),
                        "SCI").length);
            }
        }
    }

    private static Path run(FitsRampFile source, SegmentSteps steps, SpillFile spill, boolean[] wholeFrameDnu,
            Path outDir, long bandBytes) throws Exception {
        Files.createDirectories(outDir);
        new SegmentRates(source, steps, Map.of(), bandBytes).run(spill, wholeFrameDnu, source.metadata(),
                source.pixelDq(), Set.of(), outDir, source.name().replace("_darkcurrentstep.fits.gz", ""), false,
                ProgressMonitor.NONE);
        return outDir;
    }
}
