package org.tsoinspector.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tsoinspector.io.OutputFile;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ProgressMonitor;

/**
 * The built-in samples (scenario files shipped in the jar under samples/) and their generated
 * FITS files, made once into a cache folder (by default ~/.cache/tso-inspector/samples, never the
 * repository) and reused afterwards, until the scenario or the simulator's code changes. A sample
 * appears in the cache only when complete.
 */
public final class SampleLibrary {

    /** The default sample, opened by the window when it starts without a file. */
    public static final String DEFAULT_SAMPLE = "wasp43b-substrip256";
    /** The shipped scenarios, described in samples/README.md. */
    public static final List<String> NAMES = List.of(DEFAULT_SAMPLE, "bright-substrip96", "small-full-frame");

    private final Path cacheRoot;

    /** A generated sample: its segments in order and the folder of its reference files. */
    public record Sample(String name, Scenario scenario, List<Path> segments, Path refsDir) {
    }

    public SampleLibrary(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** The library in the user's cache folder ($XDG_CACHE_HOME or ~/.cache, then tso-inspector/samples). */
    public static SampleLibrary inUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new SampleLibrary(base.resolve("tso-inspector").resolve("samples"));
    }

    public Path cacheRoot() {
        return cacheRoot;
    }

    /**
     * A scenario by sample name ({@code wasp43b-substrip256}) or by the path of a scenario file.
     */
    public static Scenario scenario(String nameOrFile) throws IOException, BadInputException {
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            return Scenario.load(file);
        }
        String resource = "/samples/" + nameOrFile + ".properties";
        try (InputStream in = SampleLibrary.class.getResourceAsStream(resource)) {
            if (in == null || nameOrFile.contains("/")) {
                throw new BadInputException(nameOrFile, "no such scenario file or sample (samples: "
                        + String.join(", ", NAMES) + ")");
            }
            return Scenario.load(nameOrFile, in, "samples/" + nameOrFile + ".properties");
        }
    }

    /** The sample (a name or a scenario file) if it was generated before, else null. */
    public Sample cached(String nameOrFile) throws IOException, BadInputException {
        return cached(scenario(nameOrFile));
    }

    private Sample cached(Scenario sc) throws IOException {
        Path dir = folderOf(sc);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Path> segments;
        try (Stream<Path> s = Files.list(dir)) {
            segments = s.filter(p -> p.getFileName().toString().endsWith("_uncal.fits")).sorted().toList();
        }
        return segments.isEmpty() ? null : new Sample(sc.name(), sc, segments, dir.resolve("refs"));
    }

    /**
     * The generated sample (a name or a scenario file; cached under the scenario's name), making it
     * first when it is not in the cache, with progress; a cancel leaves nothing behind.
     */
    public Sample ensure(String nameOrFile, int threads, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        return ensure(nameOrFile, threads, monitor, null);
    }

    /** Hears of the first segment of a sample being made, while the others are still to come. */
    @FunctionalInterface
    public interface FirstSegment {
        /** @param refsDir the references, already complete */
        void written(Path segment, Path refsDir, int segmentCount);
    }

    /**
     * As {@link #ensure(String, int, ProgressMonitor)}; when the sample is made now and has more than
     * one segment, {@code first} (if not null) hears of its first segment as soon as it is complete.
     * The file lies in a temporary folder that becomes the cached one when all are written: open
     * files stay readable across that rename.
     */
    public Sample ensure(String nameOrFile, int threads, ProgressMonitor monitor, FirstSegment first)
            throws IOException, BadInputException, CancelledException {
        Scenario sc = scenario(nameOrFile);
        Sample done = cached(sc);
        if (done != null) {
            return done;
        }
        Files.createDirectories(cacheRoot);
        Path work = Files.createTempDirectory(cacheRoot, "." + sc.name() + "-");
        PosixFileAttributeView posix = Files.getFileAttributeView(work, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rwxr-xr-x")); // a normal folder, not 0700
        }
        try {
            ExposureSimulator sim = new ExposureSimulator(sc);
            int count = sim.segmentCount();
            java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
            sim.write(work, threads, monitor, segment -> {
                if (first != null && count > 1 && !told.getAndSet(true)) {
                    first.written(segment, work.resolve("refs"), count);
                }
            });
            try {
                Files.move(work, folderOf(sc), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // another process finished the same sample first: use theirs
            }
        } finally {
            OutputFile.deleteTree(work);
        }
        deleteOtherVersions(cacheRoot, sc.name(), folderOf(sc));
        return cached(sc);
    }

    /**
     * The folder a scenario's files are cached in: its name and a fingerprint of the scenario and of
     * the code that writes it, so that changing either makes a new sample instead of reusing a stale one.
     */
    public Path folderOf(Scenario sc) throws IOException {
        return cacheRoot.resolve(sc.name() + "-" + fingerprint(sc));
    }

    /**
     * 12 hex digits of the SHA-256 of the scenario's values and of the classes and resources of the
     * packages whose code decides what the simulator writes (model, fits, sim).
     */
    public static String fingerprint(Scenario sc) throws IOException {
        MessageDigest md = sha256();
        md.update(sc.toString().getBytes(StandardCharsets.UTF_8));
        md.update(CodeDigest.VALUE);
        return HexFormat.of().formatHex(md.digest()).substring(0, 12);
    }

    /**
     * Deletes the earlier versions of a cached folder: {@code prefix} itself (made before folders had
     * fingerprints) and {@code prefix-<fingerprint>} folders other than {@code keep}.
     */
    public static void deleteOtherVersions(Path root, String prefix, Path keep) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Pattern version = Pattern.compile(Pattern.quote(prefix) + "(-[0-9a-f]{12})?");
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                if (!p.equals(keep) && version.matcher(p.getFileName().toString()).matches()) {
                    OutputFile.deleteTree(p);
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The digest of the simulator's code, computed once from the jar or the classes folder. */
    private static final class CodeDigest {

        private static final List<String> PACKAGES = List.of("org/tsoinspector/model/", "org/tsoinspector/fits/",
                "org/tsoinspector/sim/");
        static final byte[] VALUE = compute();

        private static byte[] compute() {
            MessageDigest md = sha256();
            try {
                Path code = Path.of(SampleLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(code)) {
                    try (Stream<Path> s = Files.walk(code)) {
                        for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                            String name = code.relativize(p).toString().replace('\\', '/');
                            if (PACKAGES.stream().anyMatch(name::startsWith)) {
                                md.update(name.getBytes(StandardCharsets.UTF_8));
                                md.update(Files.readAllBytes(p));
                            }
                        }
                    }
                } else {
                    try (ZipFile jar = new ZipFile(code.toFile())) {
                        List<? extends ZipEntry> entries = jar.stream().filter(e -> !e.isDirectory())
                                .filter(e -> PACKAGES.stream().anyMatch(e.getName()::startsWith))
                                .sorted(Comparator.comparing(ZipEntry::getName)).toList();
                        for (ZipEntry e : entries) {
                            md.update(e.getName().getBytes(StandardCharsets.UTF_8));
                            try (InputStream in = jar.getInputStream(e)) {
                                md.update(in.readAllBytes());
                            }
                        }
                    }
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // the code cannot be read (an unusual class loader): samples are then keyed by scenario only
                md.update("unknown code".getBytes(StandardCharsets.UTF_8));
            }
            return md.digest();
        }
    }
}
