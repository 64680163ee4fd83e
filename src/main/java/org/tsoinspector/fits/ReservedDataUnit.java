package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A data unit of a FITS file being written whose place is fixed ahead of its content (see
 * {@link FitsStreamWriter#reserveDataUnit()}): filled by positional writes, in any order, so a layout
 * known in advance (a cube after which further extensions follow) is written once, straight to its
 * final offsets, with neither a spill file nor the whole cube in memory. Bytes may be written again
 * (a band of rows recomputed); the unit is complete when every byte has been written at least once.
 * Thread-safe: bands of rows are written from several threads.
 */
final class ReservedDataUnit {

    private static final int CHUNK = 1 << 20;

    private final Path target;
    private final FileChannel channel;
    private final long start;
    private final long size;
    private ByteBuffer staging;
    /** The byte ranges written so far, start to end, merged where they touch. */
    private final java.util.TreeMap<Long, Long> written = new java.util.TreeMap<>();

    ReservedDataUnit(Path target, FileChannel channel, long start, long size) {
        this.target = target;
        this.channel = channel;
        this.start = start;
        this.size = size;
    }

    /** The unit's size in bytes, without padding. */
    long size() {
        return size;
    }

    /** Whether every byte of the unit has been written. */
    synchronized boolean complete() {
        return size == 0 || written.size() == 1 && written.firstKey() == 0 && written.firstEntry().getValue() == size;
    }

    private void record(long from, long to) {
        var before = written.floorEntry(from);
        if (before != null && before.getValue() >= from) {
            from = before.getKey();
            to = Math.max(to, before.getValue());
        }
        var after = written.subMap(from, true, to, true);
        for (long end : after.values()) {
            to = Math.max(to, end);
        }
        after.clear();
        written.put(from, to);
    }

    /** Writes already encoded big-endian bytes at {@code offset} bytes into the unit. */
    synchronized void write(long offset, ByteBuffer encoded) throws IOException {
        ByteBuffer src = encoded.duplicate();
        while (src.hasRemaining()) {
            ByteBuffer b = staging();
            int n = Math.min(src.remaining(), CHUNK);
            ByteBuffer slice = src.slice();
            slice.limit(n);
            b.put(slice);
            src.position(src.position() + n);
            offset = flushStaging(offset);
        }
    }

    /** Writes bytes as they are at {@code offset} bytes into the unit. */
    synchronized void write(long offset, byte[] a) throws IOException {
        write(offset, ByteBuffer.wrap(a));
    }

    /** Writes floats big-endian at {@code offset} bytes into the unit. */
    synchronized void write(long offset, float[] a) throws IOException {
        for (int off = 0; off < a.length; ) {
            ByteBuffer b = staging();
            int n = Math.min(a.length - off, CHUNK / 4);
            b.asFloatBuffer().put(a, off, n);
            b.position(4 * n);
            off += n;
            offset = flushStaging(offset);
        }
    }

    /**
     * Writes unsigned 32-bit values (DQ arrays) for a BITPIX=32 unit whose BZERO is 2^31: the stored
     * value is the bit pattern with its top bit flipped.
     */
    synchronized void writeUnsigned32(long offset, int[] a) throws IOException {
        for (int off = 0; off < a.length; ) {
            ByteBuffer b = staging();
            int n = Math.min(a.length - off, CHUNK / 4);
            IntBuffer ints = b.asIntBuffer();
            for (int i = 0; i < n; i++) {
                ints.put(a[off + i] ^ 0x80000000);
            }
            b.position(4 * n);
            off += n;
            offset = flushStaging(offset);
        }
    }

    private ByteBuffer staging() {
        if (staging == null) {
            // direct, so the channel writes it without another copy
            staging = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.BIG_ENDIAN);
        }
        staging.clear();
        return staging;
    }

    /** Writes what the staging buffer holds at {@code offset}; returns the offset after it. */
    private long flushStaging(long offset) throws IOException {
        staging.flip();
        int n = staging.remaining();
        if (offset < 0 || offset + n > size) {
            throw new IllegalArgumentException("bytes " + offset + ".." + (offset + n) + " lie outside a data unit of "
                    + size + " bytes");
        }
        long pos = start + offset;
        try {
            while (staging.hasRemaining()) {
                pos += channel.write(staging, pos);
            }
        } catch (IOException e) {
            throw FitsStreamWriter.writeFailure(target, e);
        }
        record(offset, offset + n);
        return offset + n;
    }
}
