package org.tsoinspector.fits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;

/**
 * Writes one raw segment ({@code *_uncal.fits}) in the flight layout of a Level-1b file: PRIMARY
 * (no data; the real NIRISS keyword set and order, values from the exposure), SCI uint16
 * (BITPIX=16, BZERO=32768) and ZEROFRAME when the exposure has one, both filled one integration at a
 * time at their final offsets, then GROUP and INT_TIMES tables. The ASDF extension of flight files is not written: readers fall back
 * to the FITS keywords without it.
 */
public final class UncalWriter implements AutoCloseable {

    /** Offset between stored int16 and physical uint16 samples (the SCI BZERO). */
    public static final int BZERO = 32768;

    private static final String PRIMARY_TEMPLATE = "niriss-soss-uncal-primary.hdr";

    private static final List<TableColumn> GROUP_COLUMNS = List.of(
            TableColumn.of("integration_number", TableColumn.Type.INT),
            TableColumn.of("group_number", TableColumn.Type.SHORT),
            TableColumn.of("end_day", TableColumn.Type.SHORT),
            TableColumn.of("end_milliseconds", TableColumn.Type.INT),
            TableColumn.of("end_submilliseconds", TableColumn.Type.SHORT),
            TableColumn.text("group_end_time", 26),
            TableColumn.of("number_of_columns", TableColumn.Type.SHORT),
            TableColumn.of("number_of_rows", TableColumn.Type.SHORT),
            TableColumn.of("number_of_gaps", TableColumn.Type.SHORT),
            TableColumn.of("completion_code_number", TableColumn.Type.SHORT),
            TableColumn.text("completion_code_text", 36),
            TableColumn.of("bary_end_time", TableColumn.Type.DOUBLE),
            TableColumn.of("helio_end_time", TableColumn.Type.DOUBLE));

    private static final List<TableColumn> INT_TIMES_COLUMNS = List.of(
            TableColumn.of("integration_number", TableColumn.Type.INT),
            TableColumn.of("int_start_MJD_UTC", TableColumn.Type.DOUBLE),
            TableColumn.of("int_mid_MJD_UTC", TableColumn.Type.DOUBLE),
            TableColumn.of("int_end_MJD_UTC", TableColumn.Type.DOUBLE),
            TableColumn.of("int_start_BJD_TDB", TableColumn.Type.DOUBLE),
            TableColumn.of("int_mid_BJD_TDB", TableColumn.Type.DOUBLE),
            TableColumn.of("int_end_BJD_TDB", TableColumn.Type.DOUBLE));

    private final ExposureMetadata meta;
    private final IntegrationTimes times;
    private final FitsStreamWriter out;
    private final long integrationBytes;
    private final ReservedDataUnit sci;
    private final ReservedDataUnit zeroFrame;
    private int written;

    /** Writes the headers up to ZEROFRAME, leaving room for the SCI and zero frame data that come later. */
    private UncalWriter(ExposureMetadata meta, IntegrationTimes times, FitsStreamWriter out, HeaderCards primary)
            throws IOException {
        this.meta = meta;
        this.times = times;
        this.out = out;
        this.integrationBytes = 2L * meta.samplesPerIntegration();
        out.writeHeader(primary);
        out.writeHeader(sciHeader());
        sci = out.reserveDataUnit();
        if (meta.hasZeroFrame()) {
            out.writeHeader(HeaderCards.image(Bitpix.SHORT, meta.nx(), meta.ny(), times.size())
                    .add("BSCALE", 1, null).add("BZERO", BZERO, null).add("EXTNAME", "ZEROFRAME", "extension name")
                    .add("BUNIT", "DN", "physical units of the array values"));
            zeroFrame = out.reserveDataUnit();
        } else {
            zeroFrame = null;
        }
    }

    /**
     * Starts a segment and writes its headers.
     *
     * @param meta          the segment's metadata (geometry, timing, segment numbers, zero frame)
     * @param segmentTimes  one INT_TIMES row per integration of this segment, in order
     * @param primaryValues further primary keywords (target, exposure times, DATE, ...) that replace the
     *                      template's values or are appended
     */
    public static UncalWriter create(Path target, ExposureMetadata meta, IntegrationTimes segmentTimes,
            HeaderCards primaryValues) throws IOException {
        if (segmentTimes.size() != meta.integrationsInSegment()) {
            throw new IllegalArgumentException(segmentTimes.size() + " INT_TIMES rows for "
                    + meta.integrationsInSegment() + " integrations");
        }
        FitsStreamWriter out = FitsStreamWriter.create(target);
        try {
            return new UncalWriter(meta, segmentTimes, out,
                    primaryHeader(meta, target.getFileName().toString()).addAll(primaryValues));
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** The NIRISS primary-header template (real keyword names, order and comments). */
    public static HeaderCards primaryTemplate() {
        try (InputStream in = UncalWriter.class.getResourceAsStream(PRIMARY_TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + PRIMARY_TEMPLATE + " is missing from the build");
            }
            return HeaderCards.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The primary header of a segment: the template with the values the metadata fixes. */
    static HeaderCards primaryHeader(ExposureMetadata m, String fileName) {
        HeaderCards h = HeaderCards.primary().addAll(primaryTemplate());
        h.add("FILENAME", fileName, "Name of the file")
                .add("DATAMODL", "Level1bModel", "Type of data model")
                .add("INSTRUME", m.instrument(), "Instrument used to acquire the data")
                .add("DETECTOR", m.detector(), "Name of detector used to acquire the data")
                .add("EXP_TYPE", m.exposureType(), "Type of data in the exposure")
                .add("READPATT", m.readPattern(), "Readout pattern")
                .add("NOUTPUTS", m.nOutputs(), "Number of detector outputs used")
                .add("NINTS", m.nInts(), "Number of integrations in exposure")
                .add("EXSEGTOT", m.segmentTotal(), "Total number of segments in exposure")
                .add("EXSEGNUM", m.segmentNumber(), "Segment number")
                .add("INTSTART", m.intStart(), "Starting integration number in this segment")
                .add("INTEND", m.intEnd(), "Ending integration number in this segment")
                .add("NGROUPS", m.nGroups(), "Number of groups in integration")
                .add("NFRAMES", m.nFrames(), "Number of frames per group")
                .add("GROUPGAP", m.groupGap(), "Number of frames dropped between groups")
                .add("TFRAME", m.tFrame(), "[s] Time between frames")
                .add("TGROUP", m.tGroup(), "[s] Time between groups")
                .add("ZEROFRAM", m.hasZeroFrame(), "Zero frame was downlinked separately")
                .add("SUBARRAY", m.subarrayName(), "Subarray used")
                .add("SUBSTRT1", m.window().xStart(), "Starting pixel in axis 1 direction")
                .add("SUBSTRT2", m.window().yStart(), "Starting pixel in axis 2 direction")
                .add("SUBSIZE1", m.window().xSize(), "Number of pixels in axis 1 direction")
                .add("SUBSIZE2", m.window().ySize(), "Number of pixels in axis 2 direction")
                .add("FASTAXIS", m.orientation().fastAxis(), "Fast readout axis direction")
                .add("SLOWAXIS", m.orientation().slowAxis(), "Slow readout axis direction");
        if (m.dateObs() != null && !m.dateObs().isEmpty()) {
            h.add("DATE-OBS", m.dateObs(), "[yyyy-mm-dd] UTC date at start of exposure");
        } else {
            // the template's date belongs to another exposure: no date is better than a wrong one
            h.remove("DATE-OBS").remove("TIME-OBS");
        }
        return h;
    }

    private HeaderCards sciHeader() {
        int n = times.size() - 1;
        return HeaderCards.image(Bitpix.SHORT, meta.nx(), meta.ny(), meta.nGroups(), times.size())
                .add("BSCALE", 1, null)
                .add("BZERO", BZERO, null)
                .add("EXTNAME", "SCI", "extension name")
                .add("MJD-BEG", times.startMjdUtc()[0], "[d] exposure start time in MJD")
                .add("MJD-AVG", 0.5 * (times.startMjdUtc()[0] + times.endMjdUtc()[n]), "[d] exposure mid-point in MJD")
                .add("MJD-END", times.endMjdUtc()[n], "[d] exposure end time in MJD")
                .add("TDB-BEG", times.startBjdTdb()[0], "[d] TDB time of exposure start in MJD")
                .add("TDB-MID", 0.5 * (times.startBjdTdb()[0] + times.endBjdTdb()[n]),
                        "[d] TDB time of exposure mid-point in MJD")
                .add("TDB-END", times.endBjdTdb()[n], "[d] TDB time of exposure end in MJD")
                .add("BUNIT", "DN", "physical units of the array values");
    }

    /** The stored (signed) value of a physical uint16 sample. */
    public static short stored(int physical) {
        return (short) (physical - BZERO);
    }

    /** Number of integrations written so far. */
    public int integrationsWritten() {
        return written;
    }

    /**
     * Appends the next integration.
     *
     * @param sci  nGroups*ny*nx stored values (see {@link #stored}), big-endian, group-major
     * @param zero ny*nx stored values of its zero frame, or null when the exposure has none
     */
    public void writeIntegration(ByteBuffer sci, ByteBuffer zero) throws IOException {
        if (written >= times.size()) {
            throw new IllegalStateException("segment already holds its " + times.size() + " integrations");
        }
        if (sci.remaining() != integrationBytes) {
            throw new IllegalArgumentException("integration has " + sci.remaining() + " bytes, not " + integrationBytes);
        }
        if ((zero != null) != meta.hasZeroFrame()) {
            throw new IllegalArgumentException(meta.hasZeroFrame() ? "zero frame missing" : "unexpected zero frame");
        }
        long frameBytes = 2L * meta.ny() * meta.nx();
        if (zero != null && zero.remaining() != frameBytes) {
            throw new IllegalArgumentException("zero frame has " + zero.remaining() + " bytes, not " + frameBytes);
        }
        this.sci.write(integrationBytes * written, sci);
        if (zero != null) {
            zeroFrame.write(frameBytes * written, zero);
        }
        written++;
    }

    /** Writes the trailing extensions and moves the file to its name. */
    public void commit() throws IOException {
        if (written != times.size()) {
            throw new IllegalStateException("segment has " + written + " of " + times.size() + " integrations");
        }
        writeGroupTable();
        writeIntTimes(out, times);
        out.commit();
    }

    private void writeGroupTable() throws IOException {
        int nGroups = meta.nGroups();
        out.writeHeader(HeaderCards.binaryTable(GROUP_COLUMNS, (long) times.size() * nGroups)
                .add("EXTNAME", "GROUP", "extension name"));
        double framesPerGroup = meta.nFrames() + meta.groupGap();
        for (int r = 0; r < times.size(); r++) {
            double baryOffset = times.startBjdTdb()[r] - times.startMjdUtc()[r];
            for (int g = 0; g < nGroups; g++) {
                double seconds = (g * framesPerGroup + meta.nFrames()) * meta.tFrame();
                double end = times.startMjdUtc()[r] + seconds / 86400.0;
                java.time.LocalDateTime t = Mjd.toDateTime(end);
                long micros = t.toLocalTime().toNanoOfDay() / 1000;
                out.writeInt(times.integrationNumber()[r]);
                out.writeShort(g + 1);
                out.writeShort(t.getDayOfYear());
                out.writeInt((int) (micros / 1000));
                out.writeShort((int) (micros % 1000));
                out.writeAscii(Mjd.toIso(end), 26);
                out.writeShort(meta.nx());
                out.writeShort(meta.ny());
                out.writeShort(0);
                out.writeShort(0);
                out.writeAscii("COMPLETE", 36);
                out.writeDouble(end + baryOffset);
                out.writeDouble(end + baryOffset);
            }
        }
    }

    /** Writes an INT_TIMES table (the flight columns) as the next extension. */
    static void writeIntTimes(FitsStreamWriter out, IntegrationTimes times) throws IOException {
        out.writeHeader(HeaderCards.binaryTable(INT_TIMES_COLUMNS, times.size())
                .add("EXTNAME", "INT_TIMES", "extension name"));
        for (int r = 0; r < times.size(); r++) {
            out.writeInt(times.integrationNumber()[r]);
            out.writeDouble(times.startMjdUtc()[r]);
            out.writeDouble(times.midMjdUtc()[r]);
            out.writeDouble(times.endMjdUtc()[r]);
            out.writeDouble(times.startBjdTdb()[r]);
            out.writeDouble(times.midBjdTdb()[r]);
            out.writeDouble(times.endBjdTdb()[r]);
        }
    }

    /** Removes the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
