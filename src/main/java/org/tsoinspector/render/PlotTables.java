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

import static org.tsoinspector.render.DataTable.column;

/** The data behind each plot as a CSV table: what a user exports to redo the plot elsewhere. */
public final class PlotTables {

    /** Data numbers, quoted: VOUnits has no DN, and a quoted unit is how it names a unit of its own. */
    private static final String DN = "'DN'";
    private static final DataTable.Column ROW = column("row", "pixel", "row of the frame as stored, from 0");
    private static final DataTable.Column COLUMN = column("column", "pixel", "column of the frame as stored, from 0");
    private static final DataTable.Column STAGE = column("stage", "", "the calibration stage the values are from");

    private PlotTables() {
    }

    /** One row per pixel: row, column, value (NaN written as "nan"). */
    public static DataTable frame(float[] frame, int ny, int nx) {
        return frame(frame, ny, nx, DN);
    }

    /**
     * As {@link #frame(float[], int, int)} for an image in another unit ("'DN'/s" for a rate, "" for DQ).
     * The table reads the frame when it is read (it holds no copy): the frame must not change after.
     */
    public static DataTable frame(float[] frame, int ny, int nx, String unit) {
        return new DataTable(new DataTable.Cells() {
            @Override
            public int rowCount() {
                return ny * nx;
            }

            @Override
            public Object value(int row, int col) {
                return col == 0 ? row / nx : col == 1 ? row % nx : (Object) (double) frame[row];
            }
        }, ROW, COLUMN, column("value", unit, "the image's value at this pixel"));
    }

    /** The set pixels of a mask: row, column. */
    public static DataTable mask(PixelMask m) {
        int nx = m.nx();
        boolean[] mask = m.set();
        int[] set = new int[m.count()]; // frame indices of the set pixels, in row order
        int k = 0;
        for (int p = 0; p < mask.length; p++) {
            if (mask[p]) {
                set[k++] = p;
            }
        }
        return new DataTable(new DataTable.Cells() {
            @Override
            public int rowCount() {
                return set.length;
            }

            @Override
            public Object value(int row, int col) {
                return col == 0 ? set[row] / nx : set[row] % nx;
            }
        }, ROW, COLUMN);
    }

    /** Index along the profile, then per stage the value and the median-subtracted value. */
    public static DataTable profiles(List<Staged<Profile>> profiles) {
        DataTable.Column[] cols = new DataTable.Column[1 + 2 * profiles.size()];
        String along = profiles.get(0).value().axis().alongLabel();
        cols[0] = column(along.toLowerCase(java.util.Locale.ROOT).replace(' ', '_'), "pixel",
                along + " along the profile, from 0");
        for (int s = 0; s < profiles.size(); s++) {
            String stage = profiles.get(s).stage();
            cols[1 + 2 * s] = column(stage, DN, "the profile (" + stage + ")");
            cols[2 + 2 * s] = column(stage + " - median", DN, "the profile (" + stage + ") minus its median");
        }
        DataTable t = new DataTable(cols);
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
    public static DataTable ramps(List<Staged<RampFit>> fits) {
        DataTable t = new DataTable(STAGE, column("group", "", "group number, from 1"),
                column("sample", DN, "the pixel's value in this group"),
                column("fit", DN, "the straight line fitted to the groups used"),
                column("residual", DN, "sample minus fit"), column("group_dq", "", "the group's DQ bits"),
                column("flags", "", "the group DQ bits by name"),
                column("used_in_fit", "", "whether the group entered the fit"),
                column("slope", DN + "/'group'", "the fitted line's slope"),
                column("intercept", DN, "the fitted line's value at group 1"));
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
    public static DataTable ratio(List<Staged<GroupRatioHistogram>> stages) {
        DataTable t = new DataTable(STAGE, column("fluence_low", DN, "lower edge of the fluence bin"),
                column("fluence_high", DN, "upper edge of the fluence bin"),
                column("ratio_low", "", "lower edge of the ratio bin"),
                column("ratio_high", "", "upper edge of the ratio bin"),
                column("count", "", "pixels and integrations in this cell"),
                column("median_ratio", "", "median ratio of the fluence bin (nan where too few points)"),
                column("ratio_scatter", "", "robust sigma of one point's ratio in the fluence bin (nan: wider than"
                        + " the axis)"));
        for (Staged<GroupRatioHistogram> s : stages) {
            GroupRatioHistogram h = s.value();
            BinAxis fa = h.spec().fluence();
            BinAxis ra = h.spec().ratio();
            double[] median = h.medianCurve(RatioCharts.MEDIAN_MIN_POINTS);
            double[] scatter = h.scatterCurve(RatioCharts.MEDIAN_MIN_POINTS);
            for (int f = 0; f < fa.bins(); f++) {
                for (int r = 0; r < ra.bins(); r++) {
                    long c = h.count(f, r);
                    if (c > 0) {
                        t.row(s.stage(), fa.lowerEdge(f), fa.upperEdge(f), ra.lowerEdge(r), ra.upperEdge(r), c,
                                median[f], scatter[f]);
                    }
                }
            }
        }
        return t;
    }

    /** Counts per flag, then saturated pixels per integration and group. */
    public static DataTable dq(DqSummary s) {
        DataTable t = new DataTable(column("what", "", "pixel_dq, group_dq or saturated"),
                column("flag_or_integration", "", "the DQ flag counted, or the integration number (from 1)"),
                column("group", "", "group number, from 1 (saturated rows only)"),
                column("count", "pixel", "pixels (pixel_dq, saturated) or samples (group_dq)"));
        for (DqFlag f : DqFlag.values()) {
            t.row("pixel_dq", f.name(), null, s.pixelCount(f));
        }
        for (DqFlag f : DqFlag.values()) {
            if (f.isGroupFlag()) {
                t.row("group_dq", f.name(), null, s.groupCount(f));
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
    public static DataTable lightCurves(List<Staged<LightCurve>> curves) {
        DataTable t = new DataTable(STAGE, column("integration", "", "integration number in the exposure, from 1"),
                column("bjd_tdb_mid", "d", "mid-integration time, barycentric Julian date (TDB)"),
                column("flux", DN, "the measure summed over the region"),
                column("relative_flux", "", "flux over its median"));
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
