package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

class JumpFlagsTest {

    /**
     * Rows of 37 pixels (never a multiple of 64 bits) set in random order, some twice, from planes with
     * JUMP_DET among other flags: every flag is the last plane's, and rows set later leave the others
     * alone. One jump in 4 samples keeps frames as bits, one in 400 as lists, one in 40 turns lists into
     * bits as rows are set.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 40, 400})
    void rowsSetInAnyOrderKeepExactlyTheirOwnJumps(int oneJumpIn) {
        int nInts = 3;
        int nGroups = 4;
        int nx = 37;
        int ny = 11;
        int n = nx * ny;
        SplittableRandom rng = new SplittableRandom(2);
        boolean[] expected = new boolean[nInts * nGroups * n];
        JumpFlags flags = new JumpFlags(nInts, nGroups, n);
        for (int round = 0; round < 400; round++) {
            int i = rng.nextInt(nInts);
            int g = rng.nextInt(nGroups);
            int firstRow = rng.nextInt(ny);
            int rows = 1 + rng.nextInt(ny - firstRow);
            byte[] plane = new byte[rows * nx + 5];
            for (int k = 0; k < plane.length; k++) {
                int f = rng.nextInt(oneJumpIn);
                plane[k] = (byte) (f == 0 ? DqFlag.JUMP_DET.value() : f == 1 ? DqFlag.SATURATED.value() : 0);
            }
            int offset = rng.nextInt(6);
            flags.setRow(i, g, firstRow * nx, (firstRow + rows) * nx, plane, offset);
            for (int p = 0; p < rows * nx; p++) {
                expected[(i * nGroups + g) * n + firstRow * nx + p] = plane[offset + p] == DqFlag.JUMP_DET.value();
            }
        }
        long count = 0;
        for (int i = 0; i < nInts; i++) {
            for (int g = 0; g < nGroups; g++) {
                for (int p = 0; p < n; p++) {
                    boolean e = expected[(i * nGroups + g) * n + p];
                    assertEquals(e, flags.get(i, g, p), "integration " + i + ", group " + g + ", pixel " + p);
                    count += e ? 1 : 0;
                }
            }
        }
        assertEquals(count, flags.count());
        // apply gives an integration's group DQ the same flags, JUMP_DET cleared elsewhere, other flags kept
        Ramp r = Ramp.zeros(0, nGroups, ny, nx, false);
        java.util.Arrays.fill(r.groupDq(), (byte) (DqFlag.JUMP_DET.value() | DqFlag.SATURATED.value()));
        flags.apply(r, 1);
        for (int g = 0; g < nGroups; g++) {
            for (int p = 0; p < n; p++) {
                int want = DqFlag.SATURATED.value() | (expected[(nGroups + g) * n + p] ? DqFlag.JUMP_DET.value() : 0);
                assertEquals(want, r.groupDq()[g * n + p], "applied: group " + g + ", pixel " + p);
            }
        }
    }
}
