package org.tsoinspector.app;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.tsoinspector.inspect.StepConfiguration;
import org.tsoinspector.inspect.StepState;
import org.tsoinspector.model.SaturationMark;
import org.tsoinspector.model.StepName;

/**
 * The step list: a switch per step, its reference file (found or chosen), its status and its
 * parameters. Every edit produces a new {@link StepConfiguration} for the window to apply in the
 * background; {@link #show} then displays what the session made of it.
 */
final class StepPanel extends VBox {

    private final Map<StepName, CheckBox> switches = new EnumMap<>(StepName.class);
    private final Map<StepName, Label> statuses = new EnumMap<>(StepName.class);
    private final Map<StepName, Label> references = new EnumMap<>(StepName.class);
    private final Map<StepName, Button> showButtons = new EnumMap<>(StepName.class);
    private final Map<StepName, ToggleButton> skipButtons = new EnumMap<>(StepName.class);
    private final Spinner<Integer> growSat = new Spinner<>(0, 5, 1);
    private final CheckBox useReadPatt = plainCheckBox("use_readpatt");
    private final Spinner<Double> satScale = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.05, 5, 1, 0.05));
    private final CheckBox oddEven = plainCheckBox("odd_even_columns");
    private final CheckBox sideRef = plainCheckBox("use_side_ref_pixels");
    private final Spinner<Integer> sideLength = new Spinner<>(1, 201, 11, 2);
    private final ComboBox<String> algorithm = new ComboBox<>(
            FXCollections.observableArrayList(StepConfiguration.refpixAlgorithms()));
    private final Label userDq = new Label("none");
    private final Button clearUserDq = new Button("Clear");
    private final Label marks = new Label("no marks");
    private final Button markPixel = new Button("Mark crosshair (M)");
    private final Button clearMarks = new Button("Clear marks");
    private final Button markRegion = new Button("Region...");
    private final Consumer<StepConfiguration> onChange;
    private final FileDialogs fileDialogs;
    private StepConfiguration current = StepConfiguration.DEFAULTS;
    private boolean updating;

    /**
     * @param onChange     receives each configuration the user asks for
     * @param onShowRef    opens a step's reference file as an image
     * @param onMarkPixel  marks the crosshair pixel saturated from the shown group on
     * @param onMarkRegion asks for a rectangle of pixels to mark saturated
     * @param fileDialogs  asks for a step's own reference file
     */
    StepPanel(Consumer<StepConfiguration> onChange, Consumer<StepName> onShowRef, Runnable onMarkPixel,
            Runnable onMarkRegion, FileDialogs fileDialogs) {
        this.onChange = onChange;
        this.fileDialogs = fileDialogs;
        setSpacing(4);
        setPadding(new Insets(6));
        setDisable(true); // nothing to switch until an exposure is open (show enables it)
        for (StepName step : StepName.values()) { // the ramp steps too: their rates show in the Rate tab
            CheckBox on = new CheckBox(step.id());
            on.setId("step-" + step.id());
            on.setMnemonicParsing(false);
            on.setStyle("-fx-font-weight: bold;");
            on.selectedProperty().addListener((o, a, b) -> {
                if (!updating) {
                    request(current.withStep(step, b));
                }
            });
            Label status = new Label();
            status.setId("status-" + step.id());
            status.setStyle("-fx-text-fill: #555;");
            status.setWrapText(true); // a note (sirs on a subarray) or a rejected reference is a sentence
            status.setMaxWidth(230);
            Label ref = new Label();
            ref.setMnemonicParsing(false);
            ref.setMaxWidth(170);
            switches.put(step, on);
            statuses.put(step, status);
            references.put(step, ref);
            HBox head = new HBox(8, on, status);
            VBox box = new VBox(2, head);
            if (step.referenceType() != null) {
                Button choose = new Button("...");
                choose.setTooltip(new Tooltip("Choose the " + step.referenceType().toUpperCase() + " reference file"));
                choose.setOnAction(e -> chooseReference(step));
                ToggleButton skip = new ToggleButton("N/A");
                skip.setId("skip-" + step.id());
                skip.setTooltip(new Tooltip("Skip this step as the reference pipeline does when its reference is"
                        + " N/A (" + step.statusKeyword() + " = SKIPPED); press again to use a file"));
                skip.setOnAction(e -> request(skip.isSelected() ? current.withReferenceNotApplicable(step)
                        : current.withoutReference(step)));
                skipButtons.put(step, skip);
                Button show = new Button("Show");
                show.setId("show-ref-" + step.id());
                show.setTooltip(new Tooltip("Open this reference file as an image"));
                show.setOnAction(e -> onShowRef.accept(step));
                showButtons.put(step, show);
                HBox refLine = new HBox(4, ref, choose, skip, show);
                HBox.setHgrow(ref, Priority.ALWAYS);
                // in a narrow column the file name is shortened, never the buttons
                ref.setMinWidth(40);
                for (javafx.scene.control.ButtonBase b : List.of(choose, skip, show)) {
                    b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                }
                refLine.setPadding(new Insets(0, 0, 0, 22));
                box.getChildren().add(refLine);
            }
            if (step == StepName.DQ_INIT) {
                box.getChildren().add(userDqLine());
            } else if (step == StepName.SATURATION) {
                box.getChildren().add(saturationParameters(onMarkPixel, onMarkRegion));
            } else if (step == StepName.REFPIX) {
                box.getChildren().add(refpixParameters());
            }
            getChildren().add(box);
        }
    }

    /** dq_init's user_supplied_dq: a file of DQ flags OR-ed into the mask. */
    private HBox userDqLine() {
        userDq.setId("user-dq");
        userDq.setMnemonicParsing(false);
        Button choose = new Button("...");
        choose.setId("choose-user-dq");
        choose.setTooltip(new Tooltip("Choose a FITS file whose primary image of DQ flags is OR-ed into the mask"));
        choose.setOnAction(e -> {
            List<Path> f = chooseFits("user_supplied_dq: DQ flags to add to the mask");
            if (!f.isEmpty()) {
                setUserDq(f.get(0));
            }
        });
        clearUserDq.setId("clear-user-dq");
        clearUserDq.setOnAction(e -> setUserDq(null));
        Label name = new Label("user_supplied_dq");
        name.setMnemonicParsing(false);
        HBox line = new HBox(4, name, userDq, choose, clearUserDq);
        line.setPadding(new Insets(0, 0, 0, 22));
        return line;
    }

    private void setUserDq(Path file) {
        request(current.withParameter("dq_init.user_supplied_dq=" + (file == null ? "none" : file)));
    }

    private GridPane saturationParameters(Runnable onMarkPixel, Runnable onMarkRegion) {
        growSat.setId("n-pix-grow-sat");
        satScale.setId("saturation-scale");
        growSat.setPrefWidth(70);
        satScale.setPrefWidth(90);
        satScale.setEditable(true);
        growSat.setEditable(true);
        growSat.valueProperty().addListener((o, a, b) -> saturationChanged());
        useReadPatt.selectedProperty().addListener((o, a, b) -> saturationChanged());
        satScale.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                request(current.withThresholdScale(b));
            }
        });
        markPixel.setId("mark-pixel");
        markPixel.setOnAction(e -> onMarkPixel.run());
        markRegion.setId("mark-region");
        markRegion.setTooltip(new Tooltip("Mark a rectangle of pixels saturated from a group on"));
        markRegion.setOnAction(e -> onMarkRegion.run());
        clearMarks.setId("clear-marks");
        clearMarks.setOnAction(e -> request(current.withoutMarks()));
        marks.setId("marks");
        marks.setWrapText(true);
        GridPane g = grid();
        g.addRow(0, new Label("n_pix_grow_sat"), growSat);
        g.addRow(1, new Label("threshold x"), satScale);
        g.add(useReadPatt, 0, 2, 2, 1);
        // wraps rather than cutting the labels short in the narrow step column
        FlowPane markButtons = new FlowPane(4, 4, markPixel, markRegion, clearMarks);
        markButtons.setPrefWrapLength(240);
        g.add(markButtons, 0, 3, 2, 1);
        g.add(marks, 0, 4, 2, 1);
        return g;
    }

    private GridPane refpixParameters() {
        sideLength.setPrefWidth(70);
        sideLength.setEditable(true);
        oddEven.setId("odd-even-columns");
        oddEven.selectedProperty().addListener((o, a, b) -> refpixChanged());
        sideRef.selectedProperty().addListener((o, a, b) -> refpixChanged());
        sideLength.valueProperty().addListener((o, a, b) -> refpixChanged());
        algorithm.setId("refpix-algorithm");
        algorithm.setValue(current.parameter("refpix.refpix_algorithm"));
        algorithm.valueProperty().addListener((o, a, b) -> refpixChanged());
        GridPane g = grid();
        g.add(oddEven, 0, 0, 2, 1);
        g.add(sideRef, 0, 1, 2, 1);
        g.addRow(2, new Label("side_smoothing_length"), sideLength);
        g.addRow(3, new Label("refpix_algorithm"), algorithm);
        return g;
    }

    /** Parameter names have underscores, which must not become mnemonics. */
    private static CheckBox plainCheckBox(String text) {
        CheckBox c = new CheckBox(text);
        c.setMnemonicParsing(false);
        return c;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(3);
        g.setPadding(new Insets(2, 0, 4, 22));
        return g;
    }

    private void saturationChanged() {
        if (updating || growSat.getValue() == null) {
            return;
        }
        request(current.withParameter("saturation.n_pix_grow_sat=" + growSat.getValue())
                .withParameter("saturation.use_readpatt=" + useReadPatt.isSelected()));
    }

    private void refpixChanged() {
        if (updating || sideLength.getValue() == null || algorithm.getValue() == null) {
            return;
        }
        request(current.withParameter("refpix.odd_even_columns=" + oddEven.isSelected())
                .withParameter("refpix.use_side_ref_pixels=" + sideRef.isSelected())
                .withParameter("refpix.side_smoothing_length=" + sideLength.getValue())
                .withParameter("refpix.refpix_algorithm=" + algorithm.getValue()));
    }

    private void chooseReference(StepName step) {
        List<Path> f = chooseFits(step.referenceType().toUpperCase() + " reference file");
        if (!f.isEmpty()) {
            request(current.withReference(step, f.get(0)));
        }
    }

    private List<Path> chooseFits(String title) {
        return fileDialogs.chooseToOpen(getScene() == null ? null : getScene().getWindow(), title, null, false,
                List.of(new FileChooser.ExtensionFilter("FITS (*.fits, *.fits.gz)", "*.fits", "*.fits.gz")));
    }

    private void request(StepConfiguration c) {
        current = c;
        onChange.accept(c);
    }

    /** Adds a hand-made saturation mark. */
    void addMark(SaturationMark mark) {
        request(current.withMark(mark));
    }

    /** The configuration last asked for. */
    StepConfiguration current() {
        return current;
    }

    /** Shows what was asked (kept for the next edit) and, per step, what the inspection made of it. */
    void show(StepConfiguration applied, List<StepState> states) {
        setDisable(false);
        updating = true;
        current = applied;
        for (StepState st : states) {
            CheckBox on = switches.get(st.step());
            on.setSelected(st.enabled());
            on.setDisable(!st.available());
            statuses.get(st.step()).setText(st.status());
            Label ref = references.get(st.step());
            ref.setText(st.referenceName());
            ref.setTooltip(new Tooltip(st.reference() == null ? st.referenceName() : st.reference().toString()));
            Button show = showButtons.get(st.step());
            boolean notApplicable = applied.referenceNotApplicable(st.step());
            if (show != null) {
                show.setDisable(st.reference() == null || notApplicable);
                skipButtons.get(st.step()).setSelected(notApplicable);
            }
        }
        String userDqFile = applied.parameter("dq_init.user_supplied_dq");
        boolean noUserDq = userDqFile.equals("none");
        userDq.setText(noUserDq ? "none" : String.valueOf(Path.of(userDqFile).getFileName()));
        userDq.setTooltip(noUserDq ? null : new Tooltip(userDqFile));
        clearUserDq.setDisable(noUserDq);
        growSat.getValueFactory().setValue(Integer.parseInt(applied.parameter("saturation.n_pix_grow_sat")));
        useReadPatt.setSelected(Boolean.parseBoolean(applied.parameter("saturation.use_readpatt")));
        satScale.getValueFactory().setValue(Double.parseDouble(applied.parameter("saturation.threshold_scale")));
        oddEven.setSelected(Boolean.parseBoolean(applied.parameter("refpix.odd_even_columns")));
        sideRef.setSelected(Boolean.parseBoolean(applied.parameter("refpix.use_side_ref_pixels")));
        sideLength.getValueFactory().setValue(Integer.parseInt(applied.parameter("refpix.side_smoothing_length")));
        algorithm.setValue(applied.parameter("refpix.refpix_algorithm"));
        marks.setText(applied.marks().isEmpty() ? "no marks" : String.join("\n",
                applied.marks().stream().map(SaturationMark::describe).toList()));
        clearMarks.setDisable(applied.marks().isEmpty());
        updating = false;
    }
}
