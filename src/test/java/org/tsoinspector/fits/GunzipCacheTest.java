package org.tsoinspector.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gunzip cache stays within its budget, dropping the least recently used copies not held open. */
class GunzipCacheTest {

    /** Data blocks of each test file: with its two header blocks a decompressed copy is 5 blocks. */
    private static final int DATA_BLOCKS = 3;
    private static final long COPY_BYTES = (2 + DATA_BLOCKS) * 2880L;

    @TempDir
    Path dir;

    private Path folder;
    private final Instant hourAgo = Instant.now().minus(Duration.ofHours(1));

    @BeforeEach
    void setUp() {
        folder = dir.resolve("cache");
    }

    /** A gzip-compressed FITS file with one byte image whose values depend on {@code seed}. */
    private Path fitsGz(String name, int seed) throws Exception {
        Path plain = dir.resolve(name + ".fits");
        byte[] data = new byte[DATA_BLOCKS * 2880];
        for (int k = 0; k < data.length; k++) {
            data[k] = (byte) (k * 13 + seed);
        }
        try (FitsStreamWriter w = FitsStreamWriter.create(plain)) {
            w.writeHeader(HeaderCards.primary());
            w.writeHeader(HeaderCards.image(Bitpix.BYTE, data.length));
            w.write(data, 0, data.length);
            w.commit();
        }
        Path gz = dir.resolve(name + ".fits.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        return gz;
    }

    /** Takes the copy of {@code gz} from the cache, lets it go at once, and dates its last use. */
    private static Path use(GunzipCache cache, Path gz, Instant lastUse) throws Exception {
        try (GunzipCache.Lease l = cache.decompressed(gz)) {
            Files.setLastModifiedTime(l.path(), FileTime.from(lastUse));
            return l.path();
        }
    }

    private long copies() throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.count();
        }
    }

    @Test
    void leastRecentlyUsedCopiesGoWhenABudgetOfThreeIsExceeded() throws Exception {
        GunzipCache cache = new GunzipCache(folder, 3 * COPY_BYTES);
        Path a = fitsGz("a", 1);
        Path b = fitsGz("b", 2);
        Path c = fitsGz("c", 3);
        Path d = fitsGz("d", 4);
        Path copyA = use(cache, a, hourAgo.plusSeconds(1));
        Path copyB = use(cache, b, hourAgo.plusSeconds(2));
        Path copyC = use(cache, c, hourAgo.plusSeconds(3));
        assertEquals(COPY_BYTES, Files.size(copyA));
        try (GunzipCache.Lease again = cache.decompressed(a)) {
            assertEquals(copyA, again.path(), "a cache hit, not a second copy");
            assertTrue(Files.getLastModifiedTime(copyA).toInstant().isAfter(hourAgo.plusSeconds(3)),
                    "a hit counts as the most recent use");
        }
        Path copyD;
        try (GunzipCache.Lease l = cache.decompressed(d)) {
            copyD = l.path();
        }
        assertFalse(Files.exists(copyB), "b was used longest ago");
        assertTrue(Files.exists(copyA) && Files.exists(copyC) && Files.exists(copyD));
        try (FitsFile f = FitsFile.open(a, cache)) {
            assertTrue(f.compressed());
            byte[] plain = Files.readAllBytes(dir.resolve("a.fits"));
            assertArrayEquals(plain, Files.readAllBytes(copyA), "the copy is the decompressed file");
        }
    }

    @Test
    void aCopyAnOpenFileReadsIsKeptUntilTheFileCloses() throws Exception {
        GunzipCache cache = new GunzipCache(folder, COPY_BYTES);
        Path a = fitsGz("a", 1);
        Path copyA;
        try (FitsFile open = FitsFile.open(a, cache)) {
            copyA = use(cache, a, hourAgo);
            use(cache, fitsGz("b", 2), hourAgo.plusSeconds(1));
            assertTrue(Files.exists(copyA), "in use by an open file, though the oldest and over budget");
            Path copyC;
            try (GunzipCache.Lease c = cache.decompressed(fitsGz("c", 3))) {
                copyC = c.path();
            }
            assertTrue(Files.exists(copyA));
            assertTrue(Files.exists(copyC), "the copy just added stays");
            assertEquals(2, copies(), "b went: not in use, older than c, over budget");
        }
        cache.decompressed(fitsGz("d", 4)).close();
        assertFalse(Files.exists(copyA), "closed, it goes like any other");
        assertEquals(1, copies());
    }

    @Test
    void unfinishedCopiesOfADeadProcessGoOnlyWhenStale() throws Exception {
        Files.createDirectories(folder);
        Path stale = Files.writeString(folder.resolve(".part-1.fits"), "left by a process killed a while ago");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path running = Files.writeString(folder.resolve(".part-2.fits"), "being written by another process now");
        new GunzipCache(folder, 10 * COPY_BYTES).decompressed(fitsGz("a", 1)).close();
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(running));
    }
}
