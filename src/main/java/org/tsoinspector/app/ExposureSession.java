package org.tsoinspector.app;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;

/**
 * An opened exposure as the window sees it: the ramp source and the stages computed from it. Thread
 * safe; used from background jobs only (it reads files and computes).
 */
public final class ExposureSession implements AutoCloseable {

    private static final int CACHED_RAMPS = 4;

    private final RampSource source;
    private final Map<Integer, Ramp> rawCache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Ramp> eldest) {
            return size() > CACHED_RAMPS;
        }
    };
    private int[] storedPixelDq;

    public ExposureSession(RampSource source) {
        this.source = source;
    }

    public String name() {
        return source.name();
    }

    public ExposureMetadata metadata() {
        return source.metadata();
    }

    public RampSource source() {
        return source;
    }

    public int integrationCount() {
        return source.integrationCount();
    }

    public int groupCount() {
        return source.metadata().nGroups();
    }

    /** The stages this session can show, in pipeline order. */
    public List<RampStage> stages() {
        return List.of(RampStage.RAW);
    }

    /** One group of one integration at a stage. */
    public StageFrame frame(RampStage stage, int integration, int group, ProgressMonitor monitor) throws Exception {
        monitor.checkCancelled();
        return StageFrame.of(stage, ramp(stage, integration, monitor), group, pixelDq(stage));
    }

    /** The whole ramp of one integration at a stage; shared, read-only. */
    public synchronized Ramp ramp(RampStage stage, int integration, ProgressMonitor monitor) throws Exception {
        Ramp r = rawCache.get(integration);
        if (r == null) {
            r = source.readIntegration(integration);
            rawCache.put(integration, r);
        }
        return r;
    }

    /** Receives each integration of a whole-segment scan at each stage asked for. */
    @FunctionalInterface
    public interface ScanConsumer {
        void accept(int stageIndex, Ramp ramp) throws Exception;
    }

    /**
     * Streams every integration through the stages, one integration at a time, without keeping them
     * (memory stays bounded whatever the segment size). Reports progress per integration.
     */
    public void scan(List<RampStage> stages, ScanConsumer consumer, ProgressMonitor monitor, String what)
            throws Exception {
        int n = integrationCount();
        for (int i = 0; i < n; i++) {
            monitor.checkCancelled();
            monitor.progress(i, n, what + ": integration " + (i + 1) + " / " + n);
            Ramp raw = source.readIntegration(i);
            for (int k = 0; k < stages.size(); k++) {
                consumer.accept(k, raw);
            }
        }
        monitor.progress(n, n, what + ": done");
    }

    /** Pixel DQ at a stage. */
    public synchronized int[] pixelDq(RampStage stage) throws IOException {
        if (storedPixelDq == null) {
            storedPixelDq = source.pixelDq();
        }
        return storedPixelDq;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
