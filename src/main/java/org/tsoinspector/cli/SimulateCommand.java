package org.tsoinspector.cli;

import org.tsoinspector.inspect.Words;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tsoinspector.sim.ExposureSimulator;
import org.tsoinspector.sim.SampleLibrary;
import org.tsoinspector.sim.Scenario;

/** The {@code simulate} command: writes a scenario's raw segments and its four reference files. */
public final class SimulateCommand implements Command {

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String usage() {
        return "simulate [--scenario NAME|FILE] [--nints N] [--seed S] --out DIR";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        String scenarioName = SampleLibrary.DEFAULT_SAMPLE;
        Integer nInts = null;
        Long seed = null;
        Path dir = null;
        for (int k = 0; k < args.size(); k += 2) {
            String a = args.get(k);
            switch (a) {
                case "--scenario" -> scenarioName = Arguments.value(args, k);
                case "--nints" -> nInts = positive(Arguments.value(args, k), a);
                case "--seed" -> seed = Arguments.longInteger(a, Arguments.value(args, k));
                case "--out" -> dir = Path.of(Arguments.value(args, k));
                default -> throw new UsageException("unexpected argument '" + a + "'");
            }
        }
        if (dir == null) {
            throw new UsageException("--out DIR is required");
        }
        Scenario sc = SampleLibrary.scenario(scenarioName);
        if (nInts != null) {
            sc = sc.withIntegrations(nInts);
        }
        if (seed != null) {
            sc = sc.withSeed(seed);
        }
        ExposureSimulator sim = new ExposureSimulator(sc);
        int threads = Runtime.getRuntime().availableProcessors();
        CancelOnInterrupt cancel = new CancelOnInterrupt("simulate");
        ExposureSimulator.Result r;
        try {
            r = sim.write(dir, threads, cancel);
        } finally {
            cancel.done();
        }
        for (Path p : r.segments()) {
            out.println(p);
        }
        for (Path p : r.references()) {
            out.println(p);
        }
        out.printf(Locale.ROOT, "%s: %s x %s, %s, %s, %.1f MB in %.1f s (%d threads)%n",
                sc.name(), Words.count(sc.run().nInts(), "integration"), Words.count(sc.run().nGroups(), "group"),
                sc.run().geometry().subarrayName(), Words.count(r.segments().size(), "segment"), r.bytes() / 1e6,
                r.seconds(), threads);
        return CommandLine.EXIT_OK;
    }

    private static int positive(String v, String option) throws UsageException {
        int n = Arguments.integer(option, v);
        if (n < 1) {
            throw new UsageException(option + " must be at least 1, not " + v);
        }
        return n;
    }
}
