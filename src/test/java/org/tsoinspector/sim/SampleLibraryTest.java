package org.tsoinspector.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        assertEquals(List.of(lib.folderOf(s.scenario()).resolve("tiny-seg001_uncal.fits")), s.segments());
        try (Stream<Path> refs = Files.list(s.refsDir())) {
            assertEquals(7, refs.count()); // MASK, SATURATION, SUPERBIAS, LINEARITY, DARK, GAIN, READNOISE
        }
        long modified = Files.getLastModifiedTime(s.segments().get(0)).toMillis();
        SampleLibrary.Sample again = lib.ensure(file, 2, ProgressMonitor.NONE);
        assertEquals(s.segments(), again.segments());
        assertEquals(modified, Files.getLastModifiedTime(again.segments().get(0)).toMillis());
    }

    /** A changed scenario is a new sample, and the older version (or one made before fingerprints) goes. */
    @Test
    void aChangedScenarioMakesANewSampleAndDropsTheOldOne() throws Exception {
        SampleLibrary lib = new SampleLibrary(dir.resolve("cache"));
        Path legacy = Files.createDirectories(dir.resolve("cache/tiny"));
        Path file = scenarioFile();
        SampleLibrary.Sample first = lib.ensure(file.toString(), 2, ProgressMonitor.NONE);
        assertTrue(first.segments().get(0).getParent().getFileName().toString().matches("tiny-[0-9a-f]{12}"));
        assertFalse(Files.exists(legacy));
        Files.writeString(file, Files.readString(file).replace("nints = 2", "nints = 3"));
        assertNull(lib.cached(file.toString()), "the changed scenario is not taken for the cached one");
        SampleLibrary.Sample second = lib.ensure(file.toString(), 2, ProgressMonitor.NONE);
        assertNotEquals(first.segments().get(0).getParent(), second.segments().get(0).getParent());
        assertFalse(Files.exists(first.segments().get(0).getParent()), "the old version is deleted");
        assertEquals(SampleLibrary.fingerprint(second.scenario()),
                SampleLibrary.fingerprint(SampleLibrary.scenario(file.toString())), "same scenario, same fingerprint");
    }

    /** The first run's early picture: segment 1 is announced, complete, before the other segments exist. */
    @Test
    void theFirstOfSeveralSegmentsIsAnnouncedAsSoonAsItIsWritten() throws Exception {
        Path f = dir.resolve("three.properties");
        // 2 groups of 96 x 2048 uint16 plus a zero frame and table rows: several segments of 2.6 MB
        Files.writeString(f, "geometry = SUBSTRIP96\nnints = 6\nngroups = 2\nreferences = subarray\n"
                + "segment.max_bytes = 2600000\n");
        SampleLibrary lib = new SampleLibrary(dir.resolve("cache"));
        List<String> heard = new java.util.ArrayList<>();
        SampleLibrary.Sample s = lib.ensure(f.toString(), 2, ProgressMonitor.NONE, (segment, refs, count) -> {
            heard.add(segment.getFileName() + " of " + count);
            assertTrue(Files.isRegularFile(segment), "complete when announced");
            assertTrue(Files.isDirectory(refs), "references written first");
            try (var files = Files.list(segment.getParent())) {
                assertEquals(1, files.filter(p -> p.toString().endsWith("_uncal.fits")).count(),
                        "the others are not written yet");
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(s.segments().size() > 1, s.segments().toString());
        assertEquals(List.of("three-seg001_uncal.fits of " + s.segments().size()), heard);
        heard.clear();
        lib.ensure(f.toString(), 2, ProgressMonitor.NONE, (segment, refs, count) -> heard.add("again"));
        assertEquals(List.of(), heard, "a cached sample opens whole at once");
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
