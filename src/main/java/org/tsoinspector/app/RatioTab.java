package org.tsoinspector.app;

import java.math.BigDecimal;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import org.tsoinspector.analysis.BinAxis;
import org.tsoinspector.analysis.GroupPairs;
import org.tsoinspector.analysis.RatioHistogramSpec;
import org.tsoinspector.inspect.PlotRequest;
import org.tsoinspector.render.PlotKind;

/**
 * The linearity check over the whole segment: (last pair difference) / (first pair difference)
 * against fluence as a density, at stages A and B (the notebook: before and after linearity). The
 * pairs and the axis ranges are chosen here; integrations stream through, nothing is kept.
 */
final class RatioTab extends PlotTab {

    private final Spinner<Integer> firstA = groupSpinner(1);
    private final Spinner<Integer> firstB = groupSpinner(2);
    private final Spinner<Integer> lastA = groupSpinner(0);
    private final Spinner<Integer> lastB = groupSpinner(0);
    private final TextField fluenceMin = number("10");
    private final TextField fluenceMax = number("100000");
    private final TextField ratioMin = number("0.5");
    private final TextField ratioMax = number("1.5");
    private final StagePairChoice stages = new StagePairChoice("ratio-stages");

    RatioTab() {
        super("Ratio", true);
        addControls(stages, new Label("  groups (from 1): last pair"), lastA, lastB, new Label("/ first pair"),
                firstA, firstB, new Label("  fluence"), fluenceMin, new Label("to"), fluenceMax,
                new Label("  ratio"), ratioMin, new Label("to"), ratioMax);
        lastA.setId("ratio-last-a");
        lastB.setId("ratio-last-b");
        firstA.setId("ratio-first-a");
        firstB.setId("ratio-first-b");
        ratioMin.setId("ratio-min");
        ratioMax.setId("ratio-max");
        for (Spinner<Integer> s : List.of(firstA, firstB, lastA, lastB)) {
            s.valueProperty().addListener((o, was, now) -> fitRatioAxis());
        }
    }

    /**
     * New pairs get the ratio axis around what a linear ramp gives them (0.5 to 1.5 times it): pairs of
     * unequal spans would otherwise fall outside 0.5 to 1.5. Incomplete pairs leave the axis alone.
     */
    private void fitRatioAxis() {
        try {
            BinAxis ratio = RatioHistogramSpec.of(new GroupPairs(firstA.getValue() - 1, firstB.getValue() - 1,
                    lastA.getValue() - 1, lastB.getValue() - 1, Math.max(0, lastB.getValue() - 1))).ratio();
            ratioMin.setText(BigDecimal.valueOf(ratio.min()).stripTrailingZeros().toPlainString());
            ratioMax.setText(BigDecimal.valueOf(ratio.max()).stripTrailingZeros().toPlainString());
        } catch (IllegalArgumentException incomplete) {
            // a group still 0 or a pair of one group: wait for the user to finish
        }
    }

    private static Spinner<Integer> groupSpinner(int v) {
        Spinner<Integer> s = new Spinner<>(0, 999, v);
        s.setEditable(true);
        s.setPrefWidth(70);
        return s;
    }

    private static TextField number(String v) {
        TextField t = new TextField(v);
        t.setPrefColumnCount(6);
        return t;
    }

    /** Defaults for an exposure: the notebook's last two over first two groups (0 = not yet set). */
    void setGroups(int nGroups) {
        firstA.getValueFactory().setValue(1);
        firstB.getValueFactory().setValue(2);
        lastA.getValueFactory().setValue(Math.max(1, nGroups - 1));
        lastB.getValueFactory().setValue(nGroups);
    }

    @Override
    void reset(PlotContext c) {
        setGroups(c.inspection().groupCount());
        stages.reset(c.inspection());
    }

    @Override
    PlotRequest request(PlotContext c) {
        int nGroups = c.inspection().groupCount();
        double[] r = new double[4];
        TextField[] fields = {fluenceMin, fluenceMax, ratioMin, ratioMax};
        for (int k = 0; k < 4; k++) {
            try {
                r[k] = Double.parseDouble(fields[k].getText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the axis limit '" + fields[k].getText() + "' is not a number");
            }
        }
        GroupPairs pairs = new GroupPairs(firstA.getValue() - 1, firstB.getValue() - 1, lastA.getValue() - 1,
                lastB.getValue() - 1, lastB.getValue() - 1);
        pairs.checkFits(nGroups);
        RatioHistogramSpec spec = RatioHistogramSpec.defaults(nGroups).withPairs(pairs).withAxes(
                BinAxis.logarithmic(r[0], r[1], RatioHistogramSpec.DEFAULT_FLUENCE.bins()),
                BinAxis.linear(r[2], r[3], RatioHistogramSpec.DEFAULT_RATIO.bins()));
        return PlotRequest.of(PlotKind.RATIO).withStages(stages.before(), stages.after()).withRatio(spec);
    }
}
