package org.tsoinspector.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tsoinspector.analysis.RampFit;
import org.tsoinspector.analysis.RampSegment;
import org.tsoinspector.analysis.Staged;
import org.tsoinspector.model.DqFlag;

/**
 * The notebook's up-the-ramp figure: a pixel's samples against group number with the best-fit line,
 * and the residuals in a panel beneath sharing the group axis. Groups with group DQ set are
 * marked with a square and their flag names.
 */
public final class RampCharts {

    private static final Font FLAG_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    /** ramp_fit's segments: wider than the samples' lines they run along, so they show over them. */
    private static final BasicStroke SEGMENT_LINE = new BasicStroke(3f);

    private RampCharts() {
    }

    /** The figure for one pixel (or box) at one or more stages. */
    public static Figure upTheRamp(String title, List<Staged<RampFit>> fits) {
        return upTheRamp(title, fits, List.of(), List.of());
    }

    /**
     * The figure for one pixel (or box) at one or more stages, each stage on its own counts axis (raw
     * sits ~13,000 DN above a calibrated ramp: on one axis both slopes look flat), and the ramps of
     * pinned pixels drawn thin on the later stage's axis.
     *
     * @param pinned   ramps of other pixels at the later stage, labelled by their stage field ("pixel (3, 4)")
     * @param segments ramp_fit's segments of the last stage's ramp (after jump), each drawn with its own slope
     *                 through the mean of its samples; empty when the rates are not made
     */
    public static Figure upTheRamp(String title, List<Staged<RampFit>> fits, List<Staged<RampFit>> pinned,
            List<RampSegment> segments) {
        if (fits.isEmpty()) {
            throw new IllegalArgumentException("no ramp to plot");
        }
        NumberAxis groups = ChartStyle.axis("Group number");
        groups.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(groups);
        combined.setGap(8);
        combined.add(samplesPlot(fits, pinned, segments), 3);
        combined.add(residualPlot(fits, segments), 1);
        ChartStyle.style(combined);
        return Figure.of("ramp", ChartStyle.chart(title, combined, true));
    }

    private static XYPlot samplesPlot(List<Staged<RampFit>> fits, List<Staged<RampFit>> pinned,
            List<RampSegment> segments) {
        XYPlot plot = null;
        for (int s = 0; s < fits.size(); s++) {
            RampFit f = fits.get(s).value();
            String stage = fits.get(s).stage();
            Color c = ChartStyle.stageColor(s);
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer r = ChartStyle.lines(true, true);
            int k = 0;
            data.addSeries(series(stage + ": samples up the ramp", f.groupNumbers(), f.samples()));
            ChartStyle.seriesLook(r, k++, c, ChartStyle.LINE, true, true);
            if (!fittedBySegments(s, fits, segments)) { // where ramp_fit's segments are drawn, one line through a jump would mislead
                data.addSeries(series(stage + ": best-fit line", f.groupNumbers(), f.fitted()));
                ChartStyle.seriesLook(r, k++, s == 0 ? ChartStyle.FIT_COLOR : c.darker(), ChartStyle.DASHED, true,
                        false);
            }
            XYSeries flagged = new XYSeries(stage + ": group DQ set", false, true);
            for (int g = 0; g < f.samples().length; g++) {
                if (f.groupDq()[g] != 0) {
                    flagged.add(f.groupNumbers()[g], f.samples()[g]);
                    XYTextAnnotation label = new XYTextAnnotation(
                            DqFlag.describe(DqFlag.decodeGroup(f.groupDq()[g])), f.groupNumbers()[g],
                            f.samples()[g]);
                    label.setFont(FLAG_FONT);
                    // labels of the later groups extend leftwards so they stay inside the plot
                    label.setTextAnchor(2 * g < f.samples().length ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
                    label.setPaint(ChartStyle.FIT_COLOR);
                    r.addAnnotation(label); // on this stage's renderer, so it sits on this stage's axis
                }
            }
            if (flagged.getItemCount() > 0) {
                data.addSeries(flagged);
                ChartStyle.seriesLook(r, k, ChartStyle.FIT_COLOR, ChartStyle.LINE, false, true);
                r.setSeriesShape(k, ChartStyle.FLAG_MARK);
                r.setSeriesShapesFilled(k++, false);
            }
            if (s == fits.size() - 1) {
                for (int q = 0; q < segments.size(); q++) {
                    data.addSeries(segmentLine(stage + ": ramp_fit segment " + (q + 1), f, segments.get(q)));
                    ChartStyle.seriesLook(r, k++, Color.BLACK, SEGMENT_LINE, true, false);
                }
                // pinned colours from tab10 purple on: blue and orange are the stages, red the first fit line
                for (int p = 0; p < pinned.size(); p++) {
                    RampFit pf = pinned.get(p).value();
                    data.addSeries(series(pinned.get(p).stage() + " (" + stage + ")", pf.groupNumbers(),
                            pf.samples()));
                    ChartStyle.seriesLook(r, k, ChartStyle.SERIES_COLORS[(p + 4) % ChartStyle.SERIES_COLORS.length],
                            ChartStyle.THIN, true, true);
                    r.setSeriesShape(k++, ChartStyle.MARKERS[(p + 1) % ChartStyle.MARKERS.length]);
                }
            }
            NumberAxis counts = ChartStyle.axis(fits.size() == 1 ? "Counts" : stage + " (DN)");
            counts.setUpperMargin(0.15); // room above the top sample for its flag names
            if (fits.size() > 1) {
                // two axis labels on a short plot: the tick font keeps "after superbias (DN)" whole
                counts.setLabelPaint(c);
                counts.setLabelFont(ChartStyle.TICK_FONT);
            }
            if (plot == null) {
                plot = ChartStyle.xyPlot(data, null, counts, r);
            } else {
                plot.setDataset(s, data);
                plot.setRenderer(s, r);
                plot.setRangeAxis(s, counts);
                plot.mapDatasetToRangeAxis(s, s);
            }
        }
        // the later stages on top: the stages' curves, each on its own axis, often coincide, and the
        // last stage carries ramp_fit's segments
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return plot;
    }

    /** True for the stage ramp_fit's segments belong to: the last, when there are segments. */
    private static boolean fittedBySegments(int stage, List<Staged<RampFit>> fits, List<RampSegment> segments) {
        return stage == fits.size() - 1 && !segments.isEmpty();
    }

    /**
     * A segment's line: ramp_fit's slope (per group) through the mean of the segment's samples, over its
     * groups, so each run between jumps shows the slope the step found there.
     */
    private static XYSeries segmentLine(String key, RampFit f, RampSegment seg) {
        XYSeries line = new XYSeries(key, false, true);
        double x0 = f.groupNumbers()[seg.from()] - (seg.length() == 1 ? 0.3 : 0);
        double x1 = f.groupNumbers()[seg.from() + seg.length() - 1] + (seg.length() == 1 ? 0.3 : 0);
        line.add(x0, onSegment(f, seg, x0));
        line.add(x1, onSegment(f, seg, x1));
        return line;
    }

    /** The segment's line at group number x: its slope through the mean of its samples. */
    private static double onSegment(RampFit f, RampSegment seg, double x) {
        double sx = 0;
        double sy = 0;
        for (int g = seg.from(); g < seg.from() + seg.length(); g++) {
            sx += f.groupNumbers()[g];
            sy += f.samples()[g];
        }
        return sy / seg.length() + seg.slopePerGroup() * (x - sx / seg.length());
    }

    /** Each sample less the line of the segment it is in; NaN for groups in none (flagged, left out). */
    private static double[] segmentResiduals(RampFit f, List<RampSegment> segments) {
        double[] out = new double[f.samples().length];
        Arrays.fill(out, Double.NaN);
        for (RampSegment seg : segments) {
            for (int g = seg.from(); g < seg.from() + seg.length(); g++) {
                out[g] = f.samples()[g] - onSegment(f, seg, f.groupNumbers()[g]);
            }
        }
        return out;
    }

    private static XYPlot residualPlot(List<Staged<RampFit>> fits, List<RampSegment> segments) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = ChartStyle.lines(true, true);
        for (int s = 0; s < fits.size(); s++) {
            RampFit f = fits.get(s).value();
            String stage = fits.get(s).stage();
            if (fittedBySegments(s, fits, segments)) {
                data.addSeries(series(stage + ": counts - ramp_fit segments", f.groupNumbers(),
                        segmentResiduals(f, segments)));
            } else {
                data.addSeries(series(stage + ": counts - best-fit line", f.groupNumbers(), f.residuals()));
            }
            ChartStyle.seriesLook(r, s, ChartStyle.stageColor(s), ChartStyle.LINE, true, true);
        }
        NumberAxis residual = ChartStyle.axis("Residual");
        residual.setLabelFont(ChartStyle.TICK_FONT); // a quarter of the figure's height: a short label, whole
        XYPlot plot = ChartStyle.xyPlot(data, null, residual, r);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, ChartStyle.DASHED));
        return plot;
    }

    private static XYSeries series(String key, double[] x, double[] y) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], Double.isFinite(y[i]) ? y[i] : null);
        }
        return s;
    }
}
