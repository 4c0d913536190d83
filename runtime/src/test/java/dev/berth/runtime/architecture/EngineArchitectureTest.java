package dev.berth.runtime.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** berthd's main code keeps the rules of docs/ARCHITECTURE.md. */
class EngineArchitectureTest {
    private static final String ROOT = "dev.berth.runtime";
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void servicesDoNotReachUp() {
        EngineArchitecture.servicesDoNotReachUp(ROOT).check(engine);
    }

    @Test
    void apiDoesNotTouchLinux() {
        EngineArchitecture.apiDoesNotTouchLinux(ROOT).check(engine);
    }

    @Test
    void apiDoesNotMakeServices() {
        EngineArchitecture.apiDoesNotMakeServices(ROOT).check(engine);
    }

    @Test
    void linuxStandsAlone() {
        EngineArchitecture.linuxStandsAlone(ROOT).check(engine);
    }

    @Test
    void imagesKnowNoContainers() {
        EngineArchitecture.imagesKnowNoContainers(ROOT).check(engine);
    }

    @Test
    void noCyclesBetweenParts() {
        EngineArchitecture.noCyclesBetweenParts(ROOT).check(engine);
    }

    @Test
    void noCyclesInsideParts() {
        EngineArchitecture.noCyclesInsideParts(ROOT).check(engine);
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
