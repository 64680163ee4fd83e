package org.tsoinspector.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The launcher's refusal to start the window where there is no screen. */
class MainTest {

    @Test
    void windowWithoutADisplayIsOneSentenceNotAStackTrace() {
        String glass = System.getProperty("glass.platform");
        try {
            System.clearProperty("glass.platform");
            boolean screen = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
            String why = InspectorApplication.missingDisplay();
            if (screen || !System.getProperty("os.name").toLowerCase().contains("linux")) {
                assertNull(why);
            } else {
                assertEquals(false, why.contains("\n"));
                assertEquals(true, why.contains("DISPLAY is not set"), why);
            }
        } finally {
            if (glass != null) {
                System.setProperty("glass.platform", glass);
            }
        }
        assertNull(InspectorApplication.missingDisplay(), "headless Monocle needs no display");
    }
}
