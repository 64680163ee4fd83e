package org.tsoinspector.calib;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Fast tests on group-DQ bytes, eight at a time: flags are rare, so most blocks are skipped whole. */
final class GroupFlags {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private GroupFlags() {
    }

    /** True when any of dq[from .. from+len) has a bit of {@code flag} (a one-byte mask). */
    static boolean any(byte[] dq, int from, int len, int flag) {
        long mask = (flag & 0xFFL) * 0x0101010101010101L;
        long acc = 0;
        int k = 0;
        for (; k + 8 <= len; k += 8) {
            acc |= (long) LONGS.get(dq, from + k);
        }
        for (; k < len; k++) {
            acc |= dq[from + k] & 0xFF;
        }
        return (acc & mask) != 0;
    }
}
