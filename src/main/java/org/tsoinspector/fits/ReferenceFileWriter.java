package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tsoinspector.model.DetectorOrientation;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.DarkReference;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.PixelValuesReference;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.model.SuperbiasReference;

/**
 * Writes MASK, SATURATION, SUPERBIAS and LINEARITY reference files in the CRDS layout the reference
 * pipeline reads (stdatamodels MaskModel, SaturationModel, SuperBiasModel, LinearityModel): selector
 * keywords in PRIMARY, float32 arrays, uint32 DQ (BZERO = 2^31) and a DQ_DEF table.
 */
public final class ReferenceFileWriter {

    private static final List<TableColumn> DQ_DEF_COLUMNS = List.of(
            TableColumn.of("BIT", TableColumn.Type.INT),
            TableColumn.of("VALUE", TableColumn.Type.UINT32),
            TableColumn.text("NAME", 40),
            TableColumn.text("DESCRIPTION", 80));

    private final DetectorOrientation orientation;
    private final String author;

    /**
     * @param orientation FASTAXIS/SLOWAXIS written with the arrays (NIRISS: -2, -1)
     * @param author      AUTHOR keyword
     */
    public ReferenceFileWriter(DetectorOrientation orientation, String author) {
        this.orientation = orientation;
        this.author = author;
    }

    public void writeMask(Path target, MaskReference ref) throws IOException {
        try (FitsStreamWriter out = FitsStreamWriter.create(target)) {
            out.writeHeader(primary(ref.header(), "MaskModel"));
            writeDq(out, ref.window(), ref.dq());
            writeDqDef(out);
            out.commit();
        }
    }

    public void writeSaturation(Path target, SaturationReference ref) throws IOException {
        try (FitsStreamWriter out = FitsStreamWriter.create(target)) {
            out.writeHeader(primary(ref.header(), "SaturationModel"));
            writeFloatImage(out, "SCI", ref.window(), ref.threshold(), "DN");
            writeDq(out, ref.window(), ref.dq());
            writeDqDef(out);
            out.commit();
        }
    }

    /** @param err the ERR array (uncertainty of the bias, DN), one value per pixel */
    public void writeSuperbias(Path target, SuperbiasReference ref, float[] err) throws IOException {
        try (FitsStreamWriter out = FitsStreamWriter.create(target)) {
            out.writeHeader(primary(ref.header(), "SuperBiasModel"));
            writeFloatImage(out, "SCI", ref.window(), ref.bias(), "DN");
            writeFloatImage(out, "ERR", ref.window(), err, "DN");
            writeDq(out, ref.window(), ref.dq());
            writeDqDef(out);
            out.commit();
        }
    }

    public void writeLinearity(Path target, LinearityReference ref) throws IOException {
        SubarrayWindow w = ref.window();
        try (FitsStreamWriter out = FitsStreamWriter.create(target)) {
            out.writeHeader(primary(ref.header(), "LinearityModel"));
            out.writeHeader(HeaderCards.image(Bitpix.FLOAT, w.xSize(), w.ySize(), ref.nCoeffs())
                    .add("EXTNAME", "COEFFS", "extension name"));
            out.write(ref.coeffs(), 0, ref.coeffs().length);
            if (ref.hasInverse()) {
                out.writeHeader(HeaderCards.image(Bitpix.FLOAT, w.xSize(), w.ySize(), ref.nInverse())
                        .add("EXTNAME", "INV_COEFFS", "extension name"));
                out.write(ref.inverseCoeffs(), 0, ref.inverseCoeffs().length);
            }
            writeDq(out, w, ref.dq());
            writeDqDef(out);
            out.commit();
        }
    }

    /** A DARK (ramp.md section 2): dark signal per group in DN, ERR, DQ, and its frame structure. */
    public void writeDark(Path target, DarkReference ref, SubarrayWindow w) throws IOException {
        try (FitsStreamWriter out = FitsStreamWriter.create(target)) {
            out.writeHeader(primary(ref.header(), "DarkModel")
                    .add("NFRAMES", ref.nFrames(), "Number of frames per group")
                    .add("NGROUPS", ref.groups(), "Number of groups in integration")
                    .add("GROUPGAP", ref.groupGap(), "Number of frames dropped between groups")
                    .add("AVDRKCUR", ref.averageDarkCurrent(), "Average dark current, e-/s"));
            out.writeHeader(HeaderCards.image(Bitpix.FLOAT, w.xSize(), w.ySize(), ref.groups())
                    .add("EXTNAME", "SCI", "extension name").add("BUNIT", "DN", "physical units of the array values"));
            out.write(ref.frames(), 0, ref.frames().length);
            float[] err = new float[ref.frames().length];
            out.writeHeader(HeaderCards.image(Bitpix.FLOAT, w.xSize(), w.ySize(), ref.groups())
                    .add("EXTNAME", "ERR", "extension name").add("BUNIT", "DN", "physical units of the array values"));
            out.write(err, 0, err.length);
            writeDq(out, w, ref.dq());
            writeDqDef(out);
            out.commit();
        }
    }

    /** A GAIN (e-/DN) or READNOISE (DN) reference: one value per pixel in SCI. */
    public void writePixelValues(Path target, PixelValuesReference ref, SubarrayWindow w, String dataModel,
            String unit) throws IOException {
        try (FitsStreamWriter out = FitsStreamWriter.create(target)) {
            out.writeHeader(primary(ref.header(), dataModel));
            writeFloatImage(out, "SCI", w, ref.values(), unit);
            out.commit();
        }
    }

    private HeaderCards primary(ReferenceHeader h, String dataModel) {
        SubarrayWindow w = h.window();
        return HeaderCards.primary()
                .add("DATE", "2022-06-01T00:00:00.000", "UTC date file created")
                .add("FILENAME", h.fileName(), "Name of the file")
                .add("DATAMODL", dataModel, "Type of data model")
                .add("TELESCOP", "JWST", "Telescope used to acquire the data")
                .section("Instrument configuration information")
                .add("INSTRUME", h.instrument(), "Instrument used to acquire the data")
                .add("DETECTOR", h.detector(), "Name of detector used to acquire the data")
                .section("Exposure parameters")
                .add("EXP_TYPE", "N/A", "Type of data in the exposure")
                .add("READPATT", "ANY", "Readout pattern")
                .section("Subarray parameters")
                .add("SUBARRAY", h.subarrayName(), "Subarray used")
                .add("SUBSTRT1", w.xStart(), "Starting pixel in axis 1 direction")
                .add("SUBSTRT2", w.yStart(), "Starting pixel in axis 2 direction")
                .add("SUBSIZE1", w.xSize(), "Number of pixels in axis 1 direction")
                .add("SUBSIZE2", w.ySize(), "Number of pixels in axis 2 direction")
                .add("FASTAXIS", orientation.fastAxis(), "Fast readout axis direction")
                .add("SLOWAXIS", orientation.slowAxis(), "Slow readout axis direction")
                .section("Reference file information")
                .add("REFTYPE", h.referenceType().toUpperCase(java.util.Locale.ROOT), "Reference file type")
                .add("DESCRIP", h.description(), "Description of the reference file")
                .add("AUTHOR", author, "Author of the reference file")
                .add("PEDIGREE", "DUMMY", "The pedigree of the reference file")
                .add("USEAFTER", h.useAfter(), "Use after date of the reference file")
                .history("Made by the TSO Inspector simulator to match its simulated exposures;"
                        + " not a calibration of a real detector.");
    }

    private static void writeFloatImage(FitsStreamWriter out, String name, SubarrayWindow w, float[] data, String unit)
            throws IOException {
        out.writeHeader(HeaderCards.image(Bitpix.FLOAT, w.xSize(), w.ySize())
                .add("EXTNAME", name, "extension name")
                .add("BUNIT", unit, "physical units of the array values"));
        out.write(data, 0, data.length);
    }

    private static void writeDq(FitsStreamWriter out, SubarrayWindow w, int[] dq) throws IOException {
        out.writeHeader(HeaderCards.image(Bitpix.INT, w.xSize(), w.ySize())
                .add("BSCALE", 1, null)
                .add("BZERO", 2147483648L, null)
                .add("EXTNAME", "DQ", "extension name"));
        out.writeUnsigned32(dq, 0, dq.length);
    }

    private static void writeDqDef(FitsStreamWriter out) throws IOException {
        DqFlag[] flags = DqFlag.values();
        out.writeHeader(HeaderCards.binaryTable(DQ_DEF_COLUMNS, flags.length)
                .add("EXTNAME", "DQ_DEF", "extension name"));
        for (DqFlag f : flags) {
            out.writeInt(f.bit());
            out.writeInt(f.value() ^ 0x80000000);
            out.writeAscii(f.name(), 40);
            out.writeAscii(f.meaning(), 80);
        }
    }
}
