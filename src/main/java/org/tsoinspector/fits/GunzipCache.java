package org.tsoinspector.fits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.tsoinspector.model.BadInputException;

/**
 * Decompressed copies of {@code .fits.gz} files, made once per file version (path, size and
 * modification time) in a cache folder, so that gzip-compressed segments get the same random
 * access as plain ones. The folder is kept within a byte budget: when a copy is added, the least
 * recently used ones go until the rest fits, except copies a reader of this Java process holds
 * open (a {@link Lease}). A copy's modification time records its last use.
 */
public final class GunzipCache {

    /** The budget of the standard cache: a few flight exposures' worth of decompressed segments. */
    private static final long STANDARD_BUDGET_BYTES = 20L << 30;

    /** Unfinished copies older than this were left by a process that died: removed when pruning. */
    private static final Duration STALE_PART = Duration.ofDays(1);

    private static final String PART_PREFIX = ".part-";

    /** Copies held open in this process, with their number of holders; guarded by itself. */
    private static final Map<Path, Integer> IN_USE = new HashMap<>();

    private final Path folder;
    private final long budgetBytes;

    /** A cache in {@code folder} that keeps at most {@code budgetBytes} of copies not in use. */
    public GunzipCache(Path folder, long budgetBytes) {
        this.folder = folder.toAbsolutePath().normalize();
        this.budgetBytes = budgetBytes;
    }

    /** The cache in {@code -Dtso.cache=DIR}, else {@code ~/.cache/tso-inspector}, folder gunzip. */
    public static GunzipCache standard() {
        String configured = System.getProperty("tso.cache");
        Path base = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "tso-inspector");
        return new GunzipCache(base.resolve("gunzip"), STANDARD_BUDGET_BYTES);
    }

    /** True when the file starts with the gzip magic bytes. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** A decompressed copy held by a reader: it stays in the cache until closed. */
    public static final class Lease implements AutoCloseable {
        private final Path path;
        private boolean closed;

        private Lease(Path path) {
            this.path = path;
        }

        /** The decompressed file. */
        public Path path() {
            return path;
        }

        /** Lets the cache remove the copy again (once no other lease holds it). */
        @Override
        public void close() {
            synchronized (IN_USE) {
                if (!closed) {
                    closed = true;
                    IN_USE.computeIfPresent(path, (p, n) -> n == 1 ? null : n - 1);
                }
            }
        }
    }

    /**
     * The decompressed copy of a gzip file, made now if the cache has none for this version, held
     * until the lease is closed. Adding a copy prunes the cache to its budget.
     */
    public Lease decompressed(Path gz) throws IOException, BadInputException {
        BasicFileAttributes attrs = Files.readAttributes(gz, BasicFileAttributes.class);
        String key = gz.toAbsolutePath().normalize() + "|" + attrs.size() + "|" + attrs.lastModifiedTime().toMillis();
        String base = gz.getFileName().toString().replaceFirst("(?i)\\.gz$", "");
        Path target = folder.resolve(hash(key) + "-" + base);
        synchronized (IN_USE) {
            if (Files.isRegularFile(target)) {
                try {
                    Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
                    return hold(target);
                } catch (NoSuchFileException e) {
                    // another process pruned it just now: made again below
                }
            }
        }
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, PART_PREFIX, ".fits");
        try {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16);
                    OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            } catch (ZipException | java.io.EOFException e) {
                throw new BadInputException(gz.toString(), "the gzip data are damaged or cut short ("
                        + e.getMessage() + ")");
            }
            synchronized (IN_USE) {
                // Another process may have finished the same file meanwhile; either copy is good.
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Lease lease = hold(target);
                prune();
                return lease;
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Lease hold(Path copy) {
        IN_USE.merge(copy, 1, Integer::sum);
        return new Lease(copy);
    }

    /**
     * Removes the least recently used copies not held open in this process until the others fit the
     * budget (copies in use count against it but stay), and unfinished copies of dead processes.
     * Called with the in-use lock held, so no copy can be taken while it goes.
     */
    private void prune() throws IOException {
        List<Path> copies = new ArrayList<>();
        Map<Path, BasicFileAttributes> attrs = new HashMap<>();
        Instant stale = Instant.now().minus(STALE_PART);
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // removed meanwhile by another process
                }
                if (!a.isRegularFile()) {
                    continue;
                }
                if (p.getFileName().toString().startsWith(PART_PREFIX)) {
                    if (a.lastModifiedTime().toInstant().isBefore(stale)) {
                        Files.deleteIfExists(p);
                    }
                    continue;
                }
                copies.add(p);
                attrs.put(p, a);
            }
        }
        // newest first, each kept if it still fits the budget beside the newer ones kept
        copies.sort(Comparator.comparing((Path p) -> attrs.get(p).lastModifiedTime()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        long total = 0;
        for (Path p : copies) {
            total += attrs.get(p).size();
            if (total > budgetBytes && !IN_USE.containsKey(p)) {
                Files.deleteIfExists(p);
                total -= attrs.get(p).size();
            }
        }
    }

    private static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
