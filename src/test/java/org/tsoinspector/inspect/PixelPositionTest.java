package org.tsoinspector.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PixelPositionTest {

    @Test
    void aTypedPixelIsReadInTheFormsAUserTypes() {
        assertEquals(new PixelPosition(123, 45), PixelPosition.parse("123, 45", 2048, 256));
        assertEquals(new PixelPosition(123, 45), PixelPosition.parse(" (123,45) ", 2048, 256));
        assertEquals(new PixelPosition(0, 255), PixelPosition.parse("0 255", 2048, 256));
    }

    @Test
    void anythingElseIsOneSentence() {
        assertEquals("'12' is not a pixel: type x, y (whole numbers from 0, as the read-out shows them)",
                assertThrows(IllegalArgumentException.class, () -> PixelPosition.parse("12", 2048, 256)).getMessage());
        assertEquals("pixel (2048, 3) is outside the frame: x runs 0..2047, y 0..255",
                assertThrows(IllegalArgumentException.class, () -> PixelPosition.parse("2048, 3", 2048, 256))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> PixelPosition.parse("-1, 3", 2048, 256));
    }
}
