package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ReferenceHeader;

/**
 * Finds the reference file of a type for an exposure in a folder (cli.md): a FITS file qualifies
 * when its REFTYPE, INSTRUME and DETECTOR match and its window covers the exposure's; among several,
 * the latest USEAFTER not after the exposure's DATE-OBS wins (the latest of all when the exposure has
 * no DATE-OBS; ties go to the alphabetically last name, as newer CRDS files have higher serial numbers).
 */
public final class ReferenceFinder {

    private final Path folder;

    public ReferenceFinder(Path folder) {
        this.folder = folder;
    }

    /**
     * The folder to search: {@code refsDir} when given, else
     * {@code $CRDS_PATH/references/jwst/<instrument>/} ($CRDS_PATH defaulting to ~/crds_cache as in CRDS).
     */
    public static ReferenceFinder forExposure(Path refsDir, ExposureMetadata exposure) {
        if (refsDir != null) {
            return new ReferenceFinder(refsDir);
        }
        String crds = System.getenv("CRDS_PATH");
        Path base = crds != null && !crds.isBlank() ? Path.of(crds) : Path.of(System.getProperty("user.home"), "crds_cache");
        return new ReferenceFinder(base.resolve("references").resolve("jwst")
                .resolve(exposure.instrument().toLowerCase(Locale.ROOT)));
    }

    public Path folder() {
        return folder;
    }

    /** The best file of this reference type (MASK, SATURATION, ...), or empty when none qualifies. */
    public Optional<Path> find(String refType, ExposureMetadata exposure) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        String type = refType.toUpperCase(Locale.ROOT);
        LocalDateTime observed = parseTime(exposure.dateObs());
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.{fits,fits.gz,FITS,FITS.GZ}")) {
            ds.forEach(files::add);
        }
        files.sort(null);
        Path best = null;
        LocalDateTime bestTime = null;
        for (Path p : files) {
            Optional<LocalDateTime> useAfter = qualifyingUseAfter(p, type, exposure);
            if (useAfter.isEmpty() || observed != null && useAfter.get().isAfter(observed)) {
                continue;
            }
            if (bestTime == null || !useAfter.get().isBefore(bestTime)) {
                best = p;
                bestTime = useAfter.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** USEAFTER of a file that qualifies by type, instrument, detector and window; empty otherwise. */
    private static Optional<LocalDateTime> qualifyingUseAfter(Path p, String type, ExposureMetadata exposure)
            throws IOException {
        try {
            FitsHeader h = FitsFile.readPrimaryHeader(p);
            if (!h.string("REFTYPE", "").trim().equalsIgnoreCase(type)
                    || !h.string("INSTRUME", "").trim().equalsIgnoreCase(exposure.instrument())
                    || !h.string("DETECTOR", "").trim().equalsIgnoreCase(exposure.detector())) {
                return Optional.empty();
            }
            ReferenceHeader ref;
            try (FitsFile f = FitsFile.open(p)) {
                ref = ReferenceFiles.readHeader(f, p);
            }
            if (!ref.window().covers(exposure.window())) {
                return Optional.empty();
            }
            return Optional.ofNullable(parseTime(ref.useAfter()));
        } catch (BadInputException | FitsHeader.HeaderValueException e) {
            return Optional.empty(); // a broken or foreign file in the folder is simply not a candidate
        }
    }

    /** An ISO date or date-time ("2022-05-14", "2022-05-14T18:15:30.545"), or null when empty or unreadable. */
    static LocalDateTime parseTime(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return t.length() <= 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
