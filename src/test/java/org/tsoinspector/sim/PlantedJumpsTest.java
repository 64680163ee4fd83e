package org.tsoinspector.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.cli.CommandLine;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;

/**
 * The simulator's cosmic rays become jumps the jump step finds: the built-in sample's scenario (fewer
 * integrations), all eight steps with the references the simulator writes, scored against the planted
 * hits. A hit in group 0 has no difference before it, and one in a saturated group is cleared by the
 * reference's rule, so only hits in a later, unsaturated group of a science pixel are counted.
 */
class PlantedJumpsTest {

    @Test
    void mostPlantedCosmicRaysAreFlaggedWhereTheyHit(@TempDir Path dir) throws Exception {
        Scenario sc = SampleLibrary.scenario(SampleLibrary.DEFAULT_SAMPLE).withIntegrations(8);
        ExposureSimulator sim = new ExposureSimulator(sc);
        ExposureSimulator.Result r = sim.write(dir, 2, ProgressMonitor.NONE);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CommandLine(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("calibrate", r.segments().get(0).toString(),
                "--steps", "dq_init,saturation,superbias,refpix,linearity,dark_current,jump", "--out",
                dir.resolve("out").toString());
        assertEquals(0, status, err.toString());
        String name = r.segments().get(0).getFileName().toString().replace("_uncal.fits", "_jumpstep.fits");
        long planted = 0;
        long found = 0;
        try (FitsRampFile jumped = FitsRampFile.open(dir.resolve("out").resolve(name))) {
            int[] pixelDq = jumped.pixelDq();
            for (int i = 0; i < jumped.integrationCount(); i++) {
                Ramp ramp = jumped.readIntegration(i);
                int n = ramp.framePixels();
                for (long hit : sim.plantedCosmicRays(i)) {
                    int p = (int) (hit >>> 8);
                    int g = (int) (hit & 0xFF);
                    int dq = ramp.groupDq()[g * n + p] & 0xFF;
                    if (g == 0 || pixelDq[p] != 0 || (dq & (DqFlag.SATURATED.value() | DqFlag.DO_NOT_USE.value())) != 0) {
                        continue;
                    }
                    planted++;
                    if ((dq & DqFlag.JUMP_DET.value()) != 0) {
                        found++;
                    }
                }
            }
        }
        System.out.printf("planted %d cosmic rays in later unsaturated groups of clean pixels; jump flagged %d"
                + " (%.1f %%)%n", planted, found, 100.0 * found / planted);
        assertTrue(planted > 100, "the scenario plants cosmic rays: " + planted);
        assertTrue(found >= 0.9 * planted, found + " of " + planted + " planted hits flagged");
    }
}
