package org.tsoinspector.model;

import java.io.IOException;

/**
 * A segment (or an exposure made of segments) whose integrations can be read one at a time without
 * reading the rest: a raw uncal file, a saved step product, or data made in memory.
 */
public interface RampSource extends AutoCloseable {

    /** Where the data come from, for messages ("jw..._uncal.fits"). */
    String name();

    ExposureMetadata metadata();

    /** Number of integrations this source holds. */
    int integrationCount();

    /** Reads integration i (0-based within this source) into a new ramp owned by the caller. */
    Ramp readIntegration(int i) throws IOException;

    /** Reads one group of integration i (ny*nx samples) without reading the rest of the integration. */
    float[] readGroup(int i, int group) throws IOException;

    /** The stored pixel DQ (a saved product's PIXELDQ), or zeros for a raw segment; a new array. */
    int[] pixelDq() throws IOException;

    /** The INT_TIMES table, or null when the file has none. */
    IntegrationTimes integrationTimes();

    @Override
    void close() throws IOException;
}
