package org.tsoinspector.cli;

import java.nio.file.Path;
import java.util.List;
import org.tsoinspector.inspect.StepConfiguration;
import org.tsoinspector.model.SaturationMark;
import org.tsoinspector.model.StepName;

/**
 * The options that set up the steps, shared by calibrate and plot, as the window's step list sets
 * them: reference files named directly ({@code --mask F --saturation F --superbias F --linearity F}) or
 * a folder to search first ({@code --refs DIR}); parameters with the reference pipeline's names
 * ({@code --param STEP.NAME=VALUE}, plus saturation.threshold_scale); and groups marked saturated by
 * hand ({@code --mark X,Y[,FIRST_GROUP[,INT]]}, {@code --mark-region X0,Y0,X1,Y1[,FIRST_GROUP[,INT]]}).
 */
final class StepOptions {

    static final String USAGE = "[--mask F] [--saturation F] [--superbias F] [--linearity F] [--dark F] [--gain F]"
            + " [--readnoise F] [--refs DIR]"
            + " [--param STEP.NAME=VALUE ...] [--mark X,Y[,FIRST_GROUP[,INT]] ...]"
            + " [--mark-region X0,Y0,X1,Y1[,FIRST_GROUP[,INT]] ...]";

    static final String HELP = "                          --mark, --mark-region: SATURATED by hand from FIRST_GROUP"
            + " (from 1, default 1) on, in integration number INT (as INT_TIMES numbers it, default every one);"
            + " X, Y from 0, inclusive";

    private StepConfiguration configuration = StepConfiguration.DEFAULTS;
    private Path refsDir;

    /**
     * Consumes the option at {@code args[i]} when it is one of these.
     *
     * @return the index after the option and its value, or i when it is not one of these
     */
    int consume(List<String> args, int i) throws UsageException {
        String a = args.get(i);
        StepName step = switch (a) {
            case "--mask" -> StepName.DQ_INIT;
            case "--saturation" -> StepName.SATURATION;
            case "--superbias" -> StepName.SUPERBIAS;
            case "--linearity" -> StepName.LINEARITY;
            case "--dark" -> StepName.DARK_CURRENT;
            case "--gain" -> StepName.JUMP;
            case "--readnoise" -> StepName.RAMP_FIT;
            default -> null;
        };
        if (step == null && !List.of("--refs", "--param", "--mark", "--mark-region").contains(a)) {
            return i;
        }
        String v = Arguments.value(args, i);
        switch (a) {
            case "--refs" -> refsDir = Path.of(v);
            case "--param" -> {
                try {
                    configuration = configuration.withParameter(v);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--param " + e.getMessage());
                }
            }
            case "--mark" -> configuration = configuration.withMark(mark(a, v, 2));
            case "--mark-region" -> configuration = configuration.withMark(mark(a, v, 4));
            default -> configuration = configuration.withReference(step, Path.of(v));
        }
        return i + 2;
    }

    /** The steps' configuration (all switched on; the command chooses which run). */
    StepConfiguration configuration() {
        return configuration;
    }

    /** The folder to search first, or null. */
    Path refsDir() {
        return refsDir;
    }

    /** X,Y or X0,Y0,X1,Y1 (corners), then the optional first group and integration, both from 1. */
    private static SaturationMark mark(String option, String v, int corners) throws UsageException {
        String form = option + " needs " + (corners == 2 ? "X,Y" : "X0,Y0,X1,Y1") + "[,FIRST_GROUP[,INT]], not '"
                + v + "'";
        String[] p = v.split(",", -1);
        if (p.length < corners || p.length > corners + 2) {
            throw new UsageException(form);
        }
        int[] c = new int[corners];
        for (int k = 0; k < corners; k++) {
            c[k] = Arguments.integer(option, p[k]);
            if (c[k] < 0) {
                throw new UsageException(form + ": pixels count from 0");
            }
        }
        int firstGroup = p.length > corners ? Arguments.integer(option, p[corners]) : 1;
        int integration = p.length > corners + 1 ? Arguments.integer(option, p[corners + 1]) : 0;
        if (firstGroup < 1 || p.length > corners + 1 && integration < 1) {
            throw new UsageException(form + ": groups and integrations count from 1");
        }
        int x1 = corners == 2 ? c[0] : c[2];
        int y1 = corners == 2 ? c[1] : c[3];
        if (x1 < c[0] || y1 < c[1]) {
            throw new UsageException(form + ": X1 and Y1 must not be less than X0 and Y0");
        }
        return new SaturationMark(integration - 1, c[0], c[1], x1, y1, firstGroup - 1);
    }
}
