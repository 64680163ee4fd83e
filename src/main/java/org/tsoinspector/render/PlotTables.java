package org.tsoinspector.render;

import java.util.List;
import org.tsoinspector.analysis.BinAxis;
import org.tsoinspector.analysis.DqSummary;
import org.tsoinspector.analysis.GroupRatioHistogram;
import org.tsoinspector.analysis.LightCurve;
import org.tsoinspector.analysis.PixelMask;
import org.tsoinspector.analysis.Profile;
import org.tsoinspector.analysis.RampFit;
import org.tsoinspector.analysis.Staged;
import org.tsoinspector.model.DqFlag;

/** The data behind each plot as a CSV table: what a user exports to redo the plot elsewhere. */
public final class PlotTables {

    private PlotTables() {
    }

    /** One row per pixel: row, column, value (NaN written as "nan"). */
    public static CsvTable frame(float[] frame, int ny, int nx) {
        CsvTable t = new CsvTable("row", "column", "value");
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                t.row(y, x, (double) frame[y * nx + x]);
            }
        }
        return t;
    }

    /** The set pixels of a mask: row, column. */
    public static CsvTable mask(PixelMask m) {
        CsvTable t = new CsvTable("row", "column");
        for (int y = 0; y < m.ny(); y++) {
            for (int x = 0; x < m.nx(); x++) {
                if (m.get(y, x)) {
                    t.row(y, x);
                }
            }
        }
        return t;
    }

    /** Index along the profile, then per stage the value and the median-subtracted value. */
    public static CsvTable profiles(List<Staged<Profile>> profiles) {
        String[] cols = new String[1 + 2 * profiles.size()];
        cols[0] = profiles.get(0).value().axis().alongLabel().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
        for (int s = 0; s < profiles.size(); s++) {
            cols[1 + 2 * s] = profiles.get(s).stage();
            cols[2 + 2 * s] = profiles.get(s).stage() + " - median";
        }
        CsvTable t = new CsvTable(cols);
        int n = profiles.get(0).value().length();
        for (int i = 0; i < n; i++) {
            Object[] row = new Object[cols.length];
            row[0] = i;
            for (int s = 0; s < profiles.size(); s++) {
                Profile p = profiles.get(s).value();
                row[1 + 2 * s] = p.values()[i];
                row[2 + 2 * s] = p.values()[i] - p.median();
            }
            t.row(row);
        }
        return t;
    }

    /** Per stage and group: sample, fitted line, residual, group DQ and whether it entered the fit. */
    public static CsvTable ramps(List<Staged<RampFit>> fits) {
        CsvTable t = new CsvTable("stage", "group", "sample", "fit", "residual", "group_dq", "flags", "used_in_fit",
                "slope", "intercept");
        for (Staged<RampFit> s : fits) {
            RampFit f = s.value();
            double[] fitted = f.fitted();
            for (int g = 0; g < f.samples().length; g++) {
                t.row(s.stage(), (int) f.groupNumbers()[g], f.samples()[g], fitted[g], f.residuals()[g],
                        f.groupDq()[g], DqFlag.describe(DqFlag.decodeGroup(f.groupDq()[g])), f.used()[g], f.slope(),
                        f.intercept());
            }
        }
        return t;
    }

    /** The non-empty cells of each stage's histogram, then each stage's binned median. */
    public static CsvTable ratio(List<Staged<GroupRatioHistogram>> stages) {
        CsvTable t = new CsvTable("stage", "fluence_low", "fluence_high", "ratio_low", "ratio_high", "count",
                "median_ratio");
        for (Staged<GroupRatioHistogram> s : stages) {
            GroupRatioHistogram h = s.value();
            BinAxis fa = h.spec().fluence();
            BinAxis ra = h.spec().ratio();
            double[] median = h.medianCurve(RatioCharts.MEDIAN_MIN_POINTS);
            for (int f = 0; f < fa.bins(); f++) {
                for (int r = 0; r < ra.bins(); r++) {
                    long c = h.count(f, r);
                    if (c > 0) {
                        t.row(s.stage(), fa.lowerEdge(f), fa.upperEdge(f), ra.lowerEdge(r), ra.upperEdge(r), c,
                                median[f]);
                    }
                }
            }
        }
        return t;
    }

    /** Counts per flag, then saturated pixels per integration and group. */
    public static CsvTable dq(DqSummary s) {
        CsvTable t = new CsvTable("what", "flag_or_integration", "group", "count");
        for (DqFlag f : DqFlag.values()) {
            t.row("pixel_dq", f.name(), "", s.pixelCount(f));
        }
        for (DqFlag f : DqFlag.values()) {
            if (f.isGroupFlag()) {
                t.row("group_dq", f.name(), "", s.groupCount(f));
            }
        }
        for (int i = 0; i < s.integrationNumbers().length; i++) {
            for (int g = 0; g < s.nGroups(); g++) {
                t.row("saturated", s.integrationNumbers()[i], g + 1, s.saturatedPerGroup()[i][g]);
            }
        }
        return t;
    }

    /** Per stage and integration: time, summed flux and flux over its median. */
    public static CsvTable lightCurves(List<Staged<LightCurve>> curves) {
        CsvTable t = new CsvTable("stage", "integration", "bjd_tdb_mid", "flux", "relative_flux");
        for (Staged<LightCurve> s : curves) {
            LightCurve c = s.value();
            double[] rel = c.normalized();
            for (int i = 0; i < c.size(); i++) {
                t.row(s.stage(), c.integrationNumbers()[i], c.timesBjd()[i], c.flux()[i], rel[i]);
            }
        }
        return t;
    }
}
