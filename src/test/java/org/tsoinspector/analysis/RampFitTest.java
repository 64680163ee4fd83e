package org.tsoinspector.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

class RampFitTest {

    /** A 3 x 3 frame, pixel i of group g = 10 * (g + 1) + i * i: box means and medians by hand. */
    @Test
    void aBoxRampIsTheMeanOrMedianOfItsUsablePixelsInEachGroup() {
        Ramp r = RampBuilder.of(0, 3, 3, 3, (g, i) -> 10.0 * (g + 1) + i * i);
        Region box = new Region(0, 2, 0, 2); // pixels 0, 1, 3, 4: i*i = 0, 1, 9, 16
        RampFit mean = RampFit.ofRegion(r, box, RampExtraction.MEAN, true);
        assertArrayEquals(new double[] {10 + 6.5, 20 + 6.5, 30 + 6.5}, mean.samples(), 1e-12);
        assertEquals(10.0, mean.slope(), 1e-12);
        RampFit median = RampFit.ofRegion(r, box, RampExtraction.MEDIAN, true);
        assertArrayEquals(new double[] {15, 25, 35}, median.samples(), 1e-12); // median of 0, 1, 9, 16 is 5
        // pixel 4 saturated in group 3: left out there when skipping flags, so that group's mean is of 0, 1, 9
        r.groupDq()[2 * 9 + 4] = (byte) DqFlag.SATURATED.value();
        RampFit skipping = RampFit.ofRegion(r, box, RampExtraction.MEAN, true);
        assertEquals(30 + 10.0 / 3, skipping.samples()[2], 1e-12);
        assertEquals(30 + 6.5, RampFit.ofRegion(r, box, RampExtraction.MEAN, false).samples()[2], 1e-12);
        // a group with no usable pixel is NaN and out of the fit
        for (int p : new int[] {0, 1, 3}) {
            r.groupDq()[2 * 9 + p] = (byte) DqFlag.SATURATED.value();
        }
        RampFit none = RampFit.ofRegion(r, box, RampExtraction.MEAN, true);
        assertTrue(Double.isNaN(none.samples()[2]));
        assertFalse(none.used()[2]);
        assertEquals(10.0, none.slope(), 1e-12, "groups 1 and 2 still give the line");
        assertEquals(0, none.groupDq()[2], "a box has no group DQ of its own");
    }

    @Test
    void knownSlopeGivesKnownFitAndZeroResiduals() {
        // pixel value = 100 + 250 * (group number), group numbers 1..6
        Ramp r = RampBuilder.of(0, 6, 2, 3, (g, i) -> 100 + 250.0 * (g + 1) + i);
        RampFit f = RampFit.of(r, 1, 2, true);
        assertEquals(250.0, f.slope(), 1e-9);
        assertEquals(105.0, f.intercept(), 1e-9);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, f.groupNumbers());
        for (double res : f.residuals()) {
            assertEquals(0.0, res, 1e-9);
        }
        assertEquals(6, f.usedCount());
    }

    @Test
    void residualsOfAQuadraticRampMatchHandComputation() {
        // y = x^2 at x = 1,2,3: least-squares line is 4x - 10/3, residuals 1/3, -2/3, 1/3
        Ramp r = RampBuilder.of(0, 3, 1, 1, (g, i) -> (g + 1.0) * (g + 1.0));
        RampFit f = RampFit.of(r, 0, 0, false);
        assertEquals(4.0, f.slope(), 1e-9);
        assertEquals(-10.0 / 3, f.intercept(), 1e-9);
        assertArrayEquals(new double[] {1.0 / 3, -2.0 / 3, 1.0 / 3}, f.residuals(), 1e-9);
        assertArrayEquals(new double[] {2.0 / 3, 14.0 / 3, 26.0 / 3}, f.fitted(), 1e-9);
    }

    @Test
    void saturatedGroupsAreLeftOutButStillGetResiduals() {
        Ramp r = RampBuilder.of(0, 5, 1, 1, (g, i) -> g < 3 ? 1000.0 * g : 2500.0);
        r.groupDq()[3] = (byte) DqFlag.SATURATED.value();
        r.groupDq()[4] = (byte) DqFlag.SATURATED.value();
        RampFit f = RampFit.of(r, 0, 0, true);
        assertEquals(1000.0, f.slope(), 1e-9);
        assertEquals(3, f.usedCount());
        assertFalse(f.used()[3]);
        assertEquals(2, f.groupDq()[4]);
        assertEquals(2500.0 - 4000.0, f.residuals()[4], 1e-9);
        RampFit all = RampFit.of(r, 0, 0, false);
        assertTrue(all.used()[4]);
        assertEquals(5, all.usedCount());
    }

    @Test
    void fewerThanTwoUsableGroupsGiveNoLine() {
        Ramp r = RampBuilder.of(0, 2, 1, 1, (g, i) -> g == 0 ? 5 : Double.NaN);
        assertTrue(Double.isNaN(RampFit.of(r, 0, 0, true).slope()));
    }
}
