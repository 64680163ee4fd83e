package org.tsoinspector.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ProgressMonitor;

/**
 * The built-in samples (scenario files shipped in the jar under samples/) and their generated
 * FITS files, made once into a cache folder (by default ~/.cache/tso-inspector/samples, never the
 * repository) and reused afterwards. A sample appears in the cache only when complete.
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
        Path dir = cacheRoot.resolve(sc.name());
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
            new ExposureSimulator(sc).write(work, threads, monitor);
            try {
                Files.move(work, cacheRoot.resolve(sc.name()), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // another process finished the same sample first: use theirs
            }
        } finally {
            deleteTree(work);
        }
        return cached(sc);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
