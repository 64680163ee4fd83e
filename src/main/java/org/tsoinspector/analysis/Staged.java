package org.tsoinspector.analysis;

/**
 * A result labelled with the pipeline stage it was computed at ("raw", "after refpix", ...), so one
 * plot can overlay the same quantity at two stages.
 */
public record Staged<T>(String stage, T value) {
}
