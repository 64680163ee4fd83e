package org.tsoinspector.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ProgressMonitor;

class SampleLibraryTest {

    @TempDir
    Path dir;

    private Path scenarioFile() throws Exception {
        Path f = dir.resolve("tiny.properties");
        Files.writeString(f, "geometry = SUBSTRIP96\nnints = 2\nngroups = 2\nreferences = subarray\n");
        return f;
    }

    @Test
    void aSampleIsMadeOnceAndThenReused() throws Exception {
        SampleLibrary lib = new SampleLibrary(dir.resolve("cache"));
        String file = scenarioFile().toString();
        assertNull(lib.cached(file));
        AtomicLong calls = new AtomicLong();
        SampleLibrary.Sample s = lib.ensure(file, 2, new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                calls.incrementAndGet();
                assertEquals(2, total);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertEquals(2, calls.get());
        assertEquals("tiny", s.name());
        assertEquals(List.of(dir.resolve("cache/tiny/tiny-seg001_uncal.fits")), s.segments());
        try (Stream<Path> refs = Files.list(s.refsDir())) {
            assertEquals(4, refs.count());
        }
        long modified = Files.getLastModifiedTime(s.segments().get(0)).toMillis();
        SampleLibrary.Sample again = lib.ensure(file, 2, ProgressMonitor.NONE);
        assertEquals(s.segments(), again.segments());
        assertEquals(modified, Files.getLastModifiedTime(again.segments().get(0)).toMillis());
    }

    @Test
    void aCancelledSampleLeavesNothing() throws Exception {
        SampleLibrary lib = new SampleLibrary(dir.resolve("cache"));
        ProgressMonitor cancelAtOnce = new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> lib.ensure(scenarioFile().toString(), 1, cancelAtOnce));
        try (Stream<Path> left = Files.list(dir.resolve("cache"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void theUserCacheIsOutsideTheRepository() {
        Path root = SampleLibrary.inUserCache().cacheRoot();
        assertTrue(root.endsWith(Path.of("tso-inspector", "samples")));
    }
}
