package org.tsoinspector.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.tsoinspector.analysis.ProfileAxis;
import org.tsoinspector.inspect.CompareMode;
import org.tsoinspector.inspect.DisplaySettings;
import org.tsoinspector.inspect.FrameRequest;
import org.tsoinspector.inspect.Inspection;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.inspect.RampStage;
import org.tsoinspector.inspect.StepConfiguration;
import org.tsoinspector.model.ProgressMonitor;
import org.tsoinspector.model.StepName;
import org.tsoinspector.render.PlotKind;

/**
 * What a user of the window feels, measured headless through the inspection the window uses: each
 * figure is a change the window makes (a toggle, a stage, a group or integration moved, another
 * exposure opened) up to the frame answer it paints. The start and the long session run in child JVMs,
 * so that the process's start-up and resident memory are the window's own and not the benchmark's.
 */
final class WindowBench {

    private static final int TRIALS = 9;
    /** User actions in the scripted session (the issue asks for at least 300). */
    static final int SESSION_ACTIONS = 320;

    private final Path segment;
    private final Path refs;

    WindowBench(Path segment, Path refs) {
        this.segment = segment;
        this.refs = refs;
    }

    /** Every figure, in milliseconds or megabytes, by its JSON key. */
    Map<String, Object> measure(Path work) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("start_ms", BenchCommand.median(child("start", work, TRIALS).stream().mapToDouble(m -> m.get("start_ms")).toArray()));
        Inspection s = open();
        try {
            r.putAll(interactions(s));
        } finally {
            s.close();
        }
        double[] second = new double[TRIALS];
        Inspection shown = open();
        for (int k = 0; k < TRIALS; k++) {
            long t0 = System.nanoTime();
            Inspection next = open();
            next.frame(request(RampStage.RAW, 0, 0), ProgressMonitor.NONE);
            second[k] = (System.nanoTime() - t0) / 1e6;
            shown.close();
            shown = next;
        }
        shown.close();
        r.put("open_second_ms", BenchCommand.median(second));
        Map<String, Double> session = child("session", work, 1).get(0);
        for (String key : List.of("session_rss_half_mb", "session_heap_half_mb", "session_rss_mb", "session_heap_mb",
                "session_actions")) {
            r.put(key, session.get(key));
        }
        return r;
    }

    private Inspection open() throws Exception {
        return Inspection.open(List.of(segment), refs, StepConfiguration.DEFAULTS, ProgressMonitor.NONE);
    }

    static FrameRequest request(RampStage a, int integration, int group) {
        return new FrameRequest(a, RampStage.RAW, CompareMode.SINGLE, true, false, integration, group,
                DisplaySettings.DEFAULT, Set.of(), Set.of());
    }

    /** Toggle, stage switch, group and integration moves, each on integrations the engine has not seen. */
    private static Map<String, Object> interactions(Inspection s) throws Exception {
        RampStage last = RampStage.after(StepName.LINEARITY);
        int n = s.integrationCount();
        int next = 0;
        double[] toggleMiddle = new double[2 * TRIALS];
        double[] toggleLast = new double[2 * TRIALS];
        double[] stage = new double[2 * TRIALS];
        double[] group = new double[TRIALS];
        double[] integration = new double[TRIALS];
        for (int k = 0; k < TRIALS; k++) {
            int i = next++ % n;
            s.frame(request(last, i, s.groupCount() - 1), ProgressMonitor.NONE);
            toggleMiddle[2 * k] = toggle(s, StepName.SUPERBIAS, false, last, i);
            toggleMiddle[2 * k + 1] = toggle(s, StepName.SUPERBIAS, true, last, i);
            toggleLast[2 * k] = toggle(s, StepName.LINEARITY, false, last, i);
            toggleLast[2 * k + 1] = toggle(s, StepName.LINEARITY, true, last, i);
            int j = next++ % n;
            s.frame(request(RampStage.RAW, j, 0), ProgressMonitor.NONE);
            stage[2 * k] = frameMs(s, request(last, j, 0));
            stage[2 * k + 1] = frameMs(s, request(RampStage.RAW, j, 0));
            group[k] = frameMs(s, request(last, j, 1));
            integration[k] = frameMs(s, request(last, next++ % n, 1));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("toggle_step_ms", BenchCommand.median(toggleMiddle));
        r.put("toggle_last_step_ms", BenchCommand.median(toggleLast));
        r.put("switch_stage_ms", BenchCommand.median(stage));
        r.put("move_group_ms", BenchCommand.median(group));
        r.put("move_integration_ms", BenchCommand.median(integration));
        return r;
    }

    /** The window's toggle: a new inspection of the new configuration, then its frame. */
    private static double toggle(Inspection s, StepName step, boolean on, RampStage stage, int integration)
            throws Exception {
        long t0 = System.nanoTime();
        Inspection changed = s.configure(s.askedConfiguration().withStep(step, on));
        changed.frame(request(stage, integration, changed.groupCount() - 1), ProgressMonitor.NONE);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double frameMs(Inspection s, FrameRequest r) throws Exception {
        long t0 = System.nanoTime();
        s.frame(r, ProgressMonitor.NONE);
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Runs this class in a child JVM (same class path) {@code runs} times; each prints key=value lines. */
    private List<Map<String, Double>> child(String mode, Path work, int runs) throws Exception {
        List<Map<String, Double>> out = new ArrayList<>();
        for (int k = 0; k < runs; k++) {
            // the session runs in the JVM the window runs in; the start is launched as the user launches
            // the window, in a plain JVM that starts that one (Main does the same)
            List<String> probe = List.of(mode, segment.toString(), refs.toString(), work.toString());
            List<String> command = WindowJvm.command(WindowBench.class.getName(), probe);
            if (mode.equals("start")) {
                command = new ArrayList<>(List.of(command.get(0), "-cp", System.getProperty("java.class.path"),
                        WindowBench.class.getName()));
                command.addAll(probe);
            }
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.redirectErrorStream(true);
            long t0 = System.nanoTime();
            Process p = pb.start();
            Map<String, Double> values = new LinkedHashMap<>();
            StringBuilder text = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    text.append(line).append('\n');
                    if (line.equals("first-frame")) {
                        values.put("start_ms", (System.nanoTime() - t0) / 1e6);
                    }
                    int eq = line.indexOf('=');
                    if (eq > 0 && line.matches("[a-z_]+=[-0-9.eE]+")) {
                        values.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
                    }
                }
            }
            if (p.waitFor() != 0) {
                throw new IOException("the " + mode + " probe failed: " + text.toString().strip());
            }
            out.add(values);
        }
        return out;
    }

    /**
     * The child JVM. "start": opens the segment and answers the first frame request, as the window does
     * on start, and says so the moment the frame is made. "session": a scripted session of user actions,
     * printing resident memory and live heap after half and after all of them.
     */
    public static void main(String[] args) throws Exception {
        if (!WindowJvm.isBounded()) {
            System.exit(WindowJvm.run(WindowJvm.command(WindowBench.class.getName(), List.of(args))));
        }
        Path segment = Path.of(args[1]);
        Path refs = Path.of(args[2]);
        Path work = Path.of(args[3]);
        Inspection s = Inspection.open(List.of(segment), refs, StepConfiguration.DEFAULTS, ProgressMonitor.NONE);
        if (args[0].equals("start")) {
            s.frame(request(RampStage.RAW, 0, 0), ProgressMonitor.NONE);
            System.out.println("first-frame");
            return;
        }
        Random rnd = new Random(15);
        RampStage[] stages = RampStage.all().toArray(new RampStage[0]);
        RampStage a = RampStage.RAW;
        int integration = 0;
        int group = 0;
        for (int action = 1; action <= SESSION_ACTIONS; action++) {
            switch (rnd.nextInt(10)) {
                case 0 -> {
                    StepName step = StepName.values()[rnd.nextInt(StepName.DEFAULT_STEPS.size())];
                    s = s.configure(s.askedConfiguration().withStep(step, !s.askedConfiguration().settings()
                            .isEnabled(step)));
                }
                case 1 -> a = stages[rnd.nextInt(stages.length)];
                case 2, 3 -> integration = (integration + 1) % s.integrationCount();
                case 4, 5 -> group = (group + 1) % s.groupCount();
                case 6 -> s = s.configure(s.askedConfiguration().withParameter("saturation.n_pix_grow_sat="
                        + rnd.nextInt(3)));
                case 7 -> s.plot(PlotRequest.of(PlotKind.PROFILE).withIntegration(integration + 1)
                        .withProfile(ProfileAxis.COLUMN, rnd.nextInt(s.metadata().nx())), ProgressMonitor.NONE)
                        .writePng(work.resolve("profile.png"), 1200, 500);
                default -> {
                    // every tenth action or so: the whole-segment plots and an export of their numbers
                    PlotKind kind = new PlotKind[] {PlotKind.RATIO, PlotKind.LIGHTCURVE, PlotKind.DQ}[action % 3];
                    s.plot(PlotRequest.of(kind).withStages(RampStage.after(StepName.REFPIX),
                            RampStage.after(StepName.LINEARITY)), ProgressMonitor.NONE).writeCsv(work.resolve("w.csv"));
                }
            }
            s.frame(new FrameRequest(a, RampStage.RAW, CompareMode.SINGLE, true, false, integration, group,
                    DisplaySettings.DEFAULT, Set.of(), Set.of()), ProgressMonitor.NONE);
            if (action == SESSION_ACTIONS / 2 || action == SESSION_ACTIONS) {
                String suffix = action == SESSION_ACTIONS ? "" : "_half";
                // after a collection, so that both say what the session keeps, not how much garbage it left
                double heap = liveHeapMb();
                System.out.println("session_rss" + suffix + "_mb=" + residentMb());
                System.out.println("session_heap" + suffix + "_mb=" + heap);
            }
        }
        System.out.println("session_actions=" + SESSION_ACTIONS);
        s.close();
    }

    /** VmRSS of this process (Linux), in MB; NaN elsewhere. */
    private static double residentMb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return Double.NaN;
    }

    /** The heap in use after a full collection: what the session keeps alive. */
    private static double liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }
}
