package org.tsoinspector.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.SaturationMark;
import org.tsoinspector.model.StepName;

/**
 * Random sequences of what a user does (open, toggle a step, change a parameter, mark, choose stages,
 * move integration and group, change the comparison), with the invariants checked after each: the
 * answer's labels name only stages that ran, its indices are inside the exposure shown, and its caption
 * describes the data it holds.
 */
class UserActionSequenceTest {

    private static final String[] EXPOSURES = {"soss96", "soss256"};
    private static final String[] PARAMETERS = {"saturation.n_pix_grow_sat=0", "saturation.n_pix_grow_sat=2",
        "saturation.threshold_scale=0.8", "saturation.threshold_scale=1", "refpix.odd_even_columns=false",
        "refpix.use_side_ref_pixels=false", "refpix.odd_even_columns=true"};

    @Test
    void everyAnswerDescribesWhatItShowsWhateverTheUserDidBefore() throws Exception {
        Random rnd = new Random(20261202);
        Inspection current = InspectionTest.open("soss96");
        RampStage a = RampStage.RAW;
        RampStage b = RampStage.after(StepName.LINEARITY);
        CompareMode mode = CompareMode.SINGLE;
        int integration = 0;
        int group = 0;
        try {
            for (int action = 0; action < 120; action++) {
                List<RampStage> all = RampStage.all();
                switch (rnd.nextInt(8)) {
                    case 0 -> {
                        // as the window does: the new exposure replaces the old one, whose files close
                        Inspection next = InspectionTest.open(EXPOSURES[rnd.nextInt(EXPOSURES.length)]);
                        current.close();
                        current = next;
                    }
                    case 1 -> {
                        StepName step = StepName.values()[rnd.nextInt(StepName.DEFAULT_STEPS.size())];
                        StepConfiguration c = current.askedConfiguration();
                        current = current.configure(c.withStep(step, !c.settings().isEnabled(step)));
                    }
                    case 2 -> current = current.configure(current.askedConfiguration()
                            .withParameter(PARAMETERS[rnd.nextInt(PARAMETERS.length)]));
                    case 3 -> {
                        int x = rnd.nextInt(current.metadata().nx());
                        int y = rnd.nextInt(current.metadata().ny());
                        SaturationMark m = new SaturationMark(rnd.nextInt(current.integrationCount() + 1) - 1, x, y,
                                x, y, rnd.nextInt(current.groupCount()));
                        current = current.configure(rnd.nextInt(4) == 0 ? current.askedConfiguration().withoutMarks()
                                : current.askedConfiguration().withMark(m));
                    }
                    case 4 -> a = all.get(rnd.nextInt(all.size()));
                    case 5 -> b = all.get(rnd.nextInt(all.size()));
                    case 6 -> {
                        // keys held down run past either end; a request made for a longer exposure is answered too
                        integration = rnd.nextInt(4) - 1;
                        group = rnd.nextInt(6) - 1;
                    }
                    default -> mode = CompareMode.values()[rnd.nextInt(CompareMode.values().length)];
                }
                check(current, new FrameRequest(a, b, mode, rnd.nextBoolean(), rnd.nextBoolean(), integration, group,
                        DisplaySettings.DEFAULT, java.util.Set.of(OverlayKind.SATURATED), java.util.Set.of()),
                        "action " + action);
            }
        } finally {
            current.close();
        }
    }

    private static void check(Inspection s, FrameRequest r, String when) throws Exception {
        FrameAnswer f;
        try {
            f = s.frame(r, ProgressMonitor.NONE);
        } catch (BadInputException e) {
            throw new AssertionError(when + ": a request of a valid state failed: " + e.getMessage(), e);
        }
        List<RampStage> offered = s.stages();
        List<String> ran = new ArrayList<>();
        for (RampStage st : offered) {
            ran.add(s.label(st));
        }
        assertTrue(offered.contains(f.a().stage()), when + ": " + f.a().stage() + " not among " + offered);
        assertEquals(s.label(f.a().stage()), f.a().label(), when);
        assertTrue(ran.contains(f.a().label()), when + ": " + f.a().label() + " names a stage that did not run");
        int i = f.a().integration();
        int g = f.a().group();
        assertTrue(i >= 0 && i < s.integrationCount() && g >= 0 && g < s.groupCount(), when + ": " + i + ", " + g);
        assertEquals(s.metadata().ny(), f.a().ny(), when);
        assertTrue(f.caption(false).contains(f.a().label()) && f.caption(false).endsWith("int " + (i + 1)
                + ", group " + (g + 1)), when + ": " + f.caption(false));
        assertEquals(f.a().ramp().frame(g)[7], f.a().values()[7], when + ": the values are those of the group named");
        if (r.mode() != CompareMode.SINGLE) {
            assertTrue(offered.contains(f.b().stage()) && ran.contains(f.b().label()), when + ": " + f.b().label());
            assertEquals(i, f.b().integration(), when + ": A and B of one integration");
            assertEquals(g, f.b().group(), when);
        }
        boolean substituted = !s.resolve(r.a()).equals(r.a())
                || r.mode() != CompareMode.SINGLE && !s.resolve(r.b()).equals(r.b());
        assertEquals(substituted, !f.notes().isEmpty(), when + ": notes '" + f.notes() + "'");
        assertFalse(f.readout(new PixelPosition(0, 0), false, false).isEmpty(), when);
    }
}
