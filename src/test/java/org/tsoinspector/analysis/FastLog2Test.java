package org.tsoinspector.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FastLog2Test {

    @Test
    void agreesWithMathLogToTwoTenMillionths() {
        Random rnd = new Random(7);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double v = Math.exp(rnd.nextDouble() * 40 - 10);
            worst = Math.max(worst, Math.abs(FastLog2.log2(v) - Math.log(v) / Math.log(2)));
        }
        assertEquals(0, worst, 2e-7);
        assertEquals(10.0, FastLog2.log2(1024), 0);
        assertEquals(-3.0, FastLog2.log2(0.125), 0);
    }
}
