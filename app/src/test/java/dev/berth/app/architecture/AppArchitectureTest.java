package dev.berth.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app's main code keeps the rules of docs/ARCHITECTURE.md. */
class AppArchitectureTest {
    private static final String ROOT = "dev.berth.app";
    private static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void viewModelsHaveNoScene() {
        AppArchitecture.viewModelsHaveNoScene(ROOT).check(app);
    }

    @Test
    void featuresDoNotReachIntoOtherFeaturesViews() {
        AppArchitecture.featuresDoNotReachIntoOtherFeaturesViews(ROOT).check(app);
    }

    @Test
    void featuresDoNotImportTheShell() {
        AppArchitecture.featuresDoNotImportTheShell(ROOT).check(app);
    }

    @Test
    void everyPackageSaysWhatItIsFor() {
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(),
                dev.berth.testkit.SourceRules.packagesWithoutComment(java.nio.file.Path.of("src/main/java")),
                "packages without a package-info.java comment");
    }

    @Test
    void noClassOutgrowsFourHundredLines() {
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(),
                dev.berth.testkit.SourceRules.filesLongerThan(java.nio.file.Path.of("src/main/java"), 400),
                "classes over 400 lines: split them by responsibility");
    }
}
