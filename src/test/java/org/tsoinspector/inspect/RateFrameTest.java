package org.tsoinspector.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tsoinspector.fits.VectorArrays;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.StepName;
import org.tsoinspector.render.PlotKind;

/**
 * The window's rate images (jump once over the segment, then one fit per integration) against the
 * reference's rateints product: every integration's SCI, ERR and DQ, from the raw segment.
 */
class RateFrameTest {

    private static Path folder(String name) {
        String p = System.getProperty("tso.testdata");
        assumeTrue(p != null && Files.isDirectory(Path.of(p, "detector1-ramp", name)), "shared test data not available");
        return Path.of(p, "detector1-ramp", name);
    }

    private static Inspection open(String name) throws Exception {
        Path dir = folder(name);
        StepConfiguration all = StepConfiguration.DEFAULTS.withSettings(
                StepConfiguration.DEFAULTS.settings().withEnabled(EnumSet.allOf(StepName.class)));
        return Inspection.open(List.of(dir.resolve(name + "_uncal.fits.gz")), dir, all, ProgressMonitor.NONE);
    }

    /** soss96r: the iterative path, 10 integrations; sub64sig: the sigma clip across 100 integrations. */
    @ParameterizedTest
    @ValueSource(strings = {"soss96r", "sub64sig"})
    void everyIntegrationsRateImageIsTheReferencesRateints(String name) throws Exception {
        Path ref = folder(name).resolve(name + "_rateints.fits.gz");
        float[] sci = VectorArrays.floats(ref, "SCI");
        float[] err = VectorArrays.floats(ref, "ERR");
        int[] dq = VectorArrays.ints(ref, "DQ");
        try (Inspection s = open(name)) {
            int n = s.integrationCount();
            int frame = s.metadata().ny() * s.metadata().nx();
            assertEquals(n * frame, sci.length);
            assertFalse(s.ratesReady());
            double worst = 0;
            for (int i = 0; i < n; i++) {
                RateFrame r = s.rate(i, ProgressMonitor.NONE);
                assertTrue(s.ratesReady(), "made once, for every integration");
                assertEquals("COMPLETE", r.jumpStatus());
                int from = i * frame;
                worst = Math.max(worst, VectorArrays.agree(name + " SCI " + i,
                        Arrays.copyOfRange(sci, from, from + frame), r.fit().sci()));
                worst = Math.max(worst, VectorArrays.agree(name + " ERR " + i,
                        Arrays.copyOfRange(err, from, from + frame), r.fit().err()));
                assertArrayEquals(Arrays.copyOfRange(dq, from, from + frame), r.fit().dq(), name + " DQ " + i);
            }
            assertTrue(worst < 1e-4, name + ": " + worst);
        }
    }

    /** The JUMP overlay and read-out: the jumpstep product's JUMP_DET flags of the shown group, once the rates are made. */
    @Test
    void theJumpOverlayShowsTheJumpStepsFlagsOnceTheRatesAreMade() throws Exception {
        Path jumpstep = folder("soss96r").resolve("soss96r_jumpstep.fits.gz");
        byte[] groupDq = VectorArrays.bytes(jumpstep, "GROUPDQ");
        try (Inspection s = open("soss96r")) {
            RampStage lin = RampStage.after(StepName.LINEARITY);
            FrameRequest ask = new FrameRequest(lin, lin, CompareMode.SINGLE, true, true, 2, 3, DisplaySettings.DEFAULT,
                    java.util.Set.of(OverlayKind.JUMP), java.util.Set.of());
            FrameAnswer before = s.frame(ask, ProgressMonitor.NONE);
            assertTrue(before.pictureA().emptyOverlays().contains("Compute in the Rate tab"),
                    before.pictureA().emptyOverlays());
            s.rate(0, ProgressMonitor.NONE);
            FrameAnswer after = s.frame(ask, ProgressMonitor.NONE);
            int frame = 96 * 2048;
            int nGroups = s.groupCount();
            int jumps = 0;
            int shown = 0;
            int[] argb = after.pictureA().overlays().get(OverlayKind.JUMP).argb();
            for (int p = 0; p < frame; p++) {
                boolean jump = (groupDq[(2 * nGroups + 3) * frame + p] & 4) != 0;
                jumps += jump ? 1 : 0;
                shown += argb[p] >>> 24 != 0 ? 1 : 0;
                assertEquals(jump, argb[p] >>> 24 != 0, "pixel " + p);
            }
            assertTrue(jumps > 0, "integration 3, group 4 has jumps in the reference");
            assertEquals(jumps, shown);
            for (int p = 0; p < frame; p++) {
                if ((groupDq[(2 * nGroups + 3) * frame + p] & 4) != 0) {
                    String text = after.readout(new PixelPosition(p % 2048, p / 2048), false, false);
                    assertTrue(text.contains("JUMP_DET"), text);
                    break;
                }
            }
        }
    }

    /** A pixel with a jump: the ramp plot adds the ramp after jump and ramp_fit's segments, split at the jump. */
    @Test
    void theRampOfAJumpedPixelShowsTheJumpAndTheSegmentsRampFitFitted() throws Exception {
        Path jumpstep = folder("soss96r").resolve("soss96r_jumpstep.fits.gz");
        byte[] groupDq = VectorArrays.bytes(jumpstep, "GROUPDQ");
        try (Inspection s = open("soss96r")) {
            int frame = 96 * 2048;
            int nGroups = s.groupCount();
            int pixel = -1;
            for (int p = 0; p < frame && pixel < 0; p++) {
                int g3 = groupDq[(2 * nGroups + 3) * frame + p];
                int others = 0;
                for (int g = 0; g < nGroups; g++) {
                    others |= g == 3 ? 0 : groupDq[(2 * nGroups + g) * frame + p];
                }
                if (g3 == 4 && others == 0) { // a jump alone in group 4 of integration 3, nothing else flagged
                    pixel = p;
                }
            }
            assertTrue(pixel >= 0, "the reference has a clean jumped pixel");
            int x = pixel % 2048;
            int y = pixel / 2048;
            PlotRequest ask = PlotRequest.of(PlotKind.RAMP).withIntegration(3).withPixel(x, y);
            assertEquals(2 * nGroups, s.plot(ask, ProgressMonitor.NONE).rowCount(), "before the rates: two stages");
            s.rate(0, ProgressMonitor.NONE);
            PlotResult r = s.plot(ask, ProgressMonitor.NONE);
            assertEquals(3 * nGroups, r.rowCount(), "the ramp after jump joins the plot");
            assertEquals("after jump", r.table().value(2 * nGroups + 3, 0));
            assertEquals("JUMP_DET", r.table().value(2 * nGroups + 3, 6), "group 4 flagged");
            Inspection.JumpedRamp jumped = s.jumped(2, x, y);
            assertEquals(2, jumped.segments().size(), "split at the jump: " + jumped.segments());
            assertEquals(0, jumped.segments().get(0).from());
            assertEquals(3, jumped.segments().get(1).from(), "the second segment starts at the jump");
            org.jfree.chart.plot.XYPlot samples = (org.jfree.chart.plot.XYPlot)
                    ((org.jfree.chart.plot.CombinedDomainXYPlot) r.panels().get(0).getPlot()).getSubplots().get(0);
            int lines = 0;
            for (int d = 0; d < samples.getDatasetCount(); d++) {
                for (int k = 0; k < samples.getDataset(d).getSeriesCount(); k++) {
                    lines += samples.getDataset(d).getSeriesKey(k).toString().contains("ramp_fit segment") ? 1 : 0;
                }
            }
            assertEquals(2, lines, "each segment drawn with its own slope");
        }
    }

    @Test
    void theRatePlotExportsThePlaneAsFitsAndWithoutReadnoiseSaysWhy() throws Exception {
        try (Inspection s = open("soss96r")) {
            PlotResult err = s.plot(PlotRequest.of(PlotKind.RATE).withIntegration(3).withRatePlane(RatePlane.ERR),
                    ProgressMonitor.NONE);
            assertTrue(err.hasImage());
            assertArrayEquals(s.rate(2, ProgressMonitor.NONE).fit().err(), err.image().values());
            assertEquals("DN/s", err.image().cards().value("BUNIT").trim());
            assertTrue(err.captionText().contains("error (ERR), after ramp_fit (jump complete)"), err.captionText());
            Inspection off = s.configure(s.askedConfiguration().withStep(StepName.RAMP_FIT, false));
            assertFalse(off.ratesReady(), "another configuration: its own rates");
            BadInputException e = assertThrows(BadInputException.class, () -> off.rate(0, ProgressMonitor.NONE));
            assertTrue(e.getMessage().contains("rate images need ramp_fit, which is off"), e.getMessage());
        }
    }
}
