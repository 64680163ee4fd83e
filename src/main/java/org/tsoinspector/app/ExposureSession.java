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
