package org.tsoinspector.calib;

import java.io.IOException;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.RampRows;

/**
 * Rows [firstRow, firstRow + rows) of a segment across every integration: what jump needs (every
 * integration of a pixel at once) and, once jump has flagged them, all ramp_fit needs for those pixels.
 * Rows [keptFrom, keptTo) of the band are its own; the others are a halo, there only so that neighbour
 * flags cross band edges. Samples at {@code ((i * nGroups + g) * rows + y) * nx + x}, zero frame rows at
 * {@code (i * rows + y) * nx + x}.
 */
public record RampBand(int nInts, int nGroups, int nx, int firstRow, int rows, int keptFrom, int keptTo,
        float[] data, byte[] groupDq, float[] zeroFrame) {

    /** What is done with each band once read (and flagged, when jump runs). */
    public interface Consumer {
        void accept(RampBand band) throws IOException, CancelledException;
    }

    int pixels() {
        return rows * nx;
    }

    int at(int i, int g, int p) {
        return (i * nGroups + g) * rows * nx + p;
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
        int n = pixels();
        return new RampFitter.Planes(data, groupDq, zeroFrame, i * nGroups * n, n, i * n, origin());
    }

    /** Bytes of one row across the segment (samples, group DQ and zero frame). */
    static long rowBytes(RampRows rows) {
        return (long) rows.nInts() * rows.nx() * (5L * rows.nGroups() + (rows.hasZeroFrame() ? 4 : 0));
    }

    /**
     * Reads the segment band by band, each of at most {@code bandBytes} with {@code halo} rows above and
     * below (fewer at the frame's edges), and hands each to the consumer.
     */
    static void sweep(RampRows rows, int halo, long bandBytes, Consumer consumer, ProgressMonitor monitor,
            String what) throws IOException, CancelledException {
        int ny = rows.ny();
        int bandRows = (int) Math.max(1, Math.min(ny, bandBytes / rowBytes(rows) - 2L * halo));
        for (int y0 = 0; y0 < ny; y0 += bandRows) {
            monitor.checkCancelled();
            int y1 = Math.min(ny, y0 + bandRows);
            int h0 = Math.max(0, y0 - halo);
            int h1 = Math.min(ny, y1 + halo);
            consumer.accept(read(rows, h0, h1, y0 - h0, y1 - h0));
            monitor.progress(y1, ny, what + ": rows " + y1 + " of " + ny);
        }
    }

    private static RampBand read(RampRows rows, int h0, int h1, int keptFrom, int keptTo) throws IOException {
        int nInts = rows.nInts();
        int nGroups = rows.nGroups();
        int perInt = nGroups * (h1 - h0) * rows.nx();
        float[] data = new float[nInts * perInt];
        byte[] gdq = new byte[nInts * perInt];
        float[] zeroFrame = rows.hasZeroFrame() ? new float[nInts * (h1 - h0) * rows.nx()] : null;
        for (int i = 0; i < nInts; i++) {
            rows.read(i, h0, h1, data, gdq, i * perInt);
            if (zeroFrame != null) {
                rows.readZeroFrame(i, h0, h1, zeroFrame, i * (h1 - h0) * rows.nx());
            }
        }
        return new RampBand(nInts, nGroups, rows.nx(), h0, h1 - h0, keptFrom, keptTo, data, gdq, zeroFrame);
    }
}
