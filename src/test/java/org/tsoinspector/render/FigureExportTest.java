package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.analysis.DqSummaryBuilder;
import org.tsoinspector.analysis.GroupRatioHistogram;
import org.tsoinspector.analysis.LightCurveBuilder;
import org.tsoinspector.analysis.LightCurveMode;
import org.tsoinspector.analysis.PixelMask;
import org.tsoinspector.analysis.Profile;
import org.tsoinspector.analysis.RampFit;
import org.tsoinspector.analysis.RatioHistogramSpec;
import org.tsoinspector.analysis.Region;
import org.tsoinspector.analysis.Staged;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

class FigureExportTest {

    @TempDir
    Path dir;

    /** A 5-group, 32 x 64 ramp with a bright band and a slight non-linearity; pixel (3, 10) saturates. */
    private static Ramp ramp(int integration, boolean linear) {
        int ny = 32;
        int nx = 64;
        Ramp r = Ramp.zeros(integration, 5, ny, nx, false);
        for (int g = 0; g < 5; g++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double rate = 20 + (y >= 12 && y < 20 ? 3000 : 0) + 10 * x;
                    double f = rate * (g + 1);
                    r.data()[r.index(g, y, x)] = (float) (linear ? f : f - 1e-6 * f * f);
                }
            }
        }
        r.groupDq()[r.index(4, 3, 10)] = (byte) DqFlag.SATURATED.value();
        return r;
    }

    @Test
    void everyFigureExportsAsANonBlankPngOfTheRequestedSize() throws Exception {
        Ramp raw = ramp(0, false);
        Ramp lin = ramp(0, true);
        int[] pixelDq = new int[32 * 64];
        pixelDq[5] = DqFlag.HOT.value();
        pixelDq[6] = DqFlag.REFERENCE_PIXEL.value();
        Caption caption = new Caption("test_uncal.fits", 1, 5, "after refpix");

        FrameRenderer r = new FrameRenderer(Colormap.named("viridis"), Stretch.LINEAR,
                Limits.PERCENTILE_99_5.of(raw.frame(4), new DisplayRange(0, 1)));
        Figure frame = Figure.of("frame", ImageCharts.frame("frame", raw.frame(4), 32, 64, r, "DN", true));
        Figure mask = Figure.of("mask", ImageCharts.mask("Special pixels", PixelMask.special(pixelDq, 32, 64)));
        Figure profile = ProfileCharts.comparison(List.of(
                new Staged<>("before", Profile.column(raw.frame(4), 32, 64, 40)),
                new Staged<>("after", Profile.column(lin.frame(4), 32, 64, 40))));
        Figure rampFig = RampCharts.upTheRamp("pixel (10, 3)", List.of(
                new Staged<>("before", RampFit.of(raw, 3, 10, true)), new Staged<>("after", RampFit.of(lin, 3, 10, true))));
        GroupRatioHistogram before = new GroupRatioHistogram(RatioHistogramSpec.defaults(5));
        GroupRatioHistogram after = new GroupRatioHistogram(RatioHistogramSpec.defaults(5));
        DqSummaryBuilder dq = new DqSummaryBuilder(pixelDq, 32, 64, 5, 0, 3);
        LightCurveBuilder lc = new LightCurveBuilder(Region.brightestRows(raw, pixelDq, 8),
                LightCurveMode.LAST_MINUS_FIRST, pixelDq, 32, 64, 0, 3);
        for (int i = 0; i < 3; i++) {
            before.accumulate(ramp(i, false));
            after.accumulate(ramp(i, true));
            dq.add(ramp(i, false));
            lc.add(ramp(i, false));
        }
        Figure ratio = RatioCharts.comparison(List.of(new Staged<>("No linearity correction", before),
                new Staged<>("After linearity correction", after)));
        Figure dqFig = DqCharts.summary(dq.build());
        Figure light = LightCurveCharts.of(List.of(new Staged<>("after refpix", lc.build(null))), true);

        for (Figure f : List.of(frame, mask, profile, rampFig, ratio, dqFig, light)) {
            Path png = dir.resolve(f.name() + ".png");
            PngExport.write(f, caption, 900, 500, png);
            PngAssertions.assertNonBlankPng(png, 900, 500);
        }
        PngExport.write(profile, caption, 333, 222, dir.resolve("small.png"));
        PngAssertions.assertNonBlankPng(dir.resolve("small.png"), 333, 222);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "temporary file left");
        }
    }

    @Test
    void shrunkenMaskKeepsIsolatedPixelsVisible() {
        boolean[] set = new boolean[256 * 2048];
        set[100 * 2048 + 1001] = true; // one special pixel
        PixelMask m = new PixelMask("special pixels", 256, 2048, set);
        BufferedImage img = FigureImage.draw(Figure.of("mask", ImageCharts.mask("one pixel", m)), null, 600, 300);
        int yellowish = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 600; x++) {
                int c = img.getRGB(x, y);
                // viridis top colour #fde725 marks the set pixel
                if ((c & 0xFFFFFF) == 0xFDE725) {
                    yellowish++;
                }
            }
        }
        // the colorbar has yellow at its top too; the image must add at least one more yellow pixel
        BufferedImage none = FigureImage.draw(Figure.of("mask",
                ImageCharts.mask("one pixel", new PixelMask("special pixels", 256, 2048, new boolean[256 * 2048]))),
                null, 600, 300);
        int yellowNone = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 600; x++) {
                yellowNone += (none.getRGB(x, y) & 0xFFFFFF) == 0xFDE725 ? 1 : 0;
            }
        }
        assertTrue(yellowish > yellowNone, "isolated pixel vanished: " + yellowish + " vs " + yellowNone);
    }

    @Test
    void captionNamesFileIntegrationGroupAndStage() {
        assertEquals("a_uncal.fits  |  integration 3  |  group 6  |  after linearity",
                new Caption("a_uncal.fits", 3, 6, "after linearity").text());
        assertEquals("a_uncal.fits  |  all integrations  |  all groups  |  raw",
                new Caption("a_uncal.fits", 0, 0, "raw").text());
    }
}
