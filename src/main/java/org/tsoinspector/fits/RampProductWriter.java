package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;
import org.tsoinspector.model.StepName;

/**
 * Writes a step product ({@code <root>_<step>step.fits}) in the reference pipeline's RampModel
 * layout (cli.md): PRIMARY = the input's primary header with S_xxxx = COMPLETE and R_xxxx naming
 * the reference files, SCI float32 (nints, ngroups, ny, nx), PIXELDQ uint32 (BZERO 2^31), GROUPDQ
 * uint8, ZEROFRAME float32 when the exposure has one, and the input's INT_TIMES.
 *
 * <p>The layout is fixed before the first integration, so every header is written at once and each
 * integration handed over (in any order, each once) goes straight to its final place in SCI, GROUPDQ
 * and ZEROFRAME: nothing is written twice and the cube is never in memory. PIXELDQ and INT_TIMES
 * follow on {@link #commit}. The product is written under a temporary name and appears only on
 * commit; closing without commit (failure, cancel) deletes everything written, and an existing
 * product of the same name stays untouched until then.
 */
public final class RampProductWriter implements AutoCloseable {

    /** Structural cards of the input's primary header that the writer derives itself. */
    private static final Set<String> DERIVED = Set.of("SIMPLE", "BITPIX", "NAXIS", "EXTEND", "END");

    private final ExposureMetadata meta;
    private final IntegrationTimes times;
    private final FitsStreamWriter out;
    private final ReservedDataUnit sci;
    private final ReservedDataUnit pixelDq;
    private final ReservedDataUnit groupDq;
    private final ReservedDataUnit zeroFrame;
    private final boolean[] received;
    private int written;

    private RampProductWriter(ExposureMetadata meta, IntegrationTimes times, FitsStreamWriter out) throws IOException {
        this.meta = meta;
        this.times = times;
        this.out = out;
        int n = meta.integrationsInSegment();
        out.writeHeader(HeaderCards.image(Bitpix.FLOAT, meta.nx(), meta.ny(), meta.nGroups(), n)
                .add("EXTNAME", "SCI", "extension name")
                .add("BUNIT", "DN", "physical units of the array values"));
        sci = out.reserveDataUnit();
        out.writeHeader(HeaderCards.image(Bitpix.INT, meta.nx(), meta.ny())
                .add("BSCALE", 1, null).add("BZERO", 2147483648L, null)
                .add("EXTNAME", "PIXELDQ", "extension name"));
        pixelDq = out.reserveDataUnit();
        out.writeHeader(HeaderCards.image(Bitpix.BYTE, meta.nx(), meta.ny(), meta.nGroups(), n)
                .add("EXTNAME", "GROUPDQ", "extension name"));
        groupDq = out.reserveDataUnit();
        if (meta.hasZeroFrame()) {
            out.writeHeader(HeaderCards.image(Bitpix.FLOAT, meta.nx(), meta.ny(), n)
                    .add("EXTNAME", "ZEROFRAME", "extension name")
                    .add("BUNIT", "DN", "physical units of the array values"));
            zeroFrame = out.reserveDataUnit();
        } else {
            zeroFrame = null;
        }
        received = new boolean[n];
    }

    /**
     * Starts a product.
     *
     * @param input      where the ramp came from: its primary header is carried over when it is a file
     * @param product    the product's metadata (the input's, with every step done so far as completed)
     * @param references reference file names, by step (written as R_MASK, R_SATURA, R_SUPERB, R_LINEAR for
     *                   the steps completed)
     */
    public static RampProductWriter create(Path target, RampSource input, ExposureMetadata product,
            Map<StepName, String> references) throws IOException {
        return create(target, input, product, references, Set.of());
    }

    /** As {@link #create(Path, RampSource, ExposureMetadata, Map)}, with steps that ran as SKIPPED (S_xxxx). */
    public static RampProductWriter create(Path target, RampSource input, ExposureMetadata product,
            Map<StepName, String> references, Set<StepName> skipped) throws IOException {
        return create(target, input, product, references, skipped, Map.of());
    }

    /** As above, with extra primary-header cards that a step records (jump's PRIMECRS), name to number. */
    public static RampProductWriter create(Path target, RampSource input, ExposureMetadata product,
            Map<StepName, String> references, Set<StepName> skipped, Map<String, Double> stepCards)
            throws IOException {
        FitsStreamWriter out = FitsStreamWriter.create(target);
        try {
            HeaderCards h = primaryHeader(input, product, references, skipped, target.getFileName().toString());
            stepCards.forEach((key, value) -> h.add(key, value, null));
            out.writeHeader(h);
            return new RampProductWriter(product, input.integrationTimes(), out);
        } catch (Throwable e) {
            // Errors too (a missing class, out of memory): never leave hidden files behind.
            out.close();
            throw e;
        }
    }

    /** The product's primary header: the input file's cards (or a Level-1b header made from the metadata). */
    static HeaderCards primaryHeader(RampSource input, ExposureMetadata m, Map<StepName, String> references,
            Set<StepName> skipped, String fileName) {
        FitsRampFile file = sourceFile(input);
        HeaderCards h;
        if (file != null) {
            StringBuilder text = new StringBuilder();
            for (String card : file.fits().primary().header().cards()) {
                if (!DERIVED.contains(FitsHeader.keywordOf(card)) && !FitsHeader.keywordOf(card).matches("NAXIS\\d+")) {
                    text.append(card).append('\n');
                }
            }
            h = HeaderCards.primary().addAll(HeaderCards.parse(text.toString()));
        } else {
            h = UncalWriter.primaryHeader(m, fileName);
        }
        // The data written decide these, whatever the input said.
        h.add("FILENAME", fileName, "Name of the file")
                .add("DATAMODL", "RampModel", "Type of data model")
                .add("NINTS", m.nInts(), "Number of integrations in exposure")
                .add("NGROUPS", m.nGroups(), "Number of groups in integration")
                .add("INTSTART", m.intStart(), "Starting integration number in this segment")
                .add("INTEND", m.intEnd(), "Ending integration number in this segment")
                .add("ZEROFRAM", m.hasZeroFrame(), "Zero frame was downlinked separately");
        for (StepName s : StepName.values()) {
            if (m.completedSteps().contains(s)) {
                h.add(s.statusKeyword(), "COMPLETE", s.id() + " step status");
            } else if (skipped.contains(s)) {
                h.add(s.statusKeyword(), "SKIPPED", s.id() + " step status");
            }
        }
        for (Map.Entry<StepName, String> r : references.entrySet()) {
            String type = r.getKey().referenceType();
            // A reference counts as used only once its step has run (as in the pipeline's products).
            if (type != null && m.completedSteps().contains(r.getKey())) {
                h.add(referenceKeyword(type), r.getValue(), type + " reference file used");
            }
        }
        return h;
    }

    /** R_MASK, R_SATURA, R_SUPERB, R_LINEAR: "R_" and the reference type cut to 6 letters, as jwst does. */
    public static String referenceKeyword(String referenceType) {
        String t = referenceType.toUpperCase(Locale.ROOT);
        return "R_" + t.substring(0, Math.min(6, t.length()));
    }

    private static FitsRampFile sourceFile(RampSource input) {
        if (input instanceof FitsRampFile) {
            return (FitsRampFile) input;
        }
        if (input instanceof MultiSegmentExposure) {
            List<RampSource> segs = ((MultiSegmentExposure) input).segments();
            return segs.get(0) instanceof FitsRampFile ? (FitsRampFile) segs.get(0) : null;
        }
        return null;
    }

    /** Number of integrations written so far. */
    public int integrationsWritten() {
        return written;
    }

    /**
     * Writes one integration at its place in the product; they may come in any order, each once.
     * Integration numbers are 0-based over the exposure, as in {@link Ramp#integration()}.
     */
    public void writeIntegration(Ramp ramp) throws IOException {
        int slot = ramp.integration() - (meta.intStart() - 1);
        if (slot < 0 || slot >= received.length) {
            throw new IllegalArgumentException("integration " + ramp.integration() + " is not one of this product's "
                    + (meta.intStart() - 1) + ".." + (meta.intEnd() - 1));
        }
        if (received[slot]) {
            throw new IllegalArgumentException("integration " + ramp.integration() + " handed over twice");
        }
        if (ramp.nGroups() != meta.nGroups() || ramp.ny() != meta.ny() || ramp.nx() != meta.nx()) {
            throw new IllegalArgumentException("ramp of " + ramp.nGroups() + " x " + ramp.ny() + " x " + ramp.nx()
                    + " does not fit a product of " + meta.nGroups() + " x " + meta.ny() + " x " + meta.nx());
        }
        if ((ramp.zeroFrame() != null) != meta.hasZeroFrame()) {
            throw new IllegalArgumentException(meta.hasZeroFrame() ? "zero frame missing" : "unexpected zero frame");
        }
        long samples = ramp.data().length;
        sci.write(4 * samples * slot, ramp.data());
        groupDq.write(samples * slot, ramp.groupDq());
        if (zeroFrame != null) {
            zeroFrame.write(4L * ramp.zeroFrame().length * slot, ramp.zeroFrame());
        }
        received[slot] = true;
        written++;
    }

    /** Writes PIXELDQ and INT_TIMES, and moves the product to its name. */
    public void commit(int[] pixelDq) throws IOException {
        if (written != received.length) {
            throw new IllegalStateException("product has " + written + " of " + received.length + " integrations");
        }
        if (pixelDq.length != meta.ny() * meta.nx()) {
            throw new IllegalArgumentException("pixel DQ has " + pixelDq.length + " values, not " + meta.ny() * meta.nx());
        }
        this.pixelDq.writeUnsigned32(0, pixelDq);
        if (times != null) {
            UncalWriter.writeIntTimes(out, times);
        }
        out.commit();
    }

    /** Deletes the temporary file unless the product was committed. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
