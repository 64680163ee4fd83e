package org.tsoinspector.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.model.BadInputException;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.StepName;

/**
 * {@code calibrate FILE... [step options] [--steps LIST | --skip LIST] [--save-each] [--out DIR]}: runs
 * the steps on raw segments or saved step products and writes the products (cli.md); several files are
 * the segments of one exposure, each written as its own products. Ctrl-C cancels cleanly: no partial
 * product is left.
 */
public final class CalibrateCommand implements Command {

    @Override
    public String name() {
        return "calibrate";
    }

    @Override
    public String usage() {
        return "calibrate FILE... " + StepOptions.USAGE + " [--steps LIST | --skip LIST] [--save-each] [--out DIR]\n"
                + StepOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        StepOptions options = new StepOptions();
        Set<StepName> steps = null;
        Set<StepName> skip = EnumSet.noneOf(StepName.class);
        boolean saveEach = false;
        Path outDir = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size();) {
            int next = options.consume(args, i);
            if (next != i) {
                i = next;
                continue;
            }
            String a = args.get(i);
            switch (a) {
                case "--steps" -> steps = stepList(a, Arguments.value(args, i));
                case "--skip" -> skip = stepList(a, Arguments.value(args, i));
                case "--out" -> outDir = Path.of(Arguments.value(args, i));
                case "--save-each" -> {
                    saveEach = true;
                    i -= 1;
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unexpected argument '" + a + "'");
                    }
                    files.add(Path.of(a));
                    i -= 1;
                }
            }
            i += 2;
        }
        if (files.isEmpty()) {
            throw new UsageException("calibrate needs a FILE");
        }
        if (steps != null && !skip.isEmpty()) {
            throw new UsageException("give --steps or --skip, not both");
        }
        for (Path f : files) {
            if (!Files.exists(f)) {
                throw new BadInputException(f.toString(), "no such file");
            }
        }
        Set<StepName> wanted = EnumSet.copyOf(StepName.DEFAULT_STEPS);
        if (steps != null) {
            wanted = steps;
        } else {
            wanted.removeAll(skip);
        }
        Inspection inspection = Inspection.open(files, options.refsDir(), options.configuration().withSettings(
                options.configuration().settings().withEnabled(wanted)), ProgressMonitor.NONE);
        try {
            List<StepName> runnable = inspection.activeSteps();
            if (steps != null && !runnable.containsAll(steps)) {
                EnumSet<StepName> done = EnumSet.copyOf(steps);
                done.removeAll(runnable);
                StepName first = done.iterator().next();
                if (inspection.metadata().completedSteps().stream().anyMatch(s -> s.ordinal() >= first.ordinal())) {
                    throw new BadInputException(inspection.name(), "already went through " + first.id()
                            + " or a later step (its S_ keywords say COMPLETE): it cannot run again");
                }
            }
            inspection.requireSwitchedOnSteps();
            if (runnable.isEmpty()) {
                throw new BadInputException(inspection.name(), "no step left to run: the product already went"
                        + " through all the steps asked for");
            }
            for (String note : inspection.stepNotes()) {
                out.println("note: " + note);
            }
            Path dir = outDir != null ? outDir : absoluteParent(files.get(0));
            Files.createDirectories(dir);
            CancelOnInterrupt cancel = new CancelOnInterrupt("calibrate");
            long t0 = System.nanoTime();
            List<Path> written;
            try {
                written = inspection.calibrate(dir, saveEach, cancel);
            } finally {
                cancel.done();
            }
            out.printf(Locale.ROOT, "ran %s on %d integrations in %.1f s%n", runnable.stream().map(StepName::id)
                    .toList(), inspection.integrationCount(), (System.nanoTime() - t0) / 1e9);
            for (Path p : written) {
                out.println("wrote " + p);
            }
        } finally {
            inspection.close();
        }
        return CommandLine.EXIT_OK;
    }

    private static Path absoluteParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
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
