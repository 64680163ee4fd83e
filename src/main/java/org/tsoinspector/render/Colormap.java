package org.tsoinspector.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A 256-entry colour table (opaque ARGB), lowest value first, loaded from
 * {@code resources/colormaps/NAME.csv}.
 */
public record Colormap(String name, int[] argb) {

    /** Number of entries in every table. */
    public static final int SIZE = 256;
    /** The sequential maps, then the diverging one. */
    public static final List<String> NAMES = List.of("gray", "viridis", "inferno", "magma", "cividis", "coolwarm");
    /** The diverging map, for differences between stages. */
    public static final String DIVERGING = "coolwarm";

    private static final Map<String, Colormap> LOADED = new ConcurrentHashMap<>();

    public Colormap {
        if (argb.length != SIZE) {
            throw new IllegalArgumentException("a colormap needs " + SIZE + " entries, not " + argb.length);
        }
    }

    /** The named table; throws IllegalArgumentException for an unknown name. */
    /** The same colours in the opposite order (DS9's Color > Invert Colormap). */
    public Colormap inverted() {
        int[] out = new int[SIZE];
        for (int k = 0; k < SIZE; k++) {
            out[k] = argb[SIZE - 1 - k];
        }
        return new Colormap(name + " inverted", out);
    }

    public static Colormap named(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown colormap '" + name + "' (expected one of " + NAMES + ")");
        }
        return LOADED.computeIfAbsent(name, Colormap::load);
    }

    private static Colormap load(String name) {
        String resource = "/colormaps/" + name + ".csv";
        try (InputStream in = Colormap.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("colormap table " + resource + " is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            int[] argb = new int[SIZE];
            int n = 0;
            String line = r.readLine(); // header r,g,b
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] p = line.split(",");
                argb[n++] = 0xFF000000 | Integer.parseInt(p[0].trim()) << 16
                        | Integer.parseInt(p[1].trim()) << 8 | Integer.parseInt(p[2].trim());
            }
            if (n != SIZE) {
                throw new IllegalStateException("colormap table " + resource + " has " + n + " rows, not " + SIZE);
            }
            return new Colormap(name, argb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True for the diverging map (centre the display range on 0 for it). */
    public boolean isDiverging() {
        return name.equals(DIVERGING);
    }

    /** Colour of a position t in [0, 1] (clamped; NaN gives the lowest colour). */
    public int colorAt(double t) {
        int i = (int) (t * (SIZE - 1) + 0.5);
        return argb[i < 0 || t != t ? 0 : Math.min(i, SIZE - 1)];
    }
}
