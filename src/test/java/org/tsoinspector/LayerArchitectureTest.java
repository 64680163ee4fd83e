package org.tsoinspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of design.md: arrows only point downwards, and only app imports JavaFX. */
class LayerArchitectureTest {

    /** Lowest first. */
    private static final List<String> LAYERS =
            List.of("model", "fits", "sim", "calib", "analysis", "render", "cli", "app");

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
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream()
                    .map(l -> "org.tsoinspector." + l + "..")
                    .toArray(String[]::new);
            if (above.length == 0) {
                continue;
            }
            noClasses().that().resideInAPackage("org.tsoinspector." + LAYERS.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void onlyAppImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.tsoinspector.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
