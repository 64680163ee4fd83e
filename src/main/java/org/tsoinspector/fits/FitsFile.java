package org.tsoinspector.fits;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.tsoinspector.model.BadInputException;

/**
 * A FITS file opened read-only for random access: the headers of all HDUs are parsed and checked
 * against the file's length when it opens; array data are read later, element ranges at a time,
 * with positional reads (so a file of many GB opens in milliseconds and never sits in memory).
 * A gzip-compressed file is decompressed once into the {@link GunzipCache} and read from there.
 * Reads are thread-safe.
 */
public final class FitsFile implements Closeable {

    private final String name;
    /** The cache's decompressed copy this file reads, held so it is not pruned meanwhile; null if plain. */
    private final GunzipCache.Lease copy;
    private final FileChannel channel;
    private final long size;
    private final List<Hdu> hdus;

    private FitsFile(String name, GunzipCache.Lease copy, FileChannel channel, long size, List<Hdu> hdus) {
        this.name = name;
        this.copy = copy;
        this.channel = channel;
        this.size = size;
        this.hdus = List.copyOf(hdus);
    }

    /** Opens a plain or gzip-compressed FITS file, using the standard gunzip cache. */
    public static FitsFile open(Path path) throws IOException, BadInputException {
        return open(path, GunzipCache.standard());
    }

    public static FitsFile open(Path path, GunzipCache cache) throws IOException, BadInputException {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new BadInputException(name, "is a folder, not a FITS file");
        }
        GunzipCache.Lease copy = GunzipCache.isGzip(path) ? cache.decompressed(path) : null;
        FileChannel ch = null;
        try {
            ch = FileChannel.open(copy != null ? copy.path() : path, StandardOpenOption.READ);
            long size = ch.size();
            List<Hdu> hdus = scan(name, ch, size);
            return new FitsFile(name, copy, ch, size, hdus);
        } catch (BadInputException | IOException | RuntimeException e) {
            if (ch != null) {
                ch.close();
            }
            if (copy != null) {
                copy.close();
            }
            throw e;
        }
    }

    /**
     * Reads only the primary header, streaming (for a gzip file only its first blocks are
     * decompressed): what a reference search needs to skip files of another type quickly.
     */
    public static FitsHeader readPrimaryHeader(Path path) throws IOException, BadInputException {
        String name = path.toString();
        boolean gz = GunzipCache.isGzip(path);
        try (InputStream raw = Files.newInputStream(path);
                InputStream in = gz ? new GZIPInputStream(raw, 1 << 14) : raw) {
            List<String> cards = new ArrayList<>();
            byte[] block = new byte[FitsHeader.BLOCK_SIZE];
            boolean first = true;
            while (true) {
                if (in.readNBytes(block, 0, block.length) < block.length) {
                    throw new BadInputException(name, first ? "is not a FITS file (shorter than one 2880-byte block)"
                            : "is not a FITS file or is cut short (no END card in its primary header)");
                }
                if (first && !startsWithSimple(block)) {
                    throw new BadInputException(name, "is not a FITS file (it does not start with SIMPLE = T)");
                }
                first = false;
                if (FitsHeader.parseBlock(block, cards)) {
                    return new FitsHeader(cards);
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new BadInputException(name, "the gzip data are damaged or cut short (" + e.getMessage() + ")");
        }
    }

    private static boolean startsWithSimple(byte[] block) {
        String card = new String(block, 0, FitsHeader.CARD_LENGTH, java.nio.charset.StandardCharsets.US_ASCII);
        return card.startsWith("SIMPLE  =") && card.substring(10).trim().startsWith("T");
    }

    private static List<Hdu> scan(String name, FileChannel ch, long size) throws IOException, BadInputException {
        List<Hdu> hdus = new ArrayList<>();
        byte[] block = new byte[FitsHeader.BLOCK_SIZE];
        long offset = 0;
        while (offset + FitsHeader.BLOCK_SIZE <= size) {
            readFully(name, ch, ByteBuffer.wrap(block), offset);
            int index = hdus.size();
            if (index == 0 && !startsWithSimple(block)) {
                throw new BadInputException(name, "is not a FITS file (it does not start with SIMPLE = T)");
            }
            if (index > 0 && !new String(block, 0, 9, java.nio.charset.StandardCharsets.US_ASCII).equals("XTENSION=")) {
                break; // padding or trailing bytes after the last HDU, as some writers leave them
            }
            List<String> cards = new ArrayList<>();
            long pos = offset;
            boolean end = false;
            while (!end) {
                if (pos + FitsHeader.BLOCK_SIZE > size) {
                    throw new BadInputException(name, "is cut short: the header of HDU " + index + " has no END card");
                }
                readFully(name, ch, ByteBuffer.wrap(block), pos);
                end = FitsHeader.parseBlock(block, cards);
                pos += FitsHeader.BLOCK_SIZE;
            }
            Hdu hdu = describe(name, index, new FitsHeader(cards), pos);
            if (hdu.dataOffset() + hdu.dataBytes() > size) {
                throw new BadInputException(name, "is cut short or its header is wrong: HDU " + index
                        + (hdu.name().isEmpty() ? "" : " (" + hdu.name() + ")") + " declares "
                        + hdu.dataBytes() + " bytes of data but the file ends "
                        + (size - hdu.dataOffset()) + " bytes after its header");
            }
            hdus.add(hdu);
            offset = hdu.dataOffset() + padded(hdu.dataBytes());
        }
        if (hdus.isEmpty()) {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, FitsHeader.CARD_LENGTH));
            readFully(name, ch, head, 0);
            boolean simple = head.limit() == FitsHeader.CARD_LENGTH && startsWithSimple(head.array());
            throw new BadInputException(name, simple ? "is cut short: shorter than one 2880-byte FITS block"
                    : size == 0 ? "is empty (0 bytes), not a FITS file"
                    : "is not a FITS file (shorter than one 2880-byte block, and it does not start with SIMPLE = T)");
        }
        if (offset < size && size - offset < FitsHeader.BLOCK_SIZE && size - offset >= 9) {
            ByteBuffer tail = ByteBuffer.allocate(9);
            readFully(name, ch, tail, offset);
            if (new String(tail.array(), java.nio.charset.StandardCharsets.US_ASCII).equals("XTENSION=")) {
                throw new BadInputException(name, "is cut short: the header of HDU " + hdus.size() + " is incomplete");
            }
        }
        return hdus;
    }

    private static Hdu describe(String name, int index, FitsHeader h, long dataOffset) throws BadInputException {
        String where = "HDU " + index + h.string("EXTNAME").map(s -> " (" + s.trim() + ")").orElse("");
        try {
            long bitpix = h.integer("BITPIX").orElseThrow(() -> new BadInputException(name, where + " has no BITPIX"));
            if (bitpix != 8 && bitpix != 16 && bitpix != 32 && bitpix != 64 && bitpix != -32 && bitpix != -64) {
                throw new BadInputException(name, where + " has BITPIX = " + bitpix
                        + " (FITS allows 8, 16, 32, 64, -32, -64)");
            }
            long naxis = h.integer("NAXIS").orElseThrow(() -> new BadInputException(name, where + " has no NAXIS"));
            if (naxis < 0 || naxis > 999) {
                throw new BadInputException(name, where + " has NAXIS = " + naxis + " (FITS allows 0 to 999)");
            }
            long[] axes = new long[(int) naxis];
            long elements = naxis == 0 ? 0 : 1;
            for (int i = 0; i < naxis; i++) {
                String key = "NAXIS" + (i + 1);
                axes[i] = h.integer(key).orElseThrow(() -> new BadInputException(name, where + " has no " + key));
                if (axes[i] < 0) {
                    throw new BadInputException(name, where + " has " + key + " = " + axes[i] + " (a length cannot be negative)");
                }
                elements = Math.multiplyExact(elements, axes[i]);
            }
            long pcount = index == 0 ? 0 : h.integer("PCOUNT", 0);
            long gcount = index == 0 ? 1 : h.integer("GCOUNT", 1);
            // A negative count would move the next HDU backwards (the scan could loop for ever); other
            // counts than the standard's (GCOUNT 1; PCOUNT 0 for an image) make the data unlike the axes.
            boolean image = index == 0 || h.string("XTENSION", "").trim().equalsIgnoreCase("IMAGE");
            if (gcount != 1 || pcount < 0 || image && pcount != 0) {
                throw new BadInputException(name, where + " has PCOUNT = " + pcount + " and GCOUNT = " + gcount
                        + (image ? " (an image has 0 and 1)" : " (GCOUNT must be 1, PCOUNT not negative)"));
            }
            // Scaling is applied on every read: check it once here, where a bad value can be reported.
            for (String key : new String[] {"BZERO", "BSCALE"}) {
                double v = h.real(key).orElse(key.equals("BZERO") ? 0.0 : 1.0);
                if (!Double.isFinite(v)) {
                    throw new BadInputException(name, where + " has " + key + " = " + v);
                }
            }
            long bytes = naxis == 0 ? 0
                    : Math.multiplyExact(Math.abs(bitpix) / 8, Math.multiplyExact(gcount, Math.addExact(pcount, elements)));
            return new Hdu(index, h, dataOffset, bytes, (int) bitpix, axes);
        } catch (ArithmeticException e) {
            throw new BadInputException(name, where + " declares axes whose product overflows: not a real file");
        } catch (FitsHeader.HeaderValueException e) {
            throw new BadInputException(name, where + ": " + e.getMessage());
        }
    }

    static long padded(long bytes) {
        return (bytes + FitsHeader.BLOCK_SIZE - 1) / FitsHeader.BLOCK_SIZE * FitsHeader.BLOCK_SIZE;
    }

    /** The file as the user named it (the .gz name for a compressed file). */
    public String name() {
        return name;
    }

    public boolean compressed() {
        return copy != null;
    }

    /** Bytes of the (decompressed) FITS data. */
    public long size() {
        return size;
    }

    public List<Hdu> hdus() {
        return hdus;
    }

    public Hdu primary() {
        return hdus.get(0);
    }

    /** The first extension with this EXTNAME (case-insensitive). */
    public Optional<Hdu> find(String extname) {
        return hdus.stream().skip(1).filter(h -> h.name().equalsIgnoreCase(extname)).findFirst();
    }

    /** Reads {@code length} raw bytes of an HDU's data starting at byte {@code from}. */
    public ByteBuffer readRawBytes(Hdu hdu, long from, int length) throws IOException {
        checkRange(hdu, from, length);
        ByteBuffer bb = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
        readFully(name, channel, bb, hdu.dataOffset() + from);
        bb.flip();
        return bb;
    }

    /**
     * Reads {@code count} elements starting at element {@code first} as physical values
     * (BSCALE and BZERO applied) into {@code dst[dstOffset ...]}. uint16 data become exact floats.
     */
    public void readFloats(Hdu hdu, long first, float[] dst, int dstOffset, int count) throws IOException {
        double scale = hdu.bscale();
        double zero = hdu.bzero();
        boolean identity = scale == 1.0 && zero == 0.0;
        int bytesPer = hdu.elementBytes();
        readChunks(hdu, first, count, (bb, shorts, done, n) -> {
            int o = dstOffset + done;
            switch (hdu.bitpix()) {
                case 8:
                    for (int k = 0; k < n; k++) {
                        dst[o + k] = (float) ((bb.get(k) & 0xFF) * scale + zero);
                    }
                    break;
                case 16:
                    if (scale == 1.0 && zero == 32768.0) { // unsigned 16 bits, every raw ramp
                        bb.asShortBuffer().get(shorts, 0, n); // a bulk byte swap; the loop below vectorises
                        for (int k = 0; k < n; k++) {
                            dst[o + k] = shorts[k] + 32768; // exact: int arithmetic, then float
                        }
                    } else {
                        for (int k = 0; k < n; k++) {
                            dst[o + k] = (float) (bb.getShort(k * 2) * scale + zero);
                        }
                    }
                    break;
                case 32:
                    for (int k = 0; k < n; k++) {
                        dst[o + k] = (float) (bb.getInt(k * 4) * scale + zero);
                    }
                    break;
                case 64:
                    for (int k = 0; k < n; k++) {
                        dst[o + k] = (float) (bb.getLong(k * 8) * scale + zero);
                    }
                    break;
                case -32:
                    if (identity) {
                        bb.asFloatBuffer().get(dst, o, n);
                    } else {
                        for (int k = 0; k < n; k++) {
                            dst[o + k] = (float) (bb.getFloat(k * 4) * scale + zero);
                        }
                    }
                    break;
                default:
                    for (int k = 0; k < n; k++) {
                        dst[o + k] = (float) (bb.getDouble(k * 8) * scale + zero);
                    }
            }
        }, bytesPer);
    }

    /**
     * Reads integer elements as physical values truncated to 32 bits: uint32 stored with
     * BZERO = 2147483648 comes back bit-exact (as Java's signed int), uint8 as 0..255.
     */
    public void readInts(Hdu hdu, long first, int[] dst, int dstOffset, int count) throws IOException {
        requireInteger(hdu);
        long zero = (long) hdu.bzero();
        readChunks(hdu, first, count, (bb, shorts, done, n) -> {
            int o = dstOffset + done;
            for (int k = 0; k < n; k++) {
                long raw;
                switch (hdu.bitpix()) {
                    case 8:
                        raw = bb.get(k) & 0xFF;
                        break;
                    case 16:
                        raw = bb.getShort(k * 2);
                        break;
                    case 32:
                        raw = bb.getInt(k * 4);
                        break;
                    default:
                        raw = bb.getLong(k * 8);
                }
                dst[o + k] = (int) (raw + zero);
            }
        }, hdu.elementBytes());
    }

    /** Reads integer elements as unsigned bytes (group DQ): physical values truncated to 8 bits. */
    public void readBytes(Hdu hdu, long first, byte[] dst, int dstOffset, int count) throws IOException {
        requireInteger(hdu);
        if (hdu.bitpix() == 8 && hdu.bzero() == 0.0) {
            readChunks(hdu, first, count, (bb, shorts, done, n) -> bb.get(0, dst, dstOffset + done, n), 1);
            return;
        }
        int[] tmp = new int[count];
        readInts(hdu, first, tmp, 0, count);
        for (int k = 0; k < count; k++) {
            dst[dstOffset + k] = (byte) tmp[k];
        }
    }

    private void requireInteger(Hdu hdu) {
        if (!hdu.holdsIntegers()) {
            throw new IllegalArgumentException(hdu.name() + " holds " + hdu.dataTypeText() + ", not integers");
        }
    }

    @FunctionalInterface
    private interface ChunkConsumer {
        /** @param shorts room for the chunk's elements as 16-bit values, for a bulk conversion */
        void accept(ByteBuffer chunk, short[] shorts, int elementsDone, int elementsInChunk);
    }

    private void readChunks(Hdu hdu, long first, int count, ChunkConsumer consumer, int bytesPer) throws IOException {
        checkRange(hdu, first * bytesPer, (long) count * bytesPer);
        int perChunk = Math.max(1, TransferChunk.BYTES / bytesPer);
        TransferChunk chunk = TransferChunk.take(ByteOrder.BIG_ENDIAN);
        try {
            ByteBuffer bb = chunk.bytes;
            int done = 0;
            while (done < count) {
                int n = Math.min(perChunk, count - done);
                bb.clear().limit(n * bytesPer);
                readFully(name, channel, bb, hdu.dataOffset() + (first + done) * bytesPer);
                bb.flip();
                consumer.accept(bb, chunk.shorts, done, n);
                done += n;
            }
        } finally {
            TransferChunk.giveBack(chunk);
        }
    }

    private static void checkRange(Hdu hdu, long from, long length) {
        if (from < 0 || length < 0 || from + length > hdu.dataBytes()) {
            throw new IndexOutOfBoundsException("bytes " + from + ".." + (from + length) + " outside "
                    + hdu.name() + " (" + hdu.dataBytes() + " bytes)");
        }
    }

    /**
     * Fills bb from the file. The headers were checked against the file's length when it opened, so
     * an end of file here means someone cut the file short meanwhile: say so, naming the file.
     */
    private static void readFully(String name, FileChannel ch, ByteBuffer bb, long position) throws IOException {
        long pos = position;
        while (bb.hasRemaining()) {
            int n = ch.read(bb, pos);
            if (n < 0) {
                throw new java.io.EOFException(name + ": was cut short while open (it now ends at byte " + pos
                        + "; its header promised more)");
            }
            pos += n;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (copy != null) {
                copy.close();
            }
        }
    }
}
