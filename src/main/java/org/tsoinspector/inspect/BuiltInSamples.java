package org.tsoinspector.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.CancelledException;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.sim.SampleLibrary;

/**
 * The simulator's built-in samples as the window offers them: generated once into the user's cache
 * (with progress), then opened like any exposure, with the references the simulator wrote.
 */
public final class BuiltInSamples {

    /** The sample the window opens when started without files. */
    public static final String DEFAULT = SampleLibrary.DEFAULT_SAMPLE;

    private BuiltInSamples() {
    }

    public static List<String> names() {
        return SampleLibrary.NAMES;
    }

    /** Where samples are generated. */
    public static Path cacheRoot() {
        return SampleLibrary.inUserCache().cacheRoot();
    }

    /** Generates the sample if it is not cached yet (one core left free for the window), then opens it. */
    public static Inspection open(String name, StepConfiguration configuration, ProgressMonitor monitor)
            throws IOException, BadInputException, CancelledException {
        SampleLibrary.Sample sample = SampleLibrary.inUserCache().ensure(name,
                Math.max(1, Runtime.getRuntime().availableProcessors() - 1), monitor);
        return Inspection.open(sample.segments(), sample.refsDir(), configuration, monitor);
    }
}
