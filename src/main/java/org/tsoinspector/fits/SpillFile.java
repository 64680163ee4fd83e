package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A hidden temporary file beside an output, holding a data unit that comes later in the FITS file
 * than the one being streamed (GROUPDQ and ZEROFRAME follow the whole SCI cube), so that it never
 * has to sit in memory. Deleted on close.
 */
final class SpillFile implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final Path target;
    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer staging = ByteBuffer.allocate(CHUNK).order(ByteOrder.BIG_ENDIAN);

    /** A new empty spill file in the folder of {@code target}. */
    SpillFile(Path target, String kind) throws IOException {
        Path abs = target.toAbsolutePath();
        this.target = abs;
        path = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", "." + kind);
        try {
            channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** Appends already encoded big-endian bytes. */
    void append(ByteBuffer encoded) throws IOException {
        ByteBuffer b = encoded.duplicate();
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            throw FitsStreamWriter.writeFailure(target, e);
        }
    }

    /** Appends bytes as they are. */
    void append(byte[] a) throws IOException {
        append(ByteBuffer.wrap(a));
    }

    /** Appends floats big-endian. */
    void append(float[] a) throws IOException {
        int off = 0;
        while (off < a.length) {
            int n = Math.min(a.length - off, CHUNK / 4);
            staging.clear();
            staging.asFloatBuffer().put(a, off, n);
            staging.limit(n * 4);
            append(staging);
            off += n;
        }
    }

    /** Writes everything appended so far into the current data unit of {@code out}. */
    void copyTo(FitsStreamWriter out) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        long pos = 0;
        long size = channel.size();
        while (pos < size) {
            chunk.clear();
            int n = channel.read(chunk, pos);
            chunk.flip();
            out.write(chunk);
            pos += n;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
