package org.tsoinspector.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tsoinspector.model.StepName;

/**
 * The reference options shared by calibrate and plot: {@code --mask F --saturation F --superbias F
 * --linearity F} (files named directly) and {@code --refs DIR} (a folder to search; without it
 * $CRDS_PATH is searched).
 */
public final class ReferenceOptions {

    /** Usage text of the options. */
    public static final String USAGE = "[--mask F] [--saturation F] [--superbias F] [--linearity F] [--refs DIR]";

    private final Map<StepName, Path> files = new EnumMap<>(StepName.class);
    private Path refsDir;

    /**
     * Consumes the option at {@code args[i]} when it is a reference option.
     *
     * @return the index after the option and its value, or i when it is not a reference option
     */
    public int consume(List<String> args, int i) throws UsageException {
        String a = args.get(i);
        StepName step = switch (a) {
            case "--mask" -> StepName.DQ_INIT;
            case "--saturation" -> StepName.SATURATION;
            case "--superbias" -> StepName.SUPERBIAS;
            case "--linearity" -> StepName.LINEARITY;
            default -> null;
        };
        if (step == null && !a.equals("--refs")) {
            return i;
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException(a + " needs a " + (step == null ? "folder" : "file"));
        }
        Path value = Path.of(args.get(i + 1));
        if (step == null) {
            refsDir = value;
        } else {
            files.put(step, value);
        }
        return i + 2;
    }

    /** Files named directly, by the step that uses them. */
    public Map<StepName, Path> files() {
        return files;
    }

    /** The folder to search, or null for $CRDS_PATH. */
    public Path refsDir() {
        return refsDir;
    }
}
