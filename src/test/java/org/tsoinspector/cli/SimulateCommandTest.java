package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void writesTheSegmentsAndReferencesAndPrintsTheirPaths() throws Exception {
        Path scenario = dir.resolve("strip.properties");
        Files.writeString(scenario, "geometry = SUBSTRIP96\nngroups = 2\nreferences = subarray\n");
        Path outDir = dir.resolve("out");
        int status = run("simulate", "--scenario", scenario.toString(), "--nints", "2", "--seed", "5", "--out",
                outDir.toString());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        Path segment = outDir.resolve("strip-seg001_uncal.fits");
        Path mask = outDir.resolve("refs").resolve("tsosim_niriss_mask_s5.fits");
        assertTrue(printed.contains(segment.toString()), printed);
        assertTrue(printed.contains(mask.toString()), printed);
        assertTrue(Files.isRegularFile(segment));
        assertTrue(Files.isRegularFile(mask));
        assertTrue(printed.contains("strip: 2 integrations x 2 groups, SUBSTRIP96, 1 segment,"), printed);
    }

    @Test
    void mistakesGiveTheRightExitStatus() {
        assertEquals(CommandLine.EXIT_USAGE, run("simulate", "--nints", "2"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--out DIR is required"));
        assertEquals(CommandLine.EXIT_USAGE, run("simulate", "--nints", "zero", "--out", dir.toString()));
        err.reset();
        assertEquals(CommandLine.EXIT_BAD_INPUT, run("simulate", "--scenario", "nosuch", "--out", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: nosuch: no such scenario file or sample"));
    }
}
