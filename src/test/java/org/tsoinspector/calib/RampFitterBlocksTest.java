package org.tsoinspector.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.Ramp;

/**
 * ramp_fit fits most pixels (no group flagged, no NaN) a block at a time, each operation over the whole
 * block; the others one by one. PERSISTENCE on a group changes no fit (the segments ignore it) but sends
 * a pixel the one-by-one way: every ramp fitted both ways must give the same bits, DQ apart from the
 * PERSISTENCE bit it records.
 */
class RampFitterBlocksTest {

    private static final int PERSISTENCE = DqFlag.PERSISTENCE.value();
    private static final int BAD_GAIN = DqFlag.DO_NOT_USE.value() | DqFlag.NO_GAIN_VALUE.value();

    @Test
    void blocksOfCleanPixelsFitAsOneByOne() {
        SplittableRandom rng = new SplittableRandom(17);
        int pixels = 700; // two whole blocks and part of a third
        for (int groups = 3; groups <= 12; groups++) {
            for (boolean suppress : new boolean[] {true, false}) {
                float[] gain = new float[pixels];
                float[] readNoise = new float[pixels];
                int[] pixelDq = new int[pixels];
                double[] medianRate = new double[pixels];
                Ramp ramp = Ramp.zeros(0, groups, 1, pixels, false);
                for (int p = 0; p < pixels; p++) {
                    gain[p] = p % 97 == 0 ? 0f : p % 89 == 0 ? Float.NaN : (float) (0.5 + 2 * rng.nextDouble());
                    readNoise[p] = p % 83 == 0 ? Float.NaN : (float) (3 + 20 * rng.nextDouble());
                    pixelDq[p] = p % 61 == 0 ? DqFlag.DO_NOT_USE.value() : p % 59 == 0 ? DqFlag.HOT.value() : 0;
                    medianRate[p] = -5 + 3000 * rng.nextDouble() * rng.nextDouble();
                    // signals from below the noise to tens of thousands of electrons: every weighting class
                    double perGroup = Math.pow(10, -1 + 5 * rng.nextDouble()) * (rng.nextInt(10) == 0 ? -1 : 1);
                    for (int g = 0; g < groups; g++) {
                        ramp.data()[g * pixels + p] = (float) (500 + perGroup * g + 8 * gaussian(rng));
                    }
                    if (p % 71 == 0) {
                        ramp.data()[(groups / 2) * pixels + p] = Float.NaN; // one by one in both
                    }
                    if (p % 67 == 0) { // one by one in both, and no segment to fit
                        for (int g = 0; g < groups; g++) {
                            ramp.groupDq()[g * pixels + p] = (byte) DqFlag.SATURATED.value();
                        }
                    }
                }
                for (double dark : new double[] {0, 0.02}) {
                    RampFitter fitter = new RampFitter(groups, pixelDq, gain, readNoise, dark, 5.49, 5.49, 1,
                            suppress);
                    RampFitter.IntegrationFit blocks = fitter.fit(RampFitter.Planes.of(ramp), medianRate, 0,
                            pixels);
                    Ramp marked = ramp.copy();
                    for (int p = 0; p < pixels; p++) {
                        marked.groupDq()[p] |= (byte) PERSISTENCE;
                    }
                    RampFitter.IntegrationFit single = fitter.fit(RampFitter.Planes.of(marked), medianRate, 0,
                            pixels);
                    // a fit reused for another integration leaves nothing of the last one
                    RampFitter.IntegrationFit reused = fitter.fit(RampFitter.Planes.of(marked), medianRate, 0,
                            pixels);
                    fitter.fit(RampFitter.Planes.of(ramp), medianRate, 0, pixels, reused);
                    String what = groups + " groups, suppress " + suppress + ", dark " + dark;
                    assertSameFit(blocks, reused, 0, pixels, what + ", reused fit");
                    assertSameFit(single, blocks, PERSISTENCE, pixels, what);
                    for (int p = 0; p < pixels; p += 67) {
                        assertEquals(0.0, blocks.slopeSum()[p], what + ", pixel " + p + ": no segment, nothing summed");
                    }
                    int bad = 0;
                    for (int p = 0; p < pixels; p++) {
                        bad += (blocks.dq()[p] & BAD_GAIN) == BAD_GAIN ? 1 : 0;
                    }
                    assertEquals(true, bad > 0, "some pixels have a bad gain");
                }
            }
        }
    }

    /** The same bits in every array, DQ apart from the bits of {@code dqOnlyExpected} that only the expected fit has. */
    private static void assertSameFit(RampFitter.IntegrationFit expected, RampFitter.IntegrationFit got,
            int dqOnlyExpected, int pixels, String what) {
        for (int p = 0; p < pixels; p++) {
            String at = what + ", pixel " + p;
            assertEquals(expected.dq()[p], got.dq()[p] | dqOnlyExpected, at);
            assertBits(expected.sci()[p], got.sci()[p], at + " SCI");
            assertBits(expected.err()[p], got.err()[p], at + " ERR");
            assertBits(expected.varPoisson()[p], got.varPoisson()[p], at + " VAR_POISSON");
            assertBits(expected.varReadNoise()[p], got.varReadNoise()[p], at + " VAR_RNOISE");
            assertEquals(Double.doubleToRawLongBits(expected.inverseVarPoisson()[p]),
                    Double.doubleToRawLongBits(got.inverseVarPoisson()[p]), at);
            assertEquals(Double.doubleToRawLongBits(expected.inverseVarReadNoise()[p]),
                    Double.doubleToRawLongBits(got.inverseVarReadNoise()[p]), at);
            assertEquals(Double.doubleToRawLongBits(expected.slopeSum()[p]),
                    Double.doubleToRawLongBits(got.slopeSum()[p]), at);
            assertEquals(expected.unusable()[p], got.unusable()[p], at);
            assertEquals(expected.saturatedAll()[p], got.saturatedAll()[p], at);
            assertEquals(expected.saturatedAny()[p], got.saturatedAny()[p], at);
        }
    }

    private static void assertBits(float expected, float got, String what) {
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(got), what + ": " + expected + " vs " + got);
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
