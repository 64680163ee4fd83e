package org.tsoinspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Only the argument checks: the measurements need a gigabyte segment and run from the command line. */
class BenchCommandTest {

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
