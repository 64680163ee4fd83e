package org.tsoinspector.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WindowBoundsTest {

    @Test
    void aFirstStartTakesItsSizeFromTheScreenAndIsCentred() {
        // 92 % of the screen in whole pixels, centred
        assertEquals(new WindowBounds(51, 32, 1177, 736), WindowBounds.NONE.fitInto(0, 0, 1280, 800));
        assertEquals(new WindowBounds(41, 31, 942, 706), WindowBounds.NONE.fitInto(0, 0, 1024, 768));
        assertEquals(new WindowBounds(280, 110, 1360, 860), WindowBounds.NONE.fitInto(0, 0, 1920, 1080),
                "a large screen gets the layout's natural size");
    }

    @Test
    void rememberedBoundsAreKeptWhenTheyFitAndMovedAndShrunkIntoTheScreenWhenNot() {
        assertEquals(new WindowBounds(100, 50, 900, 600), new WindowBounds(100, 50, 900, 600).fitInto(0, 0, 1280, 800));
        // saved at (-40, -20) at 1360 x 860 on a larger screen: the whole window comes back on the 1280 x 800 one
        assertEquals(new WindowBounds(0, 0, 1280, 800), new WindowBounds(-40, -20, 1360, 860).fitInto(0, 0, 1280, 800));
        assertEquals(new WindowBounds(1024 - 800, 768 - 500, 800, 500),
                new WindowBounds(3000, 2000, 800, 500).fitInto(0, 0, 1024, 768), "a monitor that is gone");
        assertEquals(new WindowBounds(1920, 24, 1000, 700), new WindowBounds(1900, 0, 1000, 700)
                .fitInto(1920, 24, 1280, 1000), "a second screen with a top bar");
    }
}
