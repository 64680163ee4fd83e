package org.tsoinspector.cli;

import org.tsoinspector.inspect.Words;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.tsoinspector.analysis.DqSummary;
import org.tsoinspector.analysis.DqSummaryBuilder;
import org.tsoinspector.fits.DqDefinitions;
import org.tsoinspector.fits.FitsFile;
import org.tsoinspector.fits.FitsHeader;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.fits.Hdu;
import org.tsoinspector.fits.ReferenceFiles;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.StepName;

/**
 * {@code info FILE}: what a raw segment, step product or reference file holds: exposure, geometry,
 * timing, HDUs and a DQ summary. Only headers, DQ arrays and tables are read, never the samples.
 */
public final class InfoCommand implements Command {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String usage() {
        return "info FILE               what is in a file: exposure, geometry, timing, HDUs, DQ summary";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new UsageException(args.isEmpty() ? "info needs a FILE" : "info takes exactly one FILE, got " + args);
        }
        Path path = Path.of(args.get(0));
        if (!Files.exists(path)) {
            throw new BadInputException(path.toString(), "no such file");
        }
        try (FitsFile f = FitsFile.open(path)) {
            boolean reference = f.primary().header().has("REFTYPE");
            if (reference || f.find("SCI").isEmpty()) {
                printFile(out, path, f);
                if (reference) {
                    printReference(out, f, path);
                } else {
                    out.println("Kind:      FITS file without SCI or REFTYPE: neither a ramp nor a reference file");
                }
                printHdus(out, f);
                return CommandLine.EXIT_OK;
            }
            Hdu sci = f.find("SCI").get();
            if (sci.naxis() == 2 || sci.naxis() == 3) {
                printFile(out, path, f);
                printRateImage(out, f, sci);
                printHdus(out, f);
                return CommandLine.EXIT_OK;
            }
        }
        try (FitsRampFile ramp = FitsRampFile.open(path)) {
            printFile(out, path, ramp.fits());
            printRamp(out, ramp);
            printHdus(out, ramp.fits());
            printDq(out, ramp);
        }
        return CommandLine.EXIT_OK;
    }

    /** A rate product (ramp_fit's rate or rateints): slopes, not a ramp, so only what the headers say. */
    private static void printRateImage(PrintStream out, FitsFile f, Hdu sci) {
        FitsHeader h = f.primary().header();
        out.println("Kind:      " + (sci.naxis() == 2 ? "rate image (one slope per pixel)"
                : "per-integration rate images (one slope per pixel and integration)") + ", "
                + sci.header().string("BUNIT", "no BUNIT") + " (" + h.string("DATAMODL", "no DATAMODL") + ")");
        out.printf(Locale.ROOT, "Exposure:  %s %s, %s, READPATT %s, SUBARRAY %s%n", h.string("INSTRUME", "?"),
                h.string("DETECTOR", "?"), h.string("EXP_TYPE", "?"), h.string("READPATT", "?"),
                h.string("SUBARRAY", "?"));
    }

    private static void printFile(PrintStream out, Path path, FitsFile f) throws IOException {
        out.printf(Locale.ROOT, "File:      %s (%s%s)%n", path.getFileName(), bytes(Files.size(path)),
                f.compressed() ? ", gzip; " + bytes(f.size()) + " uncompressed" : "");
    }

    private static void printHdus(PrintStream out, FitsFile f) {
        out.println("HDUs:");
        for (Hdu h : f.hdus()) {
            String shape = h.naxis() == 0 ? "(no data)" : h.type().equals("BINTABLE")
                    ? h.axes()[1] + " rows x " + h.header().integer("TFIELDS", 0) + " columns"
                    : h.shapeText();
            out.printf(Locale.ROOT, "  %-2d %-10s %-8s %-8s %s%n", h.index(), h.name(), h.type(),
                    h.type().equals("IMAGE") && h.naxis() > 0 ? h.dataTypeText() : "", shape);
        }
    }

    private static void printRamp(PrintStream out, FitsRampFile ramp) throws IOException {
        ExposureMetadata m = ramp.metadata();
        FitsHeader h = ramp.fits().primary().header();
        String kind = m.completedSteps().isEmpty() ? "raw ramp segment (" + h.string("DATAMODL", "no DATAMODL") + ")"
                : "step product after " + m.completedSteps().stream().sorted().map(StepName::id)
                        .collect(Collectors.joining(", "));
        out.println("Kind:      " + kind);
        out.printf(Locale.ROOT, "Exposure:  %s %s, %s, READPATT %s, DATE-OBS %s%n", m.instrument(), m.detector(),
                m.exposureType(), m.readPattern(), m.dateObs().isEmpty() ? "(none)" : m.dateObs());
        out.printf(Locale.ROOT, "Geometry:  %s, %s, %s; %d output%s, FASTAXIS %s, SLOWAXIS %s%n", m.subarrayName(),
                m.window(), m.window().isSubarray() ? "subarray" : "full frame", m.nOutputs(),
                m.nOutputs() == 1 ? "" : "s", m.orientation() == null ? "(none)" : m.orientation().fastAxis(),
                m.orientation() == null ? "(none)" : m.orientation().slowAxis());
        out.printf(Locale.ROOT, "Ramp:      %d integration%s (%d..%d of %d; segment %d of %d) x %d group%s x %d rows"
                        + " x %d columns; NFRAMES %d, GROUPGAP %d; zero frame %s%n",
                ramp.integrationCount(), ramp.integrationCount() == 1 ? "" : "s", m.intStart(), m.intEnd(), m.nInts(),
                m.segmentNumber(), m.segmentTotal(), m.nGroups(), m.nGroups() == 1 ? "" : "s", m.ny(), m.nx(), m.nFrames(), m.groupGap(),
                m.hasZeroFrame() ? "yes" : "no");
        long subsize1 = h.integer("SUBSIZE1", m.nx());
        long subsize2 = h.integer("SUBSIZE2", m.ny());
        if (subsize1 != m.nx() || subsize2 != m.ny()) {
            out.printf(Locale.ROOT, "Note:      SUBSIZE1/2 say %d x %d but SCI holds %d x %d; the array wins, as in"
                    + " the reference pipeline%n", subsize1, subsize2, m.nx(), m.ny());
        }
        out.printf(Locale.ROOT, "Timing:    TFRAME %s s, TGROUP %s s, ramp %s s%s%n", seconds(m.tFrame()),
                seconds(m.tGroup()), seconds(m.tGroup() * m.nGroups()), intTimes(ramp.integrationTimes()));
    }

    private static String intTimes(IntegrationTimes t) {
        if (t == null || t.size() == 0) {
            return "; no INT_TIMES";
        }
        int last = t.size() - 1;
        return String.format(Locale.ROOT, "; INT_TIMES %d rows, integrations %d..%d, mid %.6f .. %.6f MJD UTC",
                t.size(), t.integrationNumber()[0], t.integrationNumber()[last], t.midMjdUtc()[0], t.midMjdUtc()[last]);
    }

    private static void printDq(PrintStream out, FitsRampFile ramp) throws IOException {
        ExposureMetadata m = ramp.metadata();
        if (!ramp.hasPixelDq() && !ramp.hasGroupDq()) {
            out.println("DQ:        none stored (a raw segment; dq_init makes them)");
            return;
        }
        int[] pixelDq = ramp.pixelDq();
        DqSummaryBuilder b = new DqSummaryBuilder(pixelDq, m.ny(), m.nx(), m.nGroups(), m.intStart() - 1,
                ramp.integrationCount());
        if (ramp.hasGroupDq()) {
            int frame = m.ny() * m.nx();
            for (int i = 0; i < ramp.integrationCount(); i++) {
                byte[] gdq = new byte[m.nGroups() * frame];
                for (int g = 0; g < m.nGroups(); g++) {
                    System.arraycopy(ramp.readGroupDq(i, g), 0, gdq, g * frame, frame);
                }
                // The summary only looks at group DQ: the samples are not read, zeros stand in for them.
                b.add(new Ramp(m.intStart() - 1 + i, m.nGroups(), m.ny(), m.nx(), new float[gdq.length], gdq, null));
            }
        }
        DqSummary s = b.build();
        long flagged = java.util.Arrays.stream(pixelDq).filter(v -> v != 0).count();
        out.printf(Locale.ROOT, "Pixel DQ:  %d of %d pixels flagged%s%n", flagged, pixelDq.length,
                flagCounts(s.pixelFlagsPresent()));
        if (ramp.hasGroupDq()) {
            StringBuilder g = new StringBuilder();
            for (DqFlag f : DqFlag.values()) {
                if (f.isGroupFlag() && s.groupCount(f) > 0) {
                    g.append(", ").append(f.name()).append(' ').append(s.groupCount(f));
                }
            }
            out.printf(Locale.ROOT, "Group DQ:  samples flagged%s%n", g.length() == 0 ? ": none" : g.substring(1));
            long[] sat = s.saturatedPerIntegration();
            out.printf(Locale.ROOT, "Saturated: pixels SATURATED in the last group, per integration: %s%n",
                    summarise(sat));
        }
    }

    private static String summarise(long[] v) {
        if (v.length <= 10) {
            return java.util.Arrays.toString(v);
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return "min " + min + ", max " + max + " over " + Words.count(v.length, "integration");
    }

    private static String flagCounts(Map<DqFlag, Long> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        return ": " + counts.entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void printReference(PrintStream out, FitsFile f, Path path) throws IOException, BadInputException {
        ReferenceHeader r = ReferenceFiles.readHeader(f, path);
        out.printf(Locale.ROOT, "Kind:      %s reference file for %s %s%n", r.referenceType(),
                r.instrument().isEmpty() ? "(no INSTRUME)" : r.instrument(),
                r.detector().isEmpty() ? "(no DETECTOR)" : r.detector());
        out.printf(Locale.ROOT, "Geometry:  %s, %s%n", r.subarrayName().isEmpty() ? "(no SUBARRAY)" : r.subarrayName(),
                r.window());
        out.printf(Locale.ROOT, "Applies:   USEAFTER %s%s%n", r.useAfter().isEmpty() ? "(none)" : r.useAfter(),
                r.description().isEmpty() ? "" : "; " + r.description());
        DqDefinitions defs = DqDefinitions.read(f);
        printDqDefinitions(out, defs, path);
        Hdu dq = f.find("DQ").orElse(null);
        if (dq != null && dq.naxis() == 2 && dq.bitpix() > 0 && dq.elementCount() <= Integer.MAX_VALUE) {
            int[] stored = new int[(int) dq.elementCount()];
            f.readInts(dq, 0, stored, 0, stored.length);
            int[] values = defs.apply(stored); // counted as the steps see them
            if (!defs.isEmpty()) {
                long changed = 0;
                for (int p = 0; p < stored.length; p++) {
                    changed += stored[p] != values[p] ? 1 : 0;
                }
                out.printf(Locale.ROOT, "Remapped:  %d of %d pixels have another DQ after DQ_DEF than stored%n",
                        changed, stored.length);
            }
            Map<DqFlag, Long> counts = new java.util.EnumMap<>(DqFlag.class);
            long flagged = 0;
            for (int v : values) {
                flagged += v != 0 ? 1 : 0;
                for (DqFlag fl : DqFlag.decodePixel(v)) {
                    counts.merge(fl, 1L, Long::sum);
                }
            }
            out.printf(Locale.ROOT, "DQ:        %d of %d pixels flagged%s%n", flagged, values.length, flagCounts(counts));
        }
    }

    /** The DQ_DEF table, row by row, and whether it maps stored values to other flags. */
    private static void printDqDefinitions(PrintStream out, DqDefinitions defs, Path path) {
        if (defs.isEmpty()) {
            out.println("DQ_DEF:    none: the DQ values are used as stored");
            return;
        }
        out.println("DQ_DEF:    " + defs.rows().size() + " rows; " + (defs.remapsAnything()
                ? "some store a flag at another value or name no standard flag"
                : "each stores its flag at the standard value") + "; bits no row lists are dropped");
        for (DqDefinitions.Row r : defs.rows()) {
            String meaning = r.standardValue().map(v -> v == r.value() ? "standard" : "-> " + v)
                    .orElse("not a standard flag: ignored");
            out.printf(Locale.ROOT, "           BIT %2d  VALUE %10d  %-16s %s%n", r.bit(), r.value(), r.name(), meaning);
        }
        String note = defs.note(path.getFileName().toString());
        if (!note.isEmpty()) {
            out.println("Note:      " + note);
        }
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "(unknown)" : String.format(Locale.ROOT, "%.5f", s);
    }

    private static String bytes(long n) {
        if (n < 10_000) {
            return n + " bytes";
        }
        return n < 10_000_000 ? String.format(Locale.ROOT, "%.1f kB", n / 1e3)
                : n < 10_000_000_000L ? String.format(Locale.ROOT, "%.1f MB", n / 1e6)
                : String.format(Locale.ROOT, "%.2f GB", n / 1e9);
    }
}
