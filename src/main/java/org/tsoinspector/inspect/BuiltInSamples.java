package org.tsoinspector.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
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

    /**
     * Generates the sample if it is not cached yet (on every core: the window has nothing else to do
     * until its first picture), then opens it.
     *
     * @param preview when the sample is made now, hears of its first segment opened on its own as soon
     *                as it is written (the first run's picture within seconds, not after the whole sample)
     */
    public static Inspection open(String name, StepConfiguration configuration, ProgressMonitor monitor,
            Consumer<Preview> preview) throws IOException, BadInputException, CancelledException {
        SampleLibrary.Sample sample = SampleLibrary.inUserCache().ensure(name,
                Runtime.getRuntime().availableProcessors(), monitor, (segment, refs, count) -> {
                    try {
                        preview.accept(new Preview(Inspection.open(List.of(segment), refs, configuration,
                                ProgressMonitor.NONE), count));
                    } catch (IOException | BadInputException | CancelledException e) {
                        // the preview is a courtesy: the whole sample still opens when it is written
                        LOG.info("preview of {}: {}", segment, e.getMessage());
                    }
                });
        return Inspection.open(sample.segments(), sample.refsDir(), configuration, monitor);
    }

    /** The first segment of a sample still being written, opened on its own; the sample has {@code segments}. */
    public record Preview(Inspection inspection, int segments) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BuiltInSamples.class);
}
