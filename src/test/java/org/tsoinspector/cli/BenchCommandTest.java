package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The argument checks, and one run on a tiny segment: every key is written with a plausible value. */
class BenchCommandTest {

    @Test
    void aRunOnATinySegmentWritesEveryKeyWithAPlausibleValue(@TempDir Path dir) throws Exception {
        String before = System.getProperty("tso.cache");
        System.setProperty("tso.cache", dir.resolve("cache").toString());
        try {
            Path json = dir.resolve("bench.json");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run("bench", "--size-gb", "0.02", "--out",
                    json.toString());
            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            Map<String, Double> v = new LinkedHashMap<>();
            Matcher m = Pattern.compile("\"([a-z_0-9]+)\": ([-+0-9.eE]+)").matcher(Files.readString(json));
            while (m.find()) {
                v.put(m.group(1), Double.parseDouble(m.group(2)));
            }
            for (String key : List.of("first_frame_ms", "one_integration_ms", "compute_samples_per_s", "calibrate_s",
                    "ramp_calibrate_s", "ramp_samples_per_s",
                    "io_floor_s", "ratio_plot_s", "start_ms", "toggle_step_ms", "toggle_last_step_ms",
                    "switch_stage_ms", "move_group_ms", "move_integration_ms", "open_second_ms",
                    "session_rss_half_mb", "session_heap_half_mb", "session_rss_mb", "session_heap_mb",
                    "session_actions", "peak_heap_mb", "segment_bytes")) {
                assertTrue(v.containsKey(key), key + " missing from " + v.keySet());
                assertTrue(v.get(key) > 0 && Double.isFinite(v.get(key)), key + " = " + v.get(key));
            }
            for (String ms : List.of("start_ms", "toggle_step_ms", "switch_stage_ms", "move_group_ms",
                    "move_integration_ms", "open_second_ms")) {
                assertTrue(v.get(ms) < 120_000, ms + " = " + v.get(ms) + " ms is not a plausible figure");
            }
            assertTrue(v.get("session_actions") >= 300, "a session of at least 300 actions");
            assertTrue(v.get("session_rss_mb") > v.get("session_heap_mb") / 2 && v.get("session_rss_mb") < 24_000,
                    v.toString());
        } finally {
            if (before == null) {
                System.clearProperty("tso.cache");
            } else {
                System.setProperty("tso.cache", before);
            }
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, cli.run("bench", "--size-gb", "0"));
        assertEquals(2, cli.run("bench", "--size-gb", "lots"));
        assertEquals(2, cli.run("bench", "--size-gb"));
        assertEquals(2, cli.run("bench", "--threads", "2"));
        assertTrue(err.toString().contains("--size-gb needs a positive number"), err.toString());
    }
}
