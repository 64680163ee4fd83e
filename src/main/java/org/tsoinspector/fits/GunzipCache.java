package org.tsoinspector.fits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.tsoinspector.model.BadInputException;

/**
 * Decompressed copies of {@code .fits.gz} files, made once per file version (path, size and
 * modification time) in a cache folder, so that gzip-compressed segments get the same random
 * access as plain ones.
 */
public final class GunzipCache {

    private final Path folder;

    public GunzipCache(Path folder) {
        this.folder = folder;
    }

    /** The cache in {@code -Dtso.cache=DIR}, else {@code ~/.cache/tso-inspector}, folder gunzip. */
    public static GunzipCache standard() {
        String configured = System.getProperty("tso.cache");
        Path base = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "tso-inspector");
        return new GunzipCache(base.resolve("gunzip"));
    }

    /** True when the file starts with the gzip magic bytes. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** The decompressed copy of a gzip file, made now if the cache has none for this version. */
    public Path decompressed(Path gz) throws IOException, BadInputException {
        BasicFileAttributes attrs = Files.readAttributes(gz, BasicFileAttributes.class);
        String key = gz.toAbsolutePath().normalize() + "|" + attrs.size() + "|" + attrs.lastModifiedTime().toMillis();
        String base = gz.getFileName().toString().replaceFirst("(?i)\\.gz$", "");
        Path target = folder.resolve(hash(key) + "-" + base);
        if (Files.isRegularFile(target)) {
            return target;
        }
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, ".part-", ".fits");
        try {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16);
                    OutputStream out = Files.newOutputStream(temp)) {
                in.transferTo(out);
            } catch (ZipException | java.io.EOFException e) {
                throw new BadInputException(gz.toString(), "the gzip data are damaged or cut short ("
                        + e.getMessage() + ")");
            }
            // Another process may have finished the same file meanwhile; either copy is good.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
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
