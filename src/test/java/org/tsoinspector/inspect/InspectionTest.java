package org.tsoinspector.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.SaturationMark;
import org.tsoinspector.model.StepName;
import org.tsoinspector.render.PlotKind;

/** The inspection layer without a window: opening, reconfiguring and answering requests, on the shared vectors. */
class InspectionTest {

    static Path vector(String name, String suffix) {
        String p = System.getProperty("tso.testdata");
        assumeTrue(p != null && Files.isDirectory(Path.of(p)), "shared test data not available");
        return Path.of(p, "detector1", name, name + suffix);
    }

    static Inspection open(String name) throws Exception {
        return Inspection.open(List.of(vector(name, "_uncal.fits")), null, StepConfiguration.DEFAULTS,
                ProgressMonitor.NONE);
    }

    static FrameRequest request(RampStage a, RampStage b, CompareMode mode, int integration, int group) {
        return new FrameRequest(a, b, mode, true, true, integration, group, DisplaySettings.DEFAULT,
                Set.of(OverlayKind.SPECIAL, OverlayKind.SATURATED), Set.of(DqFlag.SATURATED));
    }

    /** refpix moves every science pixel by a common offset; the difference's picture loses it, the values keep it. */
    @Test
    void theDifferenceAfterRefpixLosesItsMedianInThePictureAndKeepsItInTheValues() throws Exception {
        try (Inspection s = open("soss256")) {
            FrameAnswer kept = s.frame(new FrameRequest(RampStage.after(StepName.REFPIX),
                    RampStage.after(StepName.SUPERBIAS), CompareMode.DIFFERENCE, true, false, 0, 1,
                    DisplaySettings.DEFAULT, Set.of(), Set.of()), ProgressMonitor.NONE);
            FrameAnswer removed = s.frame(new FrameRequest(RampStage.after(StepName.REFPIX),
                    RampStage.after(StepName.SUPERBIAS), CompareMode.DIFFERENCE, true, true, 0, 1,
                    DisplaySettings.DEFAULT, Set.of(), Set.of()), ProgressMonitor.NONE);
            double median = FrameRequest.scienceMedian(kept.difference(), kept.a().pixelDq());
            assertTrue(Math.abs(median) > 5, "refpix's offset, " + median); // 10.7 DN on this vector
            assertEquals(0.0, kept.differenceOffset());
            assertEquals(median, removed.differenceOffset());
            assertArrayEquals(kept.difference(), removed.difference(), "the values are A - B either way");
            assertTrue(removed.caption(false).contains(String.format(java.util.Locale.ROOT,
                    "(median %.1f DN removed)", median)), removed.caption(false));
            // the picture's range is symmetric about 0 of the values less the median: narrower than with it
            double widthKept = kept.pictureA().scale().range().high();
            double widthRemoved = removed.pictureA().scale().range().high();
            assertTrue(widthRemoved < widthKept, widthRemoved + " vs " + widthKept);
            // the export draws what the view shows (its caption says so) and keeps A - B in its numbers
            PlotResult exported = removed.figure(false, true);
            assertTrue(exported.captionText().contains("DN removed)"), exported.captionText());
            assertArrayEquals(removed.difference(), exported.image().values());
        }
    }

    @Test
    void aBoxRampIsTheMeanOfItsPixelsRampsAndPinnedPixelsAddTheirOwn() throws Exception {
        try (Inspection s = open("soss96")) {
            RampStage lin = RampStage.after(StepName.LINEARITY);
            RampStage raw = RampStage.RAW;
            PlotResult box = s.plot(PlotRequest.of(PlotKind.RAMP).withStages(raw, lin).withIntegration(2)
                    .withSkipFlagged(false).withRampExtraction(org.tsoinspector.analysis.RampExtraction.MEAN,
                            new org.tsoinspector.analysis.Region(40, 42, 1000, 1002)), ProgressMonitor.NONE);
            int groups = s.groupCount();
            double[] sum = new double[groups];
            for (int[] p : new int[][] {{1000, 40}, {1001, 40}, {1000, 41}, {1001, 41}}) {
                PlotResult one = s.plot(PlotRequest.of(PlotKind.RAMP).withStages(raw, lin).withIntegration(2)
                        .withSkipFlagged(false).withPixel(p[0], p[1]), ProgressMonitor.NONE);
                for (int g = 0; g < groups; g++) {
                    sum[g] += ((Number) one.table().value(groups + g, 2)).doubleValue(); // after linearity rows
                }
            }
            for (int g = 0; g < groups; g++) {
                assertEquals(sum[g] / 4, ((Number) box.table().value(groups + g, 2)).doubleValue(), 1e-6, "group " + g);
            }
            assertTrue(box.captionText().contains("mean of a box columns 1000..1001, rows 40..41"), box.captionText());
            PlotResult pinned = s.plot(PlotRequest.of(PlotKind.RAMP).withStages(raw, lin).withIntegration(2)
                    .withPixel(1000, 40).withPinned(List.of(new PixelPosition(5, 6), new PixelPosition(7, 8))),
                    ProgressMonitor.NONE);
            assertEquals(4 * groups, pinned.rowCount(), "two stages and two pinned pixels");
            assertEquals("pixel (7, 8), after linearity", pinned.table().value(3 * groups, 0));
            assertTrue(pinned.captionText().endsWith("(+2 pinned)"), pinned.captionText());
            BadInputException outside = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                    () -> s.plot(PlotRequest.of(PlotKind.RAMP).withPinned(List.of(new PixelPosition(5000, 1))),
                            ProgressMonitor.NONE));
            assertTrue(outside.getMessage().contains("not (5000, 1)"), outside.getMessage());
        }
    }

    @Test
    void limitsFromTheVisibleAreaLookOnlyAtThePixelsInView() throws Exception {
        try (Inspection s = open("soss96")) {
            RampStage lin = RampStage.after(StepName.LINEARITY);
            DisplaySettings whole = DisplaySettings.DEFAULT.withLimits(org.tsoinspector.render.Limits.MINMAX);
            org.tsoinspector.analysis.Region corner = new org.tsoinspector.analysis.Region(10, 20, 100, 140);
            FrameAnswer all = s.frame(new FrameRequest(lin, lin, CompareMode.SINGLE, true, true, 0, 2, whole,
                    Set.of(), Set.of(), corner), ProgressMonitor.NONE);
            FrameAnswer inView = s.frame(new FrameRequest(lin, lin, CompareMode.SINGLE, true, true, 0, 2,
                    whole.withLimitsFromView(true), Set.of(), Set.of(), corner), ProgressMonitor.NONE);
            float[] v = inView.a().values();
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (int y = 10; y < 20; y++) {
                for (int x = 100; x < 140; x++) {
                    float f = v[y * inView.a().nx() + x];
                    if (Float.isFinite(f)) {
                        lo = Math.min(lo, f);
                        hi = Math.max(hi, f);
                    }
                }
            }
            assertEquals(lo, inView.pictureA().scale().range().low(), 1e-3, "min of the pixels in view");
            assertEquals(hi, inView.pictureA().scale().range().high(), 1e-3, "max of the pixels in view");
            assertTrue(all.pictureA().scale().range().high() > hi, "the whole frame reaches higher: "
                    + all.pictureA().scale().range() + " vs " + hi);
        }
    }

    @Test
    void scienceMedianLeavesOutReferencePixelsAndNonFiniteValues() {
        float[] v = {100, 1, 2, Float.NaN, 3, 1000};
        int ref = DqFlag.REFERENCE_PIXEL.value();
        int[] dq = {ref, 0, 0, 0, 0, ref};
        assertEquals(2.0, FrameRequest.scienceMedian(v, dq));
        assertEquals(0.0, FrameRequest.scienceMedian(new float[] {Float.NaN}, new int[] {0}));
    }

    @Test
    void referencesBesideTheSegmentAreFoundAndEveryStepRuns() throws Exception {
        Inspection s = open("soss96");
        try {
            assertEquals(List.copyOf(StepName.DEFAULT_STEPS), s.activeSteps());
            for (StepState st : s.stepStates()) {
                if (StepName.DEFAULT_STEPS.contains(st.step())) {
                    assertEquals("applied", st.status(), st.step().id());
                } else {
                    assertEquals("no reference", st.status(), st.step().id()); // the detector1 vectors have no DARK
                }
            }
            assertEquals(vector("soss96", "_mask.fits.gz"), s.stepState(StepName.DQ_INIT).reference());
        } finally {
            s.close();
        }
    }

    @Test
    void aStageWhoseStepIsOffIsNotOfferedAndTheAnswerSaysWhatIsShownInstead() throws Exception {
        Inspection s = open("soss96");
        try {
            Inspection off = s.configure(s.askedConfiguration().withStep(StepName.LINEARITY, false));
            assertTrue(s.sameExposure(off));
            assertFalse(off.stages().contains(RampStage.after(StepName.LINEARITY)));
            assertEquals("after refpix", off.label(RampStage.after(StepName.LINEARITY)));
            FrameAnswer a = off.frame(request(RampStage.after(StepName.LINEARITY), RampStage.RAW, CompareMode.SINGLE,
                    0, 2), ProgressMonitor.NONE);
            assertEquals(RampStage.after(StepName.REFPIX), a.a().stage());
            assertEquals("after refpix  int 1, group 3", a.caption(false));
            assertEquals("after linearity is not available (linearity: off): showing after refpix", a.notes());
            assertEquals("", s.frame(request(RampStage.after(StepName.LINEARITY), RampStage.RAW, CompareMode.SINGLE,
                    0, 2), ProgressMonitor.NONE).notes(), "the earlier state is untouched");
            PlotResult ratio = off.plot(PlotRequest.of(PlotKind.PROFILE).withStages(RampStage.RAW,
                    RampStage.after(StepName.LINEARITY)).withProfile(org.tsoinspector.analysis.ProfileAxis.COLUMN, 100),
                    ProgressMonitor.NONE);
            assertEquals(List.of("row_pixel_index", "raw", "raw - median", "after refpix", "after refpix - median"),
                    ratio.table().columnNames());
            assertFalse(ratio.captionText().contains("linearity"), ratio.captionText());
        } finally {
            s.close();
        }
    }

    @Test
    void openingAnotherGeometryWithFewerGroupsAnswersEveryRequestForIt() throws Exception {
        Inspection a = open("soss256");
        Inspection b = open("soss96");
        try {
            FrameRequest lastGroupOfA = request(RampStage.after(StepName.LINEARITY), RampStage.RAW,
                    CompareMode.SIDE_BY_SIDE, 0, 3);
            FrameAnswer fa = a.frame(lastGroupOfA, ProgressMonitor.NONE);
            assertEquals(256, fa.a().ny());
            assertEquals(3, fa.a().group());
            // the same request answered by the next exposure: 96 rows, its last group is the 3rd
            FrameAnswer fb = b.frame(lastGroupOfA, ProgressMonitor.NONE);
            assertEquals(96, fb.a().ny());
            assertEquals(2, fb.a().group());
            assertEquals("A: after linearity  int 1, group 3", fb.caption(false));
            assertEquals("soss96_uncal.fits", fb.exposureName());
            assertTrue(fb.readout(new PixelPosition(2047, 95), false, false).startsWith("x 2047  y 95"));
            assertEquals(null, fb.readout(new PixelPosition(2047, 96), false, false), "outside the frame");
            for (PlotKind kind : PlotKind.values()) {
                if (kind == PlotKind.RATE) { // the detector1 vectors have no GAIN or READNOISE: one sentence
                    BadInputException noRate = assertThrows(BadInputException.class,
                            () -> b.plot(PlotRequest.of(kind), ProgressMonitor.NONE));
                    assertTrue(noRate.getMessage().startsWith("soss96_uncal.fits: rate images need ramp_fit"),
                            noRate.getMessage());
                    continue;
                }
                PlotResult p = b.plot(PlotRequest.of(kind).withStages(RampStage.RAW, RampStage.after(StepName.LINEARITY))
                        .withGroup(3), ProgressMonitor.NONE);
                assertTrue(p.captionText().startsWith("soss96_uncal.fits"), kind + ": " + p.captionText());
                assertTrue(p.rowCount() > 0, kind.id());
            }
            BadInputException tooFar = assertThrows(BadInputException.class, () -> b.plot(PlotRequest.of(PlotKind.FRAME)
                    .withGroup(4), ProgressMonitor.NONE));
            assertEquals("soss96_uncal.fits: has groups 1 to 3, not 4", tooFar.getMessage());
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void aSavedProductOffersItsInputAndTheStepsAfterIt() throws Exception {
        Inspection s = Inspection.open(List.of(vector("soss96", "_superbiasstep.fits.gz")), null,
                StepConfiguration.DEFAULTS, ProgressMonitor.NONE);
        try {
            assertEquals(List.of(RampStage.RAW, RampStage.after(StepName.REFPIX), RampStage.after(StepName.LINEARITY)),
                    s.stages());
            assertEquals("input (after superbias)", s.label(RampStage.RAW));
            assertEquals("input (after superbias)", s.label(RampStage.after(StepName.SATURATION)));
            assertEquals("done in input", s.stepState(StepName.SUPERBIAS).status());
        } finally {
            s.close();
        }
    }

    @Test
    void aMissingReferenceSwitchesItsStepOffAndTheSentenceNamesTheFoldersTried(@TempDir Path dir) throws Exception {
        Path alone = Files.copy(vector("soss96", "_uncal.fits"), dir.resolve("seg_uncal.fits"));
        Inspection s = Inspection.open(List.of(alone), null, StepConfiguration.DEFAULTS, ProgressMonitor.NONE);
        try {
            assertEquals(List.of(StepName.REFPIX), s.activeSteps(), "only refpix needs no reference file");
            assertEquals("no reference", s.stepState(StepName.LINEARITY).status());
            BadInputException e = assertThrows(BadInputException.class, s::requireSwitchedOnSteps);
            assertTrue(e.getMessage().startsWith(alone + ": no MASK reference file for NIRISS NIS covering"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(" in " + dir.resolve("refs") + " (no such folder), " + dir + " or "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("; give one with --mask FILE or a folder with --refs DIR"));
            Inspection withMask = s.configure(s.askedConfiguration().withReference(StepName.DQ_INIT,
                    vector("soss96", "_mask.fits.gz")));
            assertEquals(List.of(StepName.DQ_INIT, StepName.REFPIX), withMask.activeSteps(),
                    "the step switched off for want of a file comes back with one");
        } finally {
            s.close();
        }
    }

    @Test
    void marksAndTheThresholdScaleAreSaturationParametersAndTheirStagesAreCached() throws Exception {
        Inspection s = open("soss96");
        try {
            FrameRequest r = request(RampStage.after(StepName.LINEARITY), RampStage.RAW, CompareMode.SINGLE, 1, 2);
            FrameAnswer plain = s.frame(r, ProgressMonitor.NONE);
            int x = 1000;
            int y = 40;
            assertEquals(0, plain.a().groupDq(x, y) & DqFlag.SATURATED.value());
            Inspection marked = s.configure(s.askedConfiguration().withMark(new SaturationMark(1, x, y, x, y, 1)));
            FrameAnswer m = marked.frame(r, ProgressMonitor.NONE);
            assertEquals(DqFlag.SATURATED.value(), m.a().groupDq(x, y) & DqFlag.SATURATED.value());
            assertTrue(m.readout(new PixelPosition(x, y), false, false).contains("SATURATED"));
            assertEquals(plain.a().values()[y * 2048 + x - 1], m.a().values()[y * 2048 + x - 1], "a neighbour unchanged");
            float refpix = marked.frame(request(RampStage.after(StepName.REFPIX), RampStage.RAW, CompareMode.SINGLE, 1,
                    2), ProgressMonitor.NONE).a().values()[y * 2048 + x];
            assertEquals(refpix, m.a().values()[y * 2048 + x], "linearity leaves a marked group uncorrected");
            assertTrue(refpix != plain.a().values()[y * 2048 + x], "unmarked, linearity corrects it");
            Inspection unmarked = marked.configure(marked.askedConfiguration().withoutMarks());
            assertSame(plain.a().ramp(), unmarked.frame(r, ProgressMonitor.NONE).a().ramp(),
                    "removing the mark finds the unmarked stage in the cache");
            Inspection halved = s.configure(s.askedConfiguration().withParameter("saturation.threshold_scale=0.5"));
            long before = saturated(plain);
            long after = saturated(halved.frame(r, ProgressMonitor.NONE));
            assertTrue(after > before, after + " vs " + before);
            assertThrows(BadInputException.class, () -> s.configure(s.askedConfiguration()
                    .withMark(new SaturationMark(0, 2048, 0, 2048, 0, 0))), "a mark outside the frame");
        } finally {
            s.close();
        }
    }

    private static long saturated(FrameAnswer f) {
        long n = 0;
        for (int y = 0; y < f.a().ny(); y++) {
            for (int x = 0; x < f.a().nx(); x++) {
                n += (f.a().groupDq(x, y) & DqFlag.SATURATED.value()) != 0 ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void anOverlayThatDrawsNothingSaysWhy() throws Exception {
        Inspection s = open("soss96");
        try {
            FrameRequest raw = request(RampStage.RAW, RampStage.RAW, CompareMode.SINGLE, 0, 2);
            FrameAnswer f = s.frame(raw, ProgressMonitor.NONE);
            assertEquals("Special pixels (DQ not 0, not reference): these flags come from dq_init; choose a stage after"
                    + " dq_init; SATURATED in shown group: these flags come from saturation; choose a stage after"
                    + " saturation", f.pictureA().emptyOverlays());
            FrameAnswer after = s.frame(request(RampStage.after(StepName.SATURATION), RampStage.RAW,
                    CompareMode.SINGLE, 0, 2), ProgressMonitor.NONE);
            assertEquals("", after.pictureA().emptyOverlays(), "the mask has special pixels, group 3 saturated ones");
            FrameAnswer first = s.frame(request(RampStage.after(StepName.SATURATION), RampStage.RAW,
                    CompareMode.SINGLE, 0, 0), ProgressMonitor.NONE);
            assertTrue(first.pictureA().emptyOverlays().isEmpty()
                    || first.pictureA().emptyOverlays().equals("SATURATED in shown group: none in this frame"),
                    first.pictureA().emptyOverlays());
        } finally {
            s.close();
        }
    }
}
