package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.DarkReference;
import org.tsoinspector.model.LinearityReference;
import org.tsoinspector.model.PixelValuesReference;
import org.tsoinspector.model.MaskReference;
import org.tsoinspector.model.ReferenceHeader;
import org.tsoinspector.model.SaturationReference;
import org.tsoinspector.model.SubarrayWindow;
import org.tsoinspector.model.SuperbiasReference;

/**
 * Reads MASK, SATURATION, SUPERBIAS and LINEARITY reference files (CRDS layout, spec section 8) and
 * dq_init's user-supplied DQ image, and cuts their arrays to an exposure's window exactly as the
 * reference pipeline's reffile_utils does (spec section 2). Every reference DQ array is remapped through
 * the file's DQ_DEF table as the reference pipeline does when it opens the file ({@link DqDefinitions}). Only the rows inside the window are read from the file.
 * A file of another type, instrument or detector, or whose window does not cover the exposure, is a
 * BadInputException naming that file.
 */
public final class ReferenceFiles {

    public static final String MASK = "MASK";
    public static final String SATURATION = "SATURATION";
    public static final String SUPERBIAS = "SUPERBIAS";
    public static final String LINEARITY = "LINEARITY";
    public static final String DARK = "DARK";
    public static final String GAIN = "GAIN";
    public static final String READNOISE = "READNOISE";

    private ReferenceFiles() {
    }

    public static MaskReference readMask(Path path, ExposureMetadata exposure) throws IOException, BadInputException {
        try (FitsFile f = FitsFile.open(path)) {
            Hdu dq = image(f, "DQ", 2);
            ReferenceHeader header = checkedHeader(f, path, MASK, exposure, dq);
            SubarrayWindow cut = cutWindow(f, header, exposure);
            return new MaskReference(header, exposure.window(),
                    DqDefinitions.read(f).apply(readIntCut(f, dq, header.window(), cut)));
        }
    }

    public static SaturationReference readSaturation(Path path, ExposureMetadata exposure)
            throws IOException, BadInputException {
        Cut c = readCut(path, exposure, SATURATION, "SCI", 2);
        return new SaturationReference(c.header(), exposure.window(), c.values(), c.dq());
    }

    public static SuperbiasReference readSuperbias(Path path, ExposureMetadata exposure)
            throws IOException, BadInputException {
        Cut c = readCut(path, exposure, SUPERBIAS, "SCI", 2);
        return new SuperbiasReference(c.header(), exposure.window(), c.values(), c.dq());
    }

    public static LinearityReference readLinearity(Path path, ExposureMetadata exposure)
            throws IOException, BadInputException {
        try (FitsFile f = FitsFile.open(path)) {
            Cut c = readCut(f, path, exposure, LINEARITY, "COEFFS", 3);
            Optional<Hdu> inverse = f.find("INV_COEFFS");
            if (inverse.isEmpty()) {
                return new LinearityReference(c.header(), exposure.window(), c.planes(), c.values(), c.dq());
            }
            Hdu inv = image(f, "INV_COEFFS", 3);
            if (inv.axes()[0] != c.header().window().xSize() || inv.axes()[1] != c.header().window().ySize()) {
                throw new BadInputException(f.name(), "INV_COEFFS has shape " + inv.shapeText() + "; expected planes"
                        + " of the COEFFS shape " + c.header().window().ySize() + " x " + c.header().window().xSize());
            }
            int planes = (int) inv.axes()[2];
            float[] values = readFloatCut(f, inv, c.header().window(), cutWindow(f, c.header(), exposure), planes);
            return new LinearityReference(c.header(), exposure.window(), c.planes(), c.values(), c.dq(), planes,
                    values);
        }
    }

    /**
     * Reads a DARK (ramp.md section 2). The reference pipeline uses a DARK of the science array's shape as
     * it is, whatever its SUBSTRT says, and fails on any other shape; a larger DARK whose window covers the
     * exposure is cut out here like every other reference.
     */
    public static DarkReference readDark(Path path, ExposureMetadata exposure) throws IOException, BadInputException {
        try (FitsFile f = FitsFile.open(path)) {
            Hdu sci = image(f, "SCI", 3);
            ReferenceHeader header = checkedHeader(f, path, DARK, exposure, sci);
            SubarrayWindow w = exposure.window();
            boolean scienceShaped = sci.axes()[0] == w.xSize() && sci.axes()[1] == w.ySize();
            SubarrayWindow stored = scienceShaped ? new SubarrayWindow(1, 1, w.xSize(), w.ySize()) : header.window();
            SubarrayWindow cut = scienceShaped ? stored : cutWindow(f, header, exposure);
            int groups = (int) sci.axes()[2];
            if (groups < 1) {
                throw new BadInputException(f.name(), "SCI has no groups");
            }
            float[] frames = readFloatCut(f, sci, stored, cut, groups);
            int[] dq = new int[cut.pixelCount()];
            Optional<Hdu> dqHdu = f.find("DQ");
            if (dqHdu.isPresent()) {
                Hdu h = dqHdu.get();
                if (h.naxis() != 2 || h.axes()[0] != stored.xSize() || h.axes()[1] != stored.ySize()
                        || !h.holdsIntegers()) {
                    throw new BadInputException(f.name(), "DQ has shape " + h.shapeText() + " and type "
                            + h.dataTypeText() + "; expected integers of one SCI plane's shape " + stored.ySize()
                            + " x " + stored.xSize());
                }
                dq = DqDefinitions.read(f).apply(readIntCut(f, h, stored, cut));
            }
            FitsHeader primary = f.primary().header();
            try {
                int nFrames = (int) primary.integer("NFRAMES", 1);
                int groupGap = (int) primary.integer("GROUPGAP", 0);
                double keyword = primary.real("AVDRKCUR", 0.0);
                return new DarkReference(header, groups, frames, dq, nFrames, groupGap,
                        hasNonZeroArray(f, "AVDRKCUR") ? 0.0 : keyword);
            } catch (FitsHeader.HeaderValueException e) {
                throw new BadInputException(f.name(), e.getMessage());
            }
        }
    }

    private static boolean hasNonZeroArray(FitsFile f, String extname) throws IOException {
        Optional<Hdu> h = f.find(extname);
        if (h.isEmpty() || h.get().naxis() == 0) {
            return false;
        }
        long n = 1;
        for (long a : h.get().axes()) {
            n *= a;
        }
        float[] values = new float[(int) n];
        f.readFloats(h.get(), 0, values, 0, values.length);
        for (float v : values) {
            if (v != 0f) {
                return true;
            }
        }
        return false;
    }

    /** Reads a GAIN reference (e-/DN per pixel), cut to the exposure's window. */
    public static PixelValuesReference readGain(Path path, ExposureMetadata exposure)
            throws IOException, BadInputException {
        Cut c = readCut(path, exposure, GAIN, "SCI", 2);
        return new PixelValuesReference(c.header(), c.values());
    }

    /** Reads a READNOISE reference (DN per pixel, for a two-read difference), cut to the exposure's window. */
    public static PixelValuesReference readReadNoise(Path path, ExposureMetadata exposure)
            throws IOException, BadInputException {
        Cut c = readCut(path, exposure, READNOISE, "SCI", 2);
        return new PixelValuesReference(c.header(), c.values());
    }

    /**
     * Reads dq_init's user_supplied_dq (spec section 3): DQ flags in the primary image, integers or floats
     * (cast to the mask's uint32 as numpy's astype does), of the exposure's window or of the whole
     * 2048 x 2048 detector, which is then cut to the window as the mask is.
     *
     * @throws BadInputException naming the file when it is missing, has no 2-D primary image, or another shape
     */
    public static int[] readUserDq(Path path, ExposureMetadata exposure) throws IOException, BadInputException {
        if (!Files.exists(path)) {
            throw new BadInputException(path.toString(), "no such file (given as dq_init.user_supplied_dq)");
        }
        try (FitsFile f = FitsFile.open(path)) {
            Hdu image = f.primary();
            SubarrayWindow w = exposure.window();
            if (image.naxis() != 2) {
                throw new BadInputException(f.name(), (image.naxis() == 0 ? "has no image in its primary HDU"
                        : "its primary image has " + image.naxis() + " axes (" + image.shapeText() + ")")
                        + "; user_supplied_dq needs a 2-D image of DQ flags there");
            }
            long nx = image.axes()[0];
            long ny = image.axes()[1];
            SubarrayWindow stored;
            SubarrayWindow cut;
            if (nx == w.xSize() && ny == w.ySize()) {
                stored = new SubarrayWindow(1, 1, w.xSize(), w.ySize());
                cut = stored;
            } else if (nx == SubarrayWindow.DETECTOR_SIZE && ny == SubarrayWindow.DETECTOR_SIZE) {
                stored = SubarrayWindow.FULL_FRAME;
                cut = w;
            } else {
                throw new BadInputException(f.name(), "its primary image is " + image.shapeText()
                        + "; user_supplied_dq must match the exposure's window (" + w.ySize() + " x " + w.xSize()
                        + ") or be the full 2048 x 2048 detector");
            }
            if (image.holdsIntegers()) {
                return readIntCut(f, image, stored, cut);
            }
            float[] values = readFloatCut(f, image, stored, cut, 1);
            int[] flags = new int[values.length];
            for (int p = 0; p < values.length; p++) {
                flags[p] = (int) (long) values[p]; // uint32 bits of a float flag value; NaN becomes 0
            }
            return flags;
        }
    }

    /** A reference's float array (all its planes) and DQ, cut to the exposure's window. */
    private record Cut(ReferenceHeader header, int planes, float[] values, int[] dq) {
    }

    private static Cut readCut(Path path, ExposureMetadata exposure, String type, String extname, int naxis)
            throws IOException, BadInputException {
        try (FitsFile f = FitsFile.open(path)) {
            return readCut(f, path, exposure, type, extname, naxis);
        }
    }

    private static Cut readCut(FitsFile f, Path path, ExposureMetadata exposure, String type, String extname,
            int naxis) throws IOException, BadInputException {
        Hdu array = image(f, extname, naxis);
        ReferenceHeader header = checkedHeader(f, path, type, exposure, array);
        SubarrayWindow cut = cutWindow(f, header, exposure);
        int planes = naxis == 3 ? (int) array.axes()[2] : 1;
        float[] values = readFloatCut(f, array, header.window(), cut, planes);
        return new Cut(header, planes, values, optionalDq(f, header, cut));
    }

    /**
     * The selectors of a reference file without reading its arrays: REFTYPE, INSTRUME, DETECTOR,
     * the window (spec section 2 defaults: a 2048 x 2048 array without SUBSTRT/SUBSIZE is full frame;
     * the array's shape wins over SUBSIZE), USEAFTER.
     */
    public static ReferenceHeader readHeader(FitsFile f, Path path) throws BadInputException {
        FitsHeader h = f.primary().header();
        String type = h.string("REFTYPE", "").trim().toUpperCase(Locale.ROOT);
        Hdu array = f.find(primaryArrayName(type)).orElse(null);
        return header(f, path, h, type, array);
    }

    private static String primaryArrayName(String refType) {
        switch (refType) {
            case MASK: return "DQ";
            case LINEARITY: return "COEFFS";
            default: return "SCI";
        }
    }

    private static ReferenceHeader header(FitsFile f, Path path, FitsHeader h, String type, Hdu array)
            throws BadInputException {
        String name = f.name();
        long[] a = array == null ? new long[0] : array.axes();
        boolean fullArray = a.length >= 2 && a[0] == SubarrayWindow.DETECTOR_SIZE && a[1] == SubarrayWindow.DETECTOR_SIZE;
        SubarrayWindow window;
        try {
            Optional<Long> xStart = h.integer("SUBSTRT1");
            Optional<Long> yStart = h.integer("SUBSTRT2");
            boolean anyMissing = xStart.isEmpty() || yStart.isEmpty() || h.integer("SUBSIZE1").isEmpty()
                    || h.integer("SUBSIZE2").isEmpty();
            if (anyMissing) {
                if (!fullArray) {
                    throw new BadInputException(name, "can't determine the reference file's subarray: SUBSTRT1/2 or"
                            + " SUBSIZE1/2 is missing and the array is not 2048 x 2048");
                }
                window = SubarrayWindow.FULL_FRAME;
            } else {
                long xs = xStart.get();
                long ys = yStart.get();
                if (xs < 1 || ys < 1 || xs > SubarrayWindow.DETECTOR_SIZE || ys > SubarrayWindow.DETECTOR_SIZE) {
                    throw new BadInputException(name, "SUBSTRT1/SUBSTRT2 = " + xs + "/" + ys
                            + (xs < 1 || ys < 1 ? " must be at least 1" : " lie outside the 2048 x 2048 detector"));
                }
                // The array's actual size wins over SUBSIZE1/2 (reffile_utils, with a warning there).
                long nx = a.length >= 2 ? a[0] : h.integer("SUBSIZE1", 0);
                long ny = a.length >= 2 ? a[1] : h.integer("SUBSIZE2", 0);
                if (nx < 0 || ny < 0 || nx > SubarrayWindow.DETECTOR_SIZE || ny > SubarrayWindow.DETECTOR_SIZE) {
                    throw new BadInputException(name, "its arrays are " + ny + " x " + nx
                            + ", larger than the 2048 x 2048 detector");
                }
                window = new SubarrayWindow((int) xs, (int) ys, (int) nx, (int) ny);
            }
        } catch (FitsHeader.HeaderValueException e) {
            throw new BadInputException(name, e.getMessage());
        }
        return new ReferenceHeader(path.getFileName().toString(), type,
                h.string("INSTRUME", "").trim().toUpperCase(Locale.ROOT),
                h.string("DETECTOR", "").trim().toUpperCase(Locale.ROOT),
                h.string("SUBARRAY", "").trim().toUpperCase(Locale.ROOT), window,
                h.string("USEAFTER", "").trim(), h.string("DESCRIP", "").trim());
    }

    private static ReferenceHeader checkedHeader(FitsFile f, Path path, String expectedType, ExposureMetadata exp,
            Hdu array) throws BadInputException {
        FitsHeader h = f.primary().header();
        String name = f.name();
        String type = h.string("REFTYPE", "").trim().toUpperCase(Locale.ROOT);
        if (type.isEmpty()) {
            throw new BadInputException(name, "has no REFTYPE keyword; expected a " + expectedType + " reference file");
        }
        if (!type.equals(expectedType)) {
            throw new BadInputException(name, "is a " + type + " reference file, not " + expectedType);
        }
        ReferenceHeader header = header(f, path, h, type, array);
        // a file that does not say its instrument or detector is used as given (spec 10.4); one naming others is refused
        if (!header.instrument().isEmpty() && !header.instrument().equals(exp.instrument())
                || !header.detector().isEmpty() && !header.detector().equals(exp.detector())) {
            throw new BadInputException(name, "is a reference file for " + describe(header.instrument())
                    + " detector " + describe(header.detector()) + ", but the exposure is " + exp.instrument()
                    + " detector " + exp.detector());
        }
        return header;
    }

    private static String describe(String value) {
        return value.isEmpty() ? "(not stated)" : value;
    }

    /** The slice of the reference's arrays that lies under the exposure, 0-based within the reference. */
    private static SubarrayWindow cutWindow(FitsFile f, ReferenceHeader ref, ExposureMetadata exp)
            throws BadInputException {
        SubarrayWindow r = ref.window();
        SubarrayWindow s = exp.window();
        int x0 = s.xStart() - r.xStart();
        int y0 = s.yStart() - r.yStart();
        if (x0 < 0 || y0 < 0 || x0 + s.xSize() > r.xSize() || y0 + s.ySize() > r.ySize()) {
            throw new BadInputException(f.name(), "its window (" + r + ") does not cover the exposure's window ("
                    + s + ")");
        }
        return new SubarrayWindow(x0 + 1, y0 + 1, s.xSize(), s.ySize());
    }

    private static Hdu image(FitsFile f, String extname, int naxis) throws BadInputException {
        Hdu h = f.find(extname).orElseThrow(() -> new BadInputException(f.name(),
                "has no " + extname + " extension, which its reference type needs"));
        if (h.naxis() != naxis) {
            throw new BadInputException(f.name(), extname + " has shape " + h.shapeText() + "; expected "
                    + naxis + " axes");
        }
        if (extname.equals("DQ") && !h.holdsIntegers()) {
            throw new BadInputException(f.name(), "DQ holds " + h.dataTypeText() + "; DQ flags are integers");
        }
        return h;
    }

    /** The DQ array cut to the window, remapped through the file's DQ_DEF table (zeros when it has no DQ). */
    private static int[] optionalDq(FitsFile f, ReferenceHeader header, SubarrayWindow cut)
            throws IOException, BadInputException {
        Optional<Hdu> dq = f.find("DQ");
        if (dq.isEmpty()) {
            return new int[cut.pixelCount()];
        }
        Hdu h = dq.get();
        if (h.naxis() != 2 || h.axes()[0] != header.window().xSize() || h.axes()[1] != header.window().ySize()
                || !h.holdsIntegers()) {
            throw new BadInputException(f.name(), "DQ has shape " + h.shapeText() + " and type "
                    + h.dataTypeText() + "; expected integers of the science array's shape "
                    + header.window().ySize() + " x " + header.window().xSize());
        }
        return DqDefinitions.read(f).apply(readIntCut(f, h, header.window(), cut));
    }

    /** A reference file's DQ_DEF table ({@link DqDefinitions#NONE} when it has none). */
    public static DqDefinitions dqDefinitions(Path path) throws IOException, BadInputException {
        try (FitsFile f = FitsFile.open(path)) {
            return DqDefinitions.read(f);
        }
    }

    private static float[] readFloatCut(FitsFile f, Hdu hdu, SubarrayWindow ref, SubarrayWindow cut, int planes)
            throws IOException {
        float[] out = new float[planes * cut.pixelCount()];
        int o = 0;
        for (int p = 0; p < planes; p++) {
            for (int y = cut.y0(); y < cut.y0() + cut.ySize(); y++) {
                f.readFloats(hdu, ((long) p * ref.ySize() + y) * ref.xSize() + cut.x0(), out, o, cut.xSize());
                o += cut.xSize();
            }
        }
        return out;
    }

    private static int[] readIntCut(FitsFile f, Hdu hdu, SubarrayWindow ref, SubarrayWindow cut)
            throws IOException {
        int[] out = new int[cut.pixelCount()];
        int o = 0;
        for (int y = cut.y0(); y < cut.y0() + cut.ySize(); y++) {
            f.readInts(hdu, (long) y * ref.xSize() + cut.x0(), out, o, cut.xSize());
            o += cut.xSize();
        }
        return out;
    }
}
