package org.tsoinspector.calib;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.RampRows;

/**
 * Rows [firstRow, firstRow + rows) of a segment across every integration: what jump needs (every
 * integration of a pixel at once) and, once jump has flagged them, all ramp_fit needs for those pixels.
 * Rows [keptFrom, keptTo) of the band are its own; the others are a halo, there only so that neighbour
 * flags cross band edges. An array per integration (a band of a long segment spans hundreds of MB;
 * in pieces it needs no contiguous room in the heap): sample (g, y, x) of integration i at
 * {@code data[i][(g * rows + y) * nx + x]}, its zero frame at {@code zeroFrame[i][y * nx + x]}. The
 * arrays may be longer than that (a sweep reuses those of its largest band): nothing past the band's
 * own samples is part of it.
 */
public record RampBand(int nInts, int nGroups, int nx, int firstRow, int rows, int keptFrom, int keptTo,
        float[][] data, byte[][] groupDq, float[][] zeroFrame) {

    /** What is done with each band once read (and flagged, when jump runs). */
    public interface Consumer {
        void accept(RampBand band) throws IOException, CancelledException;
    }

    int pixels() {
        return rows * nx;
    }

    /** The index of group g's pixel p in an integration's arrays. */
    int at(int g, int p) {
        return g * rows * nx + p;
    }

    /** The frame index of the band's pixel 0. */
    int origin() {
        return firstRow * nx;
    }

    /** The frame indices of the band's own pixels: [keptPixelFrom, keptPixelTo). */
    int keptPixelFrom() {
        return (firstRow + keptFrom) * nx;
    }

    int keptPixelTo() {
        return (firstRow + keptTo) * nx;
    }

    /** Integration i of the band as ramp_fit reads it. */
    RampFitter.Planes integration(int i) {
        return new RampFitter.Planes(data[i], groupDq[i], zeroFrame == null ? null : zeroFrame[i], 0, pixels(), 0,
                origin());
    }

    /** Bytes of one row across the segment (samples, group DQ and zero frame). */
    static long rowBytes(RampRows rows) {
        return (long) rows.nInts() * rows.nx() * (5L * rows.nGroups() + (rows.hasZeroFrame() ? 4 : 0));
    }

    /**
     * Bands worked on at once, each by its own thread from its read to its last write: the reads of one
     * overlap the other's arithmetic, and neither waits for the other's serial parts (neighbour flags,
     * writes). Each also splits its pixels over the cores.
     */
    private static final int BANDS_IN_FLIGHT = 2;

    /**
     * Reads the segment band by band, each of at most {@code bandBytes} with {@code halo} rows above and
     * below (fewer at the frame's edges), and hands each to the consumer on a worker thread, at most
     * {@link #BANDS_IN_FLIGHT} at once; progress and cancel stay on the calling thread. The consumer
     * must be safe to call from two threads on different bands.
     */
    static void sweep(RampRows rows, int halo, long bandBytes, Consumer consumer, ProgressMonitor monitor,
            String what) throws IOException, CancelledException {
        int ny = rows.ny();
        int largestRows = (int) Math.max(1, Math.min(ny, bandBytes / rowBytes(rows) - 2L * halo));
        // bands of about one size, a multiple of those in flight: 256 rows in bands of 17 left a band of
        // one row, so the last full band ran alone; 16 bands of 16 keep both threads busy to the end
        int bands = (ny + largestRows - 1) / largestRows;
        if (bands > 1) {
            bands = Math.min(ny, (bands + BANDS_IN_FLIGHT - 1) / BANDS_IN_FLIGHT * BANDS_IN_FLIGHT);
        }
        int bandRows = (ny + bands - 1) / bands; // the largest; band k is rows [k ny / bands, (k + 1) ny / bands)
        ExecutorService pool = Executors.newFixedThreadPool(BANDS_IN_FLIGHT, r -> {
            Thread t = new Thread(r, "ramp band");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Integer>> inFlight = new ArrayDeque<>();
        // a band's arrays are taken for its read and given back after its last write: no band allocates
        int largestBand = Math.min(ny, bandRows + 2 * halo);
        BlockingQueue<Buffers> free = new ArrayBlockingQueue<>(BANDS_IN_FLIGHT);
        try {
            int next = 0;
            while (next < bands || !inFlight.isEmpty()) {
                while (next < bands && inFlight.size() < BANDS_IN_FLIGHT) {
                    monitor.checkCancelled();
                    int y0 = (int) ((long) next * ny / bands);
                    int y1 = (int) ((long) (next + 1) * ny / bands);
                    next++;
                    if (free.size() + inFlight.size() < BANDS_IN_FLIGHT) {
                        free.add(new Buffers(rows, largestBand));
                    }
                    inFlight.add(pool.submit(() -> {
                        int h0 = Math.max(0, y0 - halo);
                        int h1 = Math.min(ny, y1 + halo);
                        Buffers buffers = free.take();
                        try {
                            consumer.accept(read(rows, h0, h1, y0 - h0, y1 - h0, buffers));
                        } finally {
                            free.add(buffers);
                        }
                        return y1;
                    }));
                }
                int done = Futures.await(inFlight.poll());
                monitor.progress(done, ny, what + ": rows " + done + " of " + ny);
            }
            monitor.checkCancelled();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The arrays of the largest band of a sweep; a smaller band (at the frame's edge) uses their start. */
    private static final class Buffers {
        final float[][] data;
        final byte[][] groupDq;
        final float[][] zeroFrame;

        Buffers(RampRows rows, int bandRows) {
            int samples = rows.nGroups() * bandRows * rows.nx();
            data = new float[rows.nInts()][samples];
            groupDq = new byte[rows.nInts()][samples];
            zeroFrame = rows.hasZeroFrame() ? new float[rows.nInts()][bandRows * rows.nx()] : null;
        }
    }

    /** Reads rows [h0, h1) of every integration into the buffers, each sample overwritten. */
    private static RampBand read(RampRows rows, int h0, int h1, int keptFrom, int keptTo, Buffers buffers)
            throws IOException {
        int nInts = rows.nInts();
        int nGroups = rows.nGroups();
        for (int i = 0; i < nInts; i++) {
            rows.read(i, h0, h1, buffers.data[i], buffers.groupDq[i], 0);
            if (buffers.zeroFrame != null) {
                rows.readZeroFrame(i, h0, h1, buffers.zeroFrame[i], 0);
            }
        }
        return new RampBand(nInts, nGroups, rows.nx(), h0, h1 - h0, keptFrom, keptTo, buffers.data, buffers.groupDq,
                buffers.zeroFrame);
    }
}
