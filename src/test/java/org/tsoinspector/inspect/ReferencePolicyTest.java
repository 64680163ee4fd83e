package org.tsoinspector.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.StepName;

/** Which step a file opened (or sent over SAMP) is the reference of, by its REFTYPE. */
class ReferencePolicyTest {

    @Test
    void everyReferenceTypeNamesItsStepAndAnythingElseNone(@TempDir Path dir) throws Exception {
        Path folder = Path.of(System.getProperty("tso.testdata", "../shared/testdata"), "detector1-ramp", "soss96r");
        Assumptions.assumeTrue(Files.isDirectory(folder), "reference vectors not found");
        Map<String, StepName> expected = Map.of("mask", StepName.DQ_INIT, "saturation", StepName.SATURATION,
                "superbias", StepName.SUPERBIAS, "linearity", StepName.LINEARITY, "dark", StepName.DARK_CURRENT,
                "gain", StepName.JUMP, "readnoise", StepName.RAMP_FIT);
        for (Map.Entry<String, StepName> e : expected.entrySet()) {
            assertEquals(Optional.of(e.getValue()),
                    ReferencePolicy.stepUsing(folder.resolve("soss96r_" + e.getKey() + ".fits.gz")), e.getKey());
        }
        assertEquals(Optional.empty(), ReferencePolicy.stepUsing(folder.resolve("soss96r_uncal.fits.gz")));
        assertEquals(Optional.empty(), ReferencePolicy.stepUsing(folder.resolve("soss96r_rate.fits.gz")));
        assertEquals(Optional.empty(), ReferencePolicy.stepUsing(Files.writeString(dir.resolve("x.fits"), "text")));
        assertEquals(Optional.empty(), ReferencePolicy.stepUsing(dir.resolve("missing.fits")));
    }
}
