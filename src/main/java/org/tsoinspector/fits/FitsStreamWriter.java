package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.tsoinspector.io.OutputFile;

/**
 * Writes a FITS file front to back without holding its data in memory: a header, then its data unit
 * streamed in any number of chunks (big-endian), then the next header. The size each data unit must
 * have is taken from its header (BITPIX, NAXISn, PCOUNT, GCOUNT) and checked; padding to 2880 bytes
 * is added. A data unit whose content comes later, in pieces and in any order, can instead be
 * reserved and filled by positional writes ({@link #reserveDataUnit()}), while the file goes on after
 * it. The file is written under a temporary name in the target folder and appears under its real
 * name (mode 0644) only on {@link #commit()}; closing without commit (an error, a cancel) deletes the
 * temporary file.
 */
public final class FitsStreamWriter implements AutoCloseable {

    /** The FITS logical record size. */
    public static final int BLOCK = 2880;

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.BIG_ENDIAN);
    private final List<ReservedDataUnit> reserved = new ArrayList<>();
    private long dataExpected;
    private long dataWritten;
    private long fileBytes;
    private boolean headerWritten;
    private boolean committed;
    private boolean closed;

    private FitsStreamWriter(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
    }

    /** Starts a file that will replace {@code target} when committed; its folder must exist. */
    public static FitsStreamWriter create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".part");
        } catch (FileSystemException e) {
            // The exception names the hidden temporary file; the user needs to hear about the folder.
            throw new FileSystemException(dir.toString(), null, "cannot write a file in this folder ("
                    + reason(e) + ")");
        }
        try {
            return new FitsStreamWriter(abs, temp,
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Bytes needed to pad {@code length} to a whole number of 2880-byte blocks. */
    public static long padding(long length) {
        long r = length % BLOCK;
        return r == 0 ? 0 : BLOCK - r;
    }

    /** The size of the data unit a header describes, without padding. */
    public static long dataSize(HeaderCards header) {
        int naxis = (int) header.longValue("NAXIS").orElse(0);
        if (naxis == 0) {
            return 0;
        }
        long n = 1;
        for (int i = 1; i <= naxis; i++) {
            n *= header.longValue("NAXIS" + i).orElseThrow(
                    () -> new IllegalArgumentException("header has NAXIS but lacks an NAXISn"));
        }
        long bytesPerValue = Bitpix.of((int) header.longValue("BITPIX").orElseThrow(
                () -> new IllegalArgumentException("header lacks BITPIX"))).bytes();
        long pcount = header.longValue("PCOUNT").orElse(0);
        long gcount = header.longValue("GCOUNT").orElse(1);
        return bytesPerValue * gcount * (pcount + n);
    }

    /** The final path of the file. */
    public Path target() {
        return target;
    }

    /** Bytes written so far, padding included. */
    public long bytesWritten() {
        return fileBytes + buffer.position();
    }

    /** Ends the previous data unit (which must be complete) and writes the next header. */
    public void writeHeader(HeaderCards header) throws IOException {
        finishDataUnit();
        long size = dataSize(header);
        putRaw(header.encode());
        dataExpected = size;
        dataWritten = 0;
        headerWritten = true;
    }

    /**
     * Leaves room for the data unit of the header just written, to be filled through the returned
     * unit (positional writes, any order, before {@link #commit()}), and goes on after its padding: the
     * next header follows it in the file.
     */
    ReservedDataUnit reserveDataUnit() throws IOException {
        if (!headerWritten || dataWritten != 0) {
            throw new IllegalStateException("a data unit is reserved right after its header");
        }
        flush();
        long start = fileBytes;
        long size = dataExpected;
        long pad = padding(size);
        // The padding is written now: the file then has its full length even if this unit ends it, and
        // no byte is left to the file system's choice (bytes skipped by a positional write are unspecified).
        ByteBuffer zeros = ByteBuffer.allocate((int) pad);
        long pos = start + size;
        try {
            while (zeros.hasRemaining()) {
                pos += channel.write(zeros, pos);
            }
            channel.position(start + size + pad);
        } catch (IOException e) {
            throw writeFailure(target, e);
        }
        fileBytes = start + size + pad;
        dataExpected = 0;
        dataWritten = 0;
        ReservedDataUnit unit = new ReservedDataUnit(target, channel, start, size);
        reserved.add(unit);
        return unit;
    }

    private void finishDataUnit() throws IOException {
        if (dataWritten != dataExpected) {
            throw new IllegalStateException("data unit has " + dataWritten + " of " + dataExpected + " bytes");
        }
        putRaw(new byte[(int) padding(dataWritten)]);
        dataExpected = 0;
        dataWritten = 0;
    }

    /** Counts data bytes against the current header's size; a mismatch is a programming error. */
    private void count(long bytes) {
        if (!headerWritten) {
            throw new IllegalStateException("data written before any header");
        }
        if (dataWritten + bytes > dataExpected) {
            throw new IllegalStateException("data unit overflows its header: " + (dataWritten + bytes) + " > "
                    + dataExpected + " bytes");
        }
        dataWritten += bytes;
    }

    /** Room in the buffer for whole elements of this size, flushing first when there is none. */
    private int room(int elementBytes) throws IOException {
        if (buffer.remaining() < elementBytes) {
            flush();
        }
        return buffer.remaining() / elementBytes;
    }

    private void putRaw(byte[] a) throws IOException {
        int off = 0;
        while (off < a.length) {
            int n = Math.min(a.length - off, room(1));
            buffer.put(a, off, n);
            off += n;
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                fileBytes += channel.write(buffer);
            }
        } catch (IOException e) {
            throw writeFailure(target, e);
        }
        buffer.clear();
    }

    /**
     * A write error ("No space left on device") as one sentence naming the file being made, not the
     * hidden temporary file the error came from.
     */
    static FileSystemException writeFailure(Path target, IOException e) {
        if (e instanceof FileSystemException fse && target.toString().equals(fse.getFile())) {
            return fse;
        }
        FileSystemException f = new FileSystemException(target.toString(), null, "could not be written ("
                + reason(e) + "); nothing was saved under this name");
        f.initCause(e);
        return f;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public void writeByte(int v) throws IOException {
        count(1);
        room(1);
        buffer.put((byte) v);
    }

    public void writeShort(int v) throws IOException {
        count(2);
        room(2);
        buffer.putShort((short) v);
    }

    public void writeInt(int v) throws IOException {
        count(4);
        room(4);
        buffer.putInt(v);
    }

    public void writeLong(long v) throws IOException {
        count(8);
        room(8);
        buffer.putLong(v);
    }

    public void writeFloat(float v) throws IOException {
        count(4);
        room(4);
        buffer.putFloat(v);
    }

    public void writeDouble(double v) throws IOException {
        count(8);
        room(8);
        buffer.putDouble(v);
    }

    /** A FITS logical (binary table 'L'): 'T' or 'F'. */
    public void writeBoolean(boolean v) throws IOException {
        writeByte(v ? 'T' : 'F');
    }

    /** Text in a fixed-width field: ASCII, cut or padded with NULs to {@code width} bytes. */
    public void writeAscii(String text, int width) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        byte[] field = new byte[width];
        System.arraycopy(b, 0, field, 0, Math.min(b.length, width));
        write(field, 0, width);
    }

    /** Writes bytes as they are. */
    public void write(byte[] a, int off, int len) throws IOException {
        count(len);
        while (len > 0) {
            int n = Math.min(len, room(1));
            buffer.put(a, off, n);
            off += n;
            len -= n;
        }
    }

    /** Writes already encoded big-endian data (e.g. a block encoded by a worker thread), all of it. */
    public void write(ByteBuffer encoded) throws IOException {
        ByteBuffer src = encoded.duplicate();
        count(src.remaining());
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), room(1));
            ByteBuffer slice = src.slice();
            slice.limit(n);
            buffer.put(slice);
            src.position(src.position() + n);
        }
    }

    public void write(short[] a, int off, int len) throws IOException {
        count(2L * len);
        while (len > 0) {
            int n = Math.min(len, room(2));
            buffer.asShortBuffer().put(a, off, n);
            buffer.position(buffer.position() + 2 * n);
            off += n;
            len -= n;
        }
    }

    public void write(int[] a, int off, int len) throws IOException {
        count(4L * len);
        while (len > 0) {
            int n = Math.min(len, room(4));
            buffer.asIntBuffer().put(a, off, n);
            buffer.position(buffer.position() + 4 * n);
            off += n;
            len -= n;
        }
    }

    public void write(long[] a, int off, int len) throws IOException {
        count(8L * len);
        while (len > 0) {
            int n = Math.min(len, room(8));
            buffer.asLongBuffer().put(a, off, n);
            buffer.position(buffer.position() + 8 * n);
            off += n;
            len -= n;
        }
    }

    public void write(float[] a, int off, int len) throws IOException {
        count(4L * len);
        while (len > 0) {
            int n = Math.min(len, room(4));
            buffer.asFloatBuffer().put(a, off, n);
            buffer.position(buffer.position() + 4 * n);
            off += n;
            len -= n;
        }
    }

    public void write(double[] a, int off, int len) throws IOException {
        count(8L * len);
        while (len > 0) {
            int n = Math.min(len, room(8));
            buffer.asDoubleBuffer().put(a, off, n);
            buffer.position(buffer.position() + 8 * n);
            off += n;
            len -= n;
        }
    }

    /**
     * Unsigned 32-bit values (DQ arrays) in a BITPIX=32 unit whose BZERO is 2^31: the stored value is
     * the bit pattern with its top bit flipped.
     */
    public void writeUnsigned32(int[] a, int off, int len) throws IOException {
        int[] chunk = new int[Math.min(len, 65536)];
        while (len > 0) {
            int n = Math.min(len, chunk.length);
            for (int i = 0; i < n; i++) {
                chunk[i] = a[off + i] ^ 0x80000000;
            }
            write(chunk, 0, n);
            off += n;
            len -= n;
        }
    }

    /** Ends the last data unit, and moves the file to its name with mode 0644. */
    public void commit() throws IOException {
        if (!headerWritten) {
            throw new IllegalStateException("a FITS file needs at least one header");
        }
        for (ReservedDataUnit u : reserved) {
            if (!u.complete()) {
                throw new IllegalStateException("a reserved data unit of " + u.size() + " bytes was not filled");
            }
        }
        finishDataUnit();
        flush();
        try {
            channel.close();
            OutputFile.publish(temp, target);
        } catch (IOException e) {
            throw writeFailure(target, e);
        }
        committed = true;
    }

    /** Deletes the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!committed) {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
