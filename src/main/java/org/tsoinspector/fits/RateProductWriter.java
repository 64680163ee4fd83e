package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.RampSource;
import org.tsoinspector.model.StepName;

/**
 * Writes ramp_fit's products as the reference does (ramp.md section 4.9): {@code rateints} (SCI, ERR, DQ,
 * VAR_POISSON, VAR_RNOISE of shape (nints, ny, nx), then INT_TIMES) band by band of rows straight
 * to their places, or {@code rate} (the same 2-D). The input's primary header is carried over with the
 * step keywords; the file appears under its name only when complete.
 */
public final class RateProductWriter implements AutoCloseable {

    private final FitsStreamWriter out;
    private final IntegrationTimes times;
    private final int planes;
    private final int pixels;
    private final ReservedDataUnit sci;
    private final ReservedDataUnit err;
    private final ReservedDataUnit dq;
    private final ReservedDataUnit varPoisson;
    private final ReservedDataUnit varReadNoise;
    private final int ny;
    private final int nx;
    /** Rows written, plane by plane: the product is complete when every one has been. */
    private final java.util.BitSet rowsWritten = new java.util.BitSet();

    private RateProductWriter(FitsStreamWriter out, ExposureMetadata m, IntegrationTimes times, int planes)
            throws IOException {
        this.out = out;
        this.times = times;
        this.planes = planes;
        this.pixels = m.ny() * m.nx();
        this.ny = m.ny();
        this.nx = m.nx();
        long[] axes = planes == 0 ? new long[] {m.nx(), m.ny()} : new long[] {m.nx(), m.ny(), planes};
        sci = floats(axes, "SCI", "DN/s");
        err = floats(axes, "ERR", "DN/s");
        out.writeHeader(HeaderCards.image(Bitpix.INT, axes).add("BSCALE", 1, null).add("BZERO", 2147483648L, null)
                .add("EXTNAME", "DQ", "extension name"));
        dq = out.reserveDataUnit();
        varPoisson = floats(axes, "VAR_POISSON", "(DN/s)**2");
        varReadNoise = floats(axes, "VAR_RNOISE", "(DN/s)**2");
    }

    private ReservedDataUnit floats(long[] axes, String extname, String unit) throws IOException {
        out.writeHeader(HeaderCards.image(Bitpix.FLOAT, axes).add("EXTNAME", extname, "extension name")
                .add("BUNIT", unit, "physical units of the array values"));
        return out.reserveDataUnit();
    }

    /**
     * Starts {@code <root>_rateints.fits} (perIntegration) or {@code <root>_rate.fits}.
     *
     * @param product the product's metadata: the input's with every step run as completed
     */
    public static RateProductWriter create(Path target, RampSource input, ExposureMetadata product,
            Map<StepName, String> references, Set<StepName> skipped, boolean perIntegration) throws IOException {
        FitsStreamWriter out = FitsStreamWriter.create(target);
        try {
            HeaderCards h = RampProductWriter.primaryHeader(input, product, references, skipped,
                    target.getFileName().toString());
            h.add("DATAMODL", perIntegration ? "CubeModel" : "ImageModel", "Type of data model");
            out.writeHeader(h);
            return new RateProductWriter(out, product, perIntegration ? input.integrationTimes() : null,
                    perIntegration ? product.integrationsInSegment() : 0);
        } catch (Throwable e) {
            out.close();
            throw e;
        }
    }

    /**
     * Writes whole rows of one plane: frame pixels [firstPixel, firstPixel + values) of integration
     * {@code slot} (0-based within the segment) of rateints, or of the rate (slot 0). A row written again
     * is overwritten.
     */
    public synchronized void write(int slot, int firstPixel, float[] sciValues, float[] errValues, int[] dqValues,
            float[] poisson, float[] readNoise) throws IOException {
        long at = (long) slot * pixels + firstPixel;
        sci.write(4 * at, sciValues);
        err.write(4 * at, errValues);
        dq.writeUnsigned32(4 * at, dqValues);
        varPoisson.write(4 * at, poisson);
        varReadNoise.write(4 * at, readNoise);
        int rowFrom = firstPixel / nx;
        int rowTo = (firstPixel + sciValues.length) / nx;
        rowsWritten.set(slot * ny + rowFrom, slot * ny + rowTo);
    }

    /** Adds INT_TIMES (rateints) and moves the product to its name. */
    public synchronized void commit() throws IOException {
        int expected = Math.max(1, planes) * ny;
        if (rowsWritten.cardinality() != expected) {
            throw new IllegalStateException("rate product has " + rowsWritten.cardinality() + " of " + expected
                    + " rows");
        }
        if (times != null) {
            UncalWriter.writeIntTimes(out, times);
        }
        out.commit();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
