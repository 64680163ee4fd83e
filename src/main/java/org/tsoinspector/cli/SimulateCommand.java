package org.tsoinspector.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tsoinspector.model.ProgressMonitor;
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
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            switch (a) {
                case "--scenario" -> scenarioName = value(args, ++k, a);
                case "--nints" -> nInts = positive(value(args, ++k, a), a);
                case "--seed" -> seed = parseLong(value(args, ++k, a), a);
                case "--out" -> dir = Path.of(value(args, ++k, a));
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
        ExposureSimulator.Result r = sim.write(dir, threads, new ProgressMonitor() {
            private long lastPercent = -1;

            @Override
            public void progress(long done, long total, String message) {
                long percent = 100 * done / total;
                if (percent / 10 != lastPercent / 10) {
                    System.err.printf(Locale.ROOT, "simulate: %d%% (%s)%n", percent, message);
                    lastPercent = percent;
                }
            }

            @Override
            public boolean isCancelled() {
                return Thread.currentThread().isInterrupted();
            }
        });
        for (Path p : r.segments()) {
            out.println(p);
        }
        for (Path p : r.references()) {
            out.println(p);
        }
        out.printf(Locale.ROOT, "%s: %d integrations x %d groups, %s, %d segment(s), %.1f MB in %.1f s (%d threads)%n",
                sc.name(), sc.run().nInts(), sc.run().nGroups(), sc.run().geometry().subarrayName(),
                r.segments().size(), r.bytes() / 1e6, r.seconds(), threads);
        return CommandLine.EXIT_OK;
    }

    private static String value(List<String> args, int k, String option) throws UsageException {
        if (k >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(k);
    }

    private static int positive(String v, String option) throws UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new UsageException(option + " must be at least 1, not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, not '" + v + "'");
        }
    }

    private static long parseLong(String v, String option) throws UsageException {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, not '" + v + "'");
        }
    }
}
