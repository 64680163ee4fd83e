package org.tsoinspector.inspect;

/** A pixel of the shown frame: 0-based column x and row y in the file's (subarray) array. */
public record PixelPosition(int x, int y) {
}
