package org.tsoinspector.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

class RampFitTest {

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
