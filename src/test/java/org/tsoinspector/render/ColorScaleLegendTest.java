package org.tsoinspector.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;

/** The ratio density's count bar: a log bar whose every decade has its own colours. */
class ColorScaleLegendTest {

    @Test
    void aLogBarGivesEachDecadeTheSameLengthAndItsOwnColours() {
        Colormap viridis = Colormap.named("viridis");
        double max = 1e6;
        PaintScaleLegend l = ColorScaleLegend.logOf("points per bin", 1, max,
                c -> viridis.colorAt(Math.log(c) / Math.log(max)));
        assertEquals(0.0, l.getScale().getLowerBound());
        assertEquals(6.0, l.getScale().getUpperBound(), 1e-12, "the strip runs in decades");
        // 2 and 30 counts: one flat band before (a linear strip on a log axis), distinct colours now
        assertNotEquals(l.getScale().getPaint(Math.log10(2)), l.getScale().getPaint(Math.log10(30)));
        assertNotEquals(l.getScale().getPaint(Math.log10(30)), l.getScale().getPaint(Math.log10(400)));
        NumberAxis axis = (NumberAxis) l.getAxis();
        assertEquals("1,000", axis.getNumberFormatOverride().format(3.0));
        assertEquals("1", axis.getNumberFormatOverride().format(0.0));
        assertEquals(1.0, axis.getTickUnit().getSize());
    }
}
