package org.tsoinspector.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tsoinspector.calib.Pipeline;
import org.tsoinspector.calib.PipelineSettings;
import org.tsoinspector.calib.PreparedPipeline;
import org.tsoinspector.calib.PreparedStep;
import org.tsoinspector.calib.ReferenceSet;
import org.tsoinspector.calib.SegmentCalibration;
import org.tsoinspector.fits.FitsRampFile;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ExposureMetadata;
import org.tsoinspector.model.StepName;

/**
 * {@code calibrate FILE [reference options] [--steps LIST | --skip LIST] [--save-each] [--out DIR]
 * [--param STEP.NAME=VALUE ...]}: runs the steps on a raw segment or a saved step product and writes
 * the products (cli.md). Ctrl-C cancels cleanly: no partial product is left.
 */
public final class CalibrateCommand implements Command {

    @Override
    public String name() {
        return "calibrate";
    }

    @Override
    public String usage() {
        return "calibrate FILE " + ReferenceOptions.USAGE + " [--steps LIST | --skip LIST] [--save-each]"
                + " [--out DIR] " + ParameterOption.USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        ReferenceOptions refs = new ReferenceOptions();
        PipelineSettings settings = PipelineSettings.DEFAULTS;
        Set<StepName> steps = null;
        Set<StepName> skip = EnumSet.noneOf(StepName.class);
        boolean saveEach = false;
        Path outDir = null;
        Path file = null;
        for (int i = 0; i < args.size();) {
            int next = refs.consume(args, i);
            if (next != i) {
                i = next;
                continue;
            }
            String a = args.get(i);
            switch (a) {
                case "--steps" -> steps = stepList(a, Arguments.value(args, i));
                case "--skip" -> skip = stepList(a, Arguments.value(args, i));
                case "--out" -> outDir = Path.of(Arguments.value(args, i));
                case "--param" -> settings = ParameterOption.apply(settings, Arguments.value(args, i));
                case "--save-each" -> {
                    saveEach = true;
                    i -= 1;
                }
                default -> {
                    if (a.startsWith("-") || file != null) {
                        throw new UsageException("unexpected argument '" + a + "'");
                    }
                    file = Path.of(a);
                    i -= 1;
                }
            }
            i += 2;
        }
        if (file == null) {
            throw new UsageException("calibrate needs a FILE");
        }
        if (steps != null && !skip.isEmpty()) {
            throw new UsageException("give --steps or --skip, not both");
        }
        if (!Files.exists(file)) {
            throw new BadInputException(file.toString(), "no such file");
        }
        try (FitsRampFile source = FitsRampFile.open(file)) {
            ExposureMetadata e = source.metadata();
            Set<StepName> wanted = steps != null ? steps : EnumSet.complementOf(toEnumSet(skip));
            Set<StepName> runnable = Pipeline.runnable(e, wanted);
            if (steps != null && !runnable.equals(steps)) {
                EnumSet<StepName> done = EnumSet.copyOf(steps);
                done.removeAll(runnable);
                throw new BadInputException(source.name(), "already went through " + done.iterator().next().id()
                        + " or a later step (its S_ keywords say COMPLETE): it cannot run again");
            }
            if (runnable.isEmpty()) {
                throw new BadInputException(source.name(), "no step left to run: the product already went through "
                        + "all the steps asked for");
            }
            settings = settings.withEnabled(runnable);
            ReferenceSet references = ReferenceSet.load(e, settings, refs.files(), refs.refsDir());
            Pipeline pipeline = Pipeline.of(source.name(), e, settings, references);
            PreparedPipeline prepared = pipeline.prepare(e, source.pixelDq());
            for (PreparedStep s : prepared.steps()) {
                if (!s.note().isEmpty()) {
                    out.println("note: " + s.name().id() + ": " + s.note());
                }
            }
            Path dir = outDir != null ? outDir : absoluteParent(file);
            Files.createDirectories(dir);
            CancelOnInterrupt cancel = new CancelOnInterrupt("calibrate");
            long t0 = System.nanoTime();
            List<Path> written;
            try {
                written = new SegmentCalibration(source, prepared, references.fileNames(runnable),
                        Runtime.getRuntime().availableProcessors())
                        .run(dir, SegmentCalibration.productRoot(file.getFileName().toString()), saveEach, cancel);
            } finally {
                cancel.done();
            }
            out.printf(Locale.ROOT, "ran %s on %d integrations in %.1f s%n", pipeline.stepNames().stream()
                    .map(StepName::id).toList(), source.integrationCount(), (System.nanoTime() - t0) / 1e9);
            for (Path p : written) {
                out.println("wrote " + p);
            }
        }
        return CommandLine.EXIT_OK;
    }

    private static Path absoluteParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static EnumSet<StepName> toEnumSet(Set<StepName> s) {
        return s.isEmpty() ? EnumSet.noneOf(StepName.class) : EnumSet.copyOf(s);
    }

    private static Set<StepName> stepList(String option, String list) throws UsageException {
        EnumSet<StepName> s = EnumSet.noneOf(StepName.class);
        for (String id : list.split(",")) {
            if (id.isBlank()) {
                continue;
            }
            try {
                s.add(StepName.fromId(id.trim()));
            } catch (IllegalArgumentException e) {
                throw new UsageException(option + ": " + e.getMessage());
            }
        }
        if (s.isEmpty()) {
            throw new UsageException(option + " needs at least one step");
        }
        return s;
    }
}
