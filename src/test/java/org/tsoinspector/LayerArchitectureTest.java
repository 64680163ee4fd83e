package org.tsoinspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of design.md as executable rules: arrows only point downwards; app reaches the layers below
 * only through inspect (and model's plain data); render and analysis draw and compute but run no steps;
 * only the command line and the entry point write to the console, everything else logs through slf4j.
 */
class LayerArchitectureTest {

    /** Lowest first; cli and app are side by side at the top (neither imports the other). */
    private static final List<String> LAYERS =
            List.of("model", "io", "fits", "sim", "calib", "analysis", "render", "inspect", "samp");

    /**
     * The value types app may name from render and analysis: the vocabulary of a request (a plot kind,
     * a profile axis, a light-curve measure, group pairs and axes of the ratio) and of display settings
     * (limits rule, stretch, a range, a rendered picture). Wrapping each in an inspect type would copy it.
     */
    private static final Set<String> REQUEST_VOCABULARY = Set.of(
            "org.tsoinspector.render.PlotKind", "org.tsoinspector.render.Limits", "org.tsoinspector.render.Stretch",
            "org.tsoinspector.render.DisplayRange", "org.tsoinspector.render.ArgbImage",
            "org.tsoinspector.analysis.ProfileAxis", "org.tsoinspector.analysis.LightCurveMode",
            "org.tsoinspector.analysis.Region", "org.tsoinspector.analysis.GroupPairs",
            "org.tsoinspector.analysis.BinAxis", "org.tsoinspector.analysis.RatioHistogramSpec",
            "org.tsoinspector.analysis.RampExtraction");

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tsoinspector");
    }

    @Test
    void noLayerImportsALayerAboveIt() {
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = new java.util.ArrayList<>(LAYERS.subList(i + 1, LAYERS.size()));
            above.addAll(List.of("cli", "app"));
            noClasses().that().resideInAPackage("org.tsoinspector." + LAYERS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above.stream()
                            .map(l -> "org.tsoinspector." + l + "..").toArray(String[]::new))
                    .check(classes);
        }
    }

    @Test
    void appAndCliDoNotImportEachOther() {
        noClasses().that().resideInAPackage("org.tsoinspector.app..")
                .should().dependOnClassesThat().resideInAPackage("org.tsoinspector.cli..").check(classes);
        noClasses().that().resideInAPackage("org.tsoinspector.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.tsoinspector.app..").check(classes);
    }

    @Test
    void appReachesTheLowerLayersOnlyThroughInspect() {
        noClasses().that().resideInAPackage("org.tsoinspector.app..")
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>(
                        "are in fits, sim, calib, analysis or render (other than the request vocabulary)") {
                    @Override
                    public boolean test(JavaClass c) {
                        String p = c.getPackageName();
                        boolean lower = p.startsWith("org.tsoinspector.fits") || p.startsWith("org.tsoinspector.sim")
                                || p.startsWith("org.tsoinspector.io")
                                || p.startsWith("org.tsoinspector.calib") || p.startsWith("org.tsoinspector.analysis")
                                || p.startsWith("org.tsoinspector.render");
                        String outer = c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$'))
                                : c.getName();
                        return lower && !REQUEST_VOCABULARY.contains(outer);
                    }
                }).check(classes);
    }

    @Test
    void renderAndAnalysisRunNoSteps() {
        noClasses().that().resideInAnyPackage("org.tsoinspector.render..", "org.tsoinspector.analysis..")
                .should().dependOnClassesThat().resideInAPackage("org.tsoinspector.calib..")
                .check(classes);
    }

    @Test
    void onlyAppImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.tsoinspector.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineAndTheEntryPointWriteToTheConsole() {
        noClasses().that().resideOutsideOfPackage("org.tsoinspector.cli..")
                .and().doNotHaveFullyQualifiedName("org.tsoinspector.Main")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void failuresAreLoggedThroughSlf4jNotPrintedOrSentToJavaUtilLogging() {
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(classes);
        noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..").check(classes);
    }
}
