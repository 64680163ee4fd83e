package org.tsoinspector.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tsoinspector.calib.IntegrationPass;
import org.tsoinspector.calib.PreparedStep;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.DqFlag;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.StepName;
import org.tsoinspector.analysis.BinAxis;
import org.tsoinspector.analysis.GroupRatioHistogram;
import org.tsoinspector.analysis.LightCurve;
import org.tsoinspector.analysis.LightCurveMode;
import org.tsoinspector.analysis.RatioHistogramSpec;
import org.tsoinspector.analysis.Region;

class SegmentScanTest {

    private static final double C = 2e-6;
    private static final int NY = 24;
    private static final int NX = 32;

    /** A step that changes samples by a formula and counts the integrations it saw. */
    private static final class FormulaStep implements PreparedStep {
        final AtomicInteger calls = new AtomicInteger();
        private final StepName name;
        private final java.util.function.DoubleUnaryOperator f;
        private final int[] pixelDq;

        FormulaStep(StepName name, java.util.function.DoubleUnaryOperator f, int[] pixelDq) {
            this.name = name;
            this.f = f;
            this.pixelDq = pixelDq;
        }

        @Override
        public StepName name() {
            return name;
        }

        @Override
        public int[] pixelDq() {
            return pixelDq;
        }

        @Override
        public String status() {
            return "COMPLETE";
        }

        @Override
        public IntegrationPass open(Ramp ramp) {
            calls.incrementAndGet();
            return (g, frame, from, to) -> {
                for (int i = from; i < to; i++) {
                    frame[i] = (float) f.applyAsDouble(frame[i]);
                }
            };
        }
    }

    /**
     * Raw sample = 500 (bias) + F - C F^2 with F = rate * (g + 1); rows 8..11 are a bright trace
     * whose rate dips 1 % in integrations 4..5 (a transit). Pixel 0 of integration 2 saturates.
     */
    private static FunctionRampSource source(int nInts) {
        return new FunctionRampSource(nInts, 5, NY, NX, (i, g, p) -> {
            int y = p / NX;
            double rate = (y >= 8 && y < 12 ? 2000 : 100 + 3 * (p % NX)) * (i == 4 || i == 5 ? 0.99 : 1);
            double f = rate * (g + 1);
            return 500 + f - C * f * f;
        }, null);
    }

    private static FormulaStep bias(int[] dq) {
        return new FormulaStep(StepName.SUPERBIAS, v -> v - 500, dq);
    }

    /** Exact inverse of m = F - C F^2. */
    private static FormulaStep linearity(int[] dq) {
        return new FormulaStep(StepName.LINEARITY, m -> (1 - Math.sqrt(1 - 4 * C * m)) / (2 * C), dq);
    }

    private static SegmentScan.Result scan(int threads, FormulaStep b, FormulaStep l) throws Exception {
        StagePair stages = new StagePair("after superbias", List.of(b), "after linearity", List.of(l));
        SegmentScan.Request req = new SegmentScan.Request(RatioHistogramSpec.defaults(5),
                LightCurveMode.LAST_MINUS_FIRST, null, true);
        return new SegmentScan(source(9), stages, req, threads).run(ProgressMonitor.NONE);
    }

    @Test
    void eachStepRunsOncePerIntegrationAndLinearityBringsRatiosToOne() throws Exception {
        int[] dq = new int[NY * NX];
        FormulaStep b = bias(dq);
        FormulaStep l = linearity(dq);
        SegmentScan.Result r = scan(2, b, l);
        assertEquals(9, b.calls.get());
        assertEquals(9, l.calls.get());

        GroupRatioHistogram before = r.ratioBefore().value();
        GroupRatioHistogram after = r.ratioAfter().value();
        assertEquals(9L * NY * NX, before.accumulated());
        assertEquals(9, before.integrations());
        // trace pixels (rate r = 2000 outside the transit): m5 - m4 = r (1 - 9 C r), m2 - m1 = r (1 - 3 C r)
        double expected = (1 - C * 2000 * 9) / (1 - C * 2000 * 3);
        BinAxis fa = before.spec().fluence();
        BinAxis ra = before.spec().ratio();
        double fluence = 10000 - C * 1e8;
        // (in transit, rate 1980, the ratio 0.97595 and fluence 9704 fall in the same bins)
        assertEquals(9L * 4 * NX, before.count(fa.bin(fluence), ra.bin(expected)));
        assertEquals(fa.bin(fluence), fa.bin(5 * 1980 - C * 1980 * 1980 * 25));
        // after linearity every pixel has ratio 1 (within float rounding)
        long atOne = 0;
        for (int f = 0; f < fa.bins(); f++) {
            for (int k = ra.bin(0.999); k <= ra.bin(1.001); k++) {
                atOne += after.count(f, k);
            }
        }
        assertEquals(after.inRange(), atOne);
        assertEquals(9L * NY * NX, after.inRange());
        assertEquals("after linearity", r.ratioAfter().stage());
    }

    @Test
    void lightCurveFindsTheTraceAndShowsTheTransit() throws Exception {
        int[] dq = new int[NY * NX];
        SegmentScan.Result r = scan(2, bias(dq), linearity(dq));
        LightCurve after = r.lightCurveAfter().value();
        // default region: the 30-row band holding the trace covers the whole 24-row frame here
        assertEquals(new Region(0, NY, 0, NX), after.region());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, after.integrationNumbers());
        double[] rel = after.normalized();
        assertEquals(0.99, rel[4], 1e-6);
        assertEquals(1.0, rel[0], 1e-6);
        // before linearity the detector's compression lowers the flux: 4r - 24 C r^2 instead of 4r
        assertTrue(r.lightCurveBefore().value().flux()[0] < after.flux()[0]);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        int[] dq = new int[NY * NX];
        SegmentScan.Result one = scan(1, bias(dq), linearity(dq));
        SegmentScan.Result two = scan(2, bias(dq), linearity(dq));
        SegmentScan.Result three = scan(3, bias(dq), linearity(dq));
        for (SegmentScan.Result other : List.of(two, three)) {
            GroupRatioHistogram a = one.ratioBefore().value();
            GroupRatioHistogram b = other.ratioBefore().value();
            for (int f = 0; f < a.spec().fluence().bins(); f++) {
                for (int k = 0; k < a.spec().ratio().bins(); k++) {
                    assertEquals(a.count(f, k), b.count(f, k));
                }
            }
            assertArrayEquals(one.lightCurveAfter().value().flux(), other.lightCurveAfter().value().flux(), 0);
        }
    }

    @Test
    void dqSummaryCountsTheLastStage() throws Exception {
        int[] dq = new int[NY * NX];
        dq[3] = DqFlag.HOT.value();
        SegmentScan.Result r = scan(2, bias(new int[NY * NX]), linearity(dq));
        assertEquals(1, r.dq().pixelCount(DqFlag.HOT));
        assertEquals(9, r.dq().integrationNumbers().length);
    }

    @Test
    void oneStageScanHasNoAfterResults() throws Exception {
        SegmentScan.Request req = new SegmentScan.Request(RatioHistogramSpec.defaults(5), null, null, false);
        SegmentScan.Result r = new SegmentScan(source(3), StagePair.single("raw", List.of()), req, 2)
                .run(ProgressMonitor.NONE);
        assertNull(r.ratioAfter());
        assertNull(r.lightCurveBefore());
        assertNull(r.dq());
        assertEquals(1, r.ratios().size());
        assertEquals(3, r.ratioBefore().value().integrations());
    }

    @Test
    void cancellingStopsTheScan() {
        ProgressMonitor cancelAfterFirst = new ProgressMonitor() {
            private volatile long seen;

            @Override
            public void progress(long done, long total, String message) {
                seen = done;
            }

            @Override
            public boolean isCancelled() {
                return seen >= 1;
            }
        };
        SegmentScan.Request req = new SegmentScan.Request(RatioHistogramSpec.defaults(5), null, null, false);
        assertThrows(CancelledException.class, () -> new SegmentScan(source(20),
                StagePair.single("raw", List.of()), req, 2).run(cancelAfterFirst));
    }
}
