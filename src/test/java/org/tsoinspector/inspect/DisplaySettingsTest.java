package org.tsoinspector.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tsoinspector.render.DisplayRange;
import org.tsoinspector.render.Limits;

class DisplaySettingsTest {

    @Test
    void aPairSharesOneRangeSpanningBothFramesOwnRanges() {
        DisplaySettings minMax = DisplaySettings.DEFAULT.withLimits(Limits.MINMAX);
        float[] a = {10, 20, 30, Float.NaN};
        float[] b = {-5, 0, 12};
        assertEquals(new DisplayRange(-5, 30), minMax.rendererForPair(a, b).range());
        assertEquals(new DisplayRange(-5, 30), minMax.rendererForPair(b, a).range());
        assertEquals(new DisplayRange(10, 30), minMax.rendererFor(a).range());
        DisplaySettings manual = DisplaySettings.DEFAULT.withManual(new DisplayRange(1, 2));
        assertEquals(new DisplayRange(1, 2), manual.rendererForPair(a, b).range(), "a manual range is kept");
    }

    @Test
    void manualLimitsOfADifferenceAreHonouredAndTheOthersAreSymmetric() {
        float[] d = {-360, -350, -340, -330};
        DisplaySettings manual = DisplaySettings.DEFAULT.withManual(new DisplayRange(-360, -330));
        assertEquals(new DisplayRange(-360, -330), manual.rendererForDifference(d).range());
        assertEquals(new DisplayRange(-360, 360), DisplaySettings.DEFAULT.withLimits(Limits.MINMAX)
                .rendererForDifference(d).range());
    }

    @Test
    void wholeNumbersReadAsWholeNumbers() {
        assertEquals("13224", PixelReadout.formatValue(13224f));
        assertEquals("-350", PixelReadout.formatValue(-350f));
        assertEquals("13224.50", PixelReadout.formatValue(13224.5f));
        assertEquals("0.001250", PixelReadout.formatValue(0.00125f));
        assertEquals("NaN", PixelReadout.formatValue(Float.NaN));
    }

    @Test
    void anInvertedColormapDrawsTheLowEndInTheTopColourAndIsRemembered() {
        float[] frame = {0, 1};
        DisplaySettings plain = DisplaySettings.DEFAULT.withLimits(Limits.MINMAX);
        DisplaySettings inverted = plain.withInverted(true);
        int[] normal = plain.rendererFor(frame).render(frame, 1, 2).argb();
        int[] flipped = inverted.rendererFor(frame).render(frame, 1, 2).argb();
        assertEquals(normal[1], flipped[0], "gray: the lowest value is white when inverted");
        assertEquals(normal[0], flipped[1]);
        assertEquals(inverted, DisplaySettings.decode(inverted.encode()));
        DisplaySettings fromView = inverted.withLimitsFromView(true);
        assertEquals(fromView, DisplaySettings.decode(fromView.encode()));
        assertEquals(false, DisplaySettings.decode("MINMAX|0.0|1.0|LINEAR|viridis|true").limitsFromView(),
                "settings saved before the visible-area option had 6 fields");
        assertEquals(false, DisplaySettings.decode("MINMAX|0.0|1.0|LINEAR|viridis").inverted(),
                "settings saved before inversion existed still read");
        assertEquals("viridis", DisplaySettings.decode("MINMAX|0.0|1.0|LINEAR|viridis").colormap());
    }
}
