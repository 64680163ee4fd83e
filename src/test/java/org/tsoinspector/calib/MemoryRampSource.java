package org.tsoinspector.calib;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.IntegrationTimes;
import org.tsoinspector.model.Ramp;
import org.tsoinspector.model.RampSource;

/** A segment of count integrations made in memory from a seed (bias, slopes, noise, one saturating pixel); counts reads. */
final class MemoryRampSource implements RampSource {

    private final ExposureMetadata metadata;
    private final int count;
    private final long seed;
    final AtomicInteger reads = new AtomicInteger();

    MemoryRampSource(ExposureMetadata metadata, int count, long seed) {
        this.metadata = new ExposureMetadata(metadata.instrument(), metadata.detector(), metadata.exposureType(),
                metadata.subarrayName(), metadata.window(), metadata.orientation(), metadata.nOutputs(), count,
                metadata.nGroups(), metadata.nFrames(), metadata.groupGap(), metadata.tFrame(), metadata.tGroup(),
                metadata.readPattern(), 1, 1, 1, count, metadata.dateObs(), metadata.hasZeroFrame(),
                metadata.completedSteps());
        this.count = count;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public ExposureMetadata metadata() {
        return metadata;
    }

    @Override
    public int integrationCount() {
        return count;
    }

    @Override
    public Ramp readIntegration(int i) {
        reads.incrementAndGet();
        Random rnd = new Random(seed * 1000 + i);
        int ny = metadata.ny();
        int nx = metadata.nx();
        Ramp r = Ramp.zeros(i, metadata.nGroups(), ny, nx, metadata.hasZeroFrame());
        float[] slope = new float[ny * nx];
        for (int p = 0; p < slope.length; p++) {
            slope[p] = (float) (50 + 400 * rnd.nextDouble());
        }
        slope[rnd.nextInt(slope.length)] = 30000f;   // saturates in group 1 or 2
        float drift = (float) (rnd.nextGaussian() * 20);
        for (int g = 0; g < metadata.nGroups(); g++) {
            for (int p = 0; p < slope.length; p++) {
                float v = 12000f + drift * (g + 1) + slope[p] * (g + 1) + (float) (rnd.nextGaussian() * 8);
                r.data()[g * slope.length + p] = Math.min(65535f, Math.max(0f, Math.round(v)));
            }
        }
        if (r.zeroFrame() != null) {
            for (int p = 0; p < slope.length; p++) {
                r.zeroFrame()[p] = Math.round(12000f + slope[p] * 0.5f);
            }
        }
        return r;
    }

    @Override
    public float[] readGroup(int i, int group) {
        return readIntegration(i).frame(group);
    }

    @Override
    public int[] pixelDq() {
        return new int[metadata.ny() * metadata.nx()];
    }

    @Override
    public IntegrationTimes integrationTimes() {
        return null;
    }

    @Override
    public void close() {
    }
}
