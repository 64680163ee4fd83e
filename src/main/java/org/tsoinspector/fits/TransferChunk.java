package org.tsoinspector.fits;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Room for one transfer between a file and arrays: bytes direct, so that the channel copies straight
 * into them (a heap buffer is copied through a temporary direct one by the JDK), and shorts for a bulk
 * conversion of 16-bit samples. Chunks are kept and shared by every file and thread, a few more than
 * the cores: one per thread per open file made each new thread of a whole-segment scan allocate 8 MB
 * that stayed until a collection, and the window's resident memory grew through a session.
 */
final class TransferChunk {

    /** Largest transfer at once: keeps the chunk small whatever the array size. */
    static final int BYTES = 1 << 22;

    private static final Queue<TransferChunk> FREE = new ConcurrentLinkedQueue<>();
    private static final int KEPT = 2 * Runtime.getRuntime().availableProcessors();

    final ByteBuffer bytes = ByteBuffer.allocateDirect(BYTES);
    final short[] shorts = new short[BYTES / 2];

    private TransferChunk() {
    }

    /** A chunk for this caller alone until {@link #giveBack}, its bytes cleared and in this order. */
    static TransferChunk take(ByteOrder order) {
        TransferChunk c = FREE.poll();
        if (c == null) {
            c = new TransferChunk();
        }
        c.bytes.clear().order(order);
        return c;
    }

    static void giveBack(TransferChunk c) {
        if (FREE.size() < KEPT) {
            FREE.offer(c);
        }
    }
}
