package org.tsoinspector.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressMonitorTest {

    /** What a monitor was told, and a cancel switch. */
    private static final class Recorder implements ProgressMonitor {
        final List<String> told = new ArrayList<>();
        boolean cancelled;

        @Override
        public void progress(long done, long total, String message) {
            told.add(done + "/" + total + " " + message);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    @Test
    void aPartReportsProgressOverTheWholeJobAndSaysWhichPartItIs() {
        Recorder whole = new Recorder();
        // part 3 of 5 (index 2) half done: 2.5 of 5 parts
        whole.part(2, 5, "segment").progress(20, 40, "integration 20 of 40");
        whole.part(4, 5, "segment").progress(7, 7, "rows 7 of 7");
        assertEquals(List.of("2500/5000 segment 3 of 5: integration 20 of 40", "5000/5000 segment 5 of 5: rows 7 of 7"),
                whole.told);
    }

    @Test
    void aJobOfOnePartIsTheMonitorItselfAndCancelIsTheWholeJobs() throws Exception {
        Recorder whole = new Recorder();
        assertSame(whole, whole.part(0, 1, "segment"));
        ProgressMonitor part = whole.part(1, 2, "segment");
        part.checkCancelled();
        whole.cancelled = true;
        assertThrows(CancelledException.class, part::checkCancelled);
    }
}
