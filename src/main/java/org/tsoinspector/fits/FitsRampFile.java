package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;

/**
 * A raw {@code *_uncal.fits} segment or a saved step product ({@code *_<step>step.fits}), plain or
 * gzip-compressed, as a {@link RampSource}: headers are read when it opens, integrations and groups
 * on demand. SCI may be uint16 (BZERO 32768, exact floats) or float32; PIXELDQ, GROUPDQ and
 * ZEROFRAME are used when present and have the ramp's shape (otherwise zeros, as the reference
 * pipeline's check_dimensions does).
 */
public final class FitsRampFile implements RampSource {

    private final FitsFile file;
    private final Path path;
    private final ExposureMetadata metadata;
    private final Hdu sci;
    private final Hdu zeroFrame;
    private final Hdu pixelDq;
    private final Hdu groupDq;
    private final IntegrationTimes times;

    private FitsRampFile(FitsFile file, Path path) throws IOException, BadInputException {
        this.file = file;
        this.path = path;
        String name = file.name();
        sci = file.find("SCI").orElseThrow(() -> new BadInputException(name, "has no SCI extension: not a ramp file"));
        if (sci.naxis() != 4) {
            throw new BadInputException(name, "SCI has " + sci.naxis() + " axes (" + sci.shapeText()
                    + "); a ramp has 4 (integrations x groups x rows x columns)");
        }
        long[] a = sci.axes();
        for (long n : a) {
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new BadInputException(name, "SCI has an empty or impossible shape " + sci.shapeText());
            }
        }
        if (a[0] * a[1] * a[2] > Integer.MAX_VALUE - 8) {
            throw new BadInputException(name, "one integration of SCI (" + sci.shapeText()
                    + ") is larger than an array in memory can be");
        }
        zeroFrame = matching(file.find("ZEROFRAME"), a[0], a[1], a[3]).orElse(null);
        pixelDq = matching(file.find("PIXELDQ"), a[0], a[1]).filter(Hdu::holdsIntegers).orElse(null);
        groupDq = matching(file.find("GROUPDQ"), a[0], a[1], a[2], a[3]).filter(Hdu::holdsIntegers).orElse(null);
        metadata = ExposureHeader.read(name, file.primary().header(), a, zeroFrame != null);
        Optional<Hdu> intTimes = file.find("INT_TIMES");
        times = intTimes.isPresent() ? IntegrationTimesTable.read(file, intTimes.get()) : null;
    }

    private static Optional<Hdu> matching(Optional<Hdu> hdu, long... axes) {
        return hdu.filter(h -> java.util.Arrays.equals(h.axes(), axes));
    }

    /** Opens a ramp file read-only; a BadInputException names the file and the problem. */
    public static FitsRampFile open(Path path) throws IOException, BadInputException {
        FitsFile f = FitsFile.open(path);
        try {
            return new FitsRampFile(f, path);
        } catch (BadInputException | IOException | RuntimeException e) {
            f.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return path.getFileName().toString();
    }

    public Path path() {
        return path;
    }

    /** The underlying FITS file (headers of every HDU, for info and for writing products). */
    public FitsFile fits() {
        return file;
    }

    @Override
    public ExposureMetadata metadata() {
        return metadata;
    }

    @Override
    public int integrationCount() {
        return (int) sci.axes()[3];
    }

    public boolean hasPixelDq() {
        return pixelDq != null;
    }

    public boolean hasGroupDq() {
        return groupDq != null;
    }

    @Override
    public Ramp readIntegration(int i) throws IOException {
        checkIntegration(i);
        int groups = metadata.nGroups();
        int ny = metadata.ny();
        int nx = metadata.nx();
        int n = groups * ny * nx;
        float[] data = new float[n];
        file.readFloats(sci, (long) i * n, data, 0, n);
        byte[] gdq = new byte[n];
        if (groupDq != null) {
            file.readBytes(groupDq, (long) i * n, gdq, 0, n);
        }
        float[] zero = null;
        if (zeroFrame != null) {
            zero = new float[ny * nx];
            file.readFloats(zeroFrame, (long) i * ny * nx, zero, 0, ny * nx);
        }
        return new Ramp(metadata.intStart() - 1 + i, groups, ny, nx, data, gdq, zero);
    }

    @Override
    public float[] readGroup(int i, int group) throws IOException {
        checkIntegration(i);
        if (group < 0 || group >= metadata.nGroups()) {
            throw new IndexOutOfBoundsException("group " + group + " of " + metadata.nGroups());
        }
        int frame = metadata.ny() * metadata.nx();
        float[] out = new float[frame];
        file.readFloats(sci, ((long) i * metadata.nGroups() + group) * frame, out, 0, frame);
        return out;
    }

    /** The stored group DQ of one group (zeros when the file has none). */
    public byte[] readGroupDq(int i, int group) throws IOException {
        checkIntegration(i);
        int frame = metadata.ny() * metadata.nx();
        byte[] out = new byte[frame];
        if (groupDq != null) {
            file.readBytes(groupDq, ((long) i * metadata.nGroups() + group) * frame, out, 0, frame);
        }
        return out;
    }

    private void checkIntegration(int i) {
        if (i < 0 || i >= integrationCount()) {
            throw new IndexOutOfBoundsException("integration " + i + " of " + integrationCount() + " in " + name());
        }
    }

    @Override
    public int[] pixelDq() throws IOException {
        int[] dq = new int[metadata.ny() * metadata.nx()];
        if (pixelDq != null) {
            file.readInts(pixelDq, 0, dq, 0, dq.length);
        }
        return dq;
    }

    @Override
    public IntegrationTimes integrationTimes() {
        return times;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
