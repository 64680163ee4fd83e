package org.tsoinspector.fits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampRows;

/**
 * A segment's ramps at one calibration stage in a temporary file beside the products (deleted on close):
 * written integration by integration as the per-integration steps finish them, then read back by bands of
 * rows across integrations (jump) or whole integrations (ramp_fit). Raw native-order floats and bytes,
 * so the operating system's cache serves the second pass.
 */
public final class SpillFile implements RampRows, AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final int nInts;
    private final int nGroups;
    private final int ny;
    private final int nx;
    private final boolean zeroFrame;
    private final long integrationBytes;

    public SpillFile(Path dir, int nInts, int nGroups, int ny, int nx, boolean zeroFrame) throws IOException {
        this.path = Files.createTempFile(dir, ".tso-spill-", ".tmp");
        this.channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        this.nInts = nInts;
        this.nGroups = nGroups;
        this.ny = ny;
        this.nx = nx;
        this.zeroFrame = zeroFrame;
        long samples = (long) nGroups * ny * nx;
        this.integrationBytes = samples * 5 + (zeroFrame ? 4L * ny * nx : 0);
    }

    private long dataOffset(int i, int g, int y) {
        return i * integrationBytes + 4L * (((long) g * ny + y) * nx);
    }

    private long dqOffset(int i, int g, int y) {
        return i * integrationBytes + 4L * nGroups * ny * nx + ((long) g * ny + y) * nx;
    }

    private long zeroFrameOffset(int i) {
        return i * integrationBytes + 5L * nGroups * ny * nx;
    }

    /** Stores integration i (0-based within the segment). */
    public void write(int i, Ramp ramp) throws IOException {
        writeFloats(dataOffset(i, 0, 0), ramp.data());
        writeFully(ByteBuffer.wrap(ramp.groupDq()), dqOffset(i, 0, 0));
        if (zeroFrame) {
            writeFloats(zeroFrameOffset(i), ramp.zeroFrame());
        }
    }

    /** Reads integration i back as a ramp numbered {@code exposureIndex}. */
    public Ramp read(int i, int exposureIndex) throws IOException {
        Ramp r = Ramp.zeros(exposureIndex, nGroups, ny, nx, zeroFrame);
        readFloats(dataOffset(i, 0, 0), r.data(), 0, r.data().length);
        readFully(ByteBuffer.wrap(r.groupDq()), dqOffset(i, 0, 0));
        if (zeroFrame) {
            readFloats(zeroFrameOffset(i), r.zeroFrame(), 0, r.zeroFrame().length);
        }
        return r;
    }

    @Override
    public void read(int i, int y0, int y1, float[] data, byte[] groupDq, int off) throws IOException {
        int len = (y1 - y0) * nx;
        for (int g = 0; g < nGroups; g++) {
            readFloats(dataOffset(i, g, y0), data, off + g * len, len);
            readFully(ByteBuffer.wrap(groupDq, off + g * len, len), dqOffset(i, g, y0));
        }
    }

    @Override
    public boolean hasZeroFrame() {
        return zeroFrame;
    }

    @Override
    public void readZeroFrame(int i, int y0, int y1, float[] dst, int off) throws IOException {
        readFloats(zeroFrameOffset(i) + 4L * y0 * nx, dst, off, (y1 - y0) * nx);
    }

    private void writeFloats(long position, float[] values) throws IOException {
        TransferChunk chunk = TransferChunk.take(ByteOrder.nativeOrder());
        try {
            ByteBuffer b = chunk.bytes;
            for (int done = 0; done < values.length; done += PIECE_FLOATS) {
                int n = Math.min(PIECE_FLOATS, values.length - done);
                b.clear().limit(4 * n);
                b.asFloatBuffer().put(values, done, n);
                writeFully(b, position + 4L * done);
            }
        } finally {
            TransferChunk.giveBack(chunk);
        }
    }

    private void readFloats(long position, float[] dst, int off, int count) throws IOException {
        TransferChunk chunk = TransferChunk.take(ByteOrder.nativeOrder());
        try {
            ByteBuffer b = chunk.bytes;
            for (int done = 0; done < count; done += PIECE_FLOATS) {
                int n = Math.min(PIECE_FLOATS, count - done);
                b.clear().limit(4 * n);
                readFully(b, position + 4L * done);
                b.flip();
                b.asFloatBuffer().get(dst, off + done, n);
            }
        } finally {
            TransferChunk.giveBack(chunk);
        }
    }

    /** Floats moved per transfer: a whole integration goes in pieces through one shared chunk. */
    private static final int PIECE_FLOATS = TransferChunk.BYTES / 4;

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            p += channel.write(b, p);
        }
    }

    private void readFully(ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            int n = channel.read(b, p);
            if (n < 0) {
                throw new IOException(path + ": temporary file ended early");
            }
            p += n;
        }
    }

    @Override
    public int nInts() {
        return nInts;
    }

    @Override
    public int nGroups() {
        return nGroups;
    }

    @Override
    public int ny() {
        return ny;
    }

    @Override
    public int nx() {
        return nx;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(path);
    }
}
