package org.tsoinspector.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

class ManualSaturationTest {

    @Test
    void marksExactlyTheRegionFromItsGroupOnInItsIntegration() {
        Ramp ramp = Ramp.zeros(0, 3, 4, 5, false);
        List<SaturationMark> marks = List.of(new SaturationMark(0, 1, 0, 2, 1, 1),
                new SaturationMark(5, 0, 0, 4, 3, 0)); // another integration: no effect here
        new ManualSaturation(marks, new int[20]).apply(ramp);
        for (int g = 0; g < 3; g++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 5; x++) {
                    boolean inside = g >= 1 && x >= 1 && x <= 2 && y <= 1;
                    assertEquals(inside ? DqFlag.SATURATED.value() : 0, ramp.groupDq(g, y, x), g + "," + y + "," + x);
                }
            }
        }
        assertEquals(0f, ramp.sample(2, 1, 1), "samples are not changed");
    }

    @Test
    void aMarkForEveryIntegrationAppliesToAnyIntegration() {
        Ramp ramp = Ramp.zeros(7, 2, 2, 2, false);
        new ManualSaturation(List.of(new SaturationMark(-1, 0, 0, 0, 0, 0)), new int[4]).apply(ramp);
        assertEquals(DqFlag.SATURATED.value(), ramp.groupDq(0, 0, 0));
        assertEquals(DqFlag.SATURATED.value(), ramp.groupDq(1, 0, 0));
        assertEquals(0, ramp.groupDq(1, 1, 1));
    }
}
