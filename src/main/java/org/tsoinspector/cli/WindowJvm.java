package org.tsoinspector.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM the window runs in. Started as {@code java -jar}, the JVM would take a quarter of the
 * machine's memory as its heap and keep what it ever used (a 24 GB machine: 6 GB, and 5 GB resident
 * after a session); the window is started again in a JVM of a bounded heap that returns memory it no
 * longer needs, so its resident memory stays near 1 GB whatever the segment size. The benchmark's
 * session runs with the same options.
 */
public final class WindowJvm {

    /**
     * The options: a heap the caches' budget (a quarter of it) and whole-segment plots fit in, G1 giving
     * memory back, and the JDK's per-thread cache of temporary direct buffers (behind every channel
     * read into a heap array) kept to buffers of at most 1 MB: by default it keeps one of each size
     * asked for, for the life of the thread, outside the heap.
     */
    public static final List<String> OPTIONS = List.of("-Xmx640m", "-XX:+UseG1GC", "-XX:MinHeapFreeRatio=5",
            "-XX:MaxHeapFreeRatio=20", "-XX:G1PeriodicGCInterval=5000", "-Djdk.nio.maxCachedBufferSize=1048576",
            "-Dtso.window.jvm=true");

    private WindowJvm() {
    }

    /** True when this JVM was started with these options (or the user chose a heap with -Xmx). */
    public static boolean isBounded() {
        if (Boolean.getBoolean("tso.window.jvm")) {
            return true;
        }
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx") || arg.startsWith("-XX:MaxRAM")) {
                return true;
            }
        }
        return false;
    }

    /** The command that runs {@code mainClass} with these arguments in a bounded JVM on this class path. */
    public static List<String> command(String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(OPTIONS);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Runs the command with this process's terminal and returns its exit status. */
    public static int run(List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
