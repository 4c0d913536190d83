package dev.berth.app.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each app rule fails on the deliberately bad class set in {@code badapp}: the rules can fail. */
class AppArchitectureRulesFailTest {
    private static final String BAD = "dev.berth.app.architecture.badapp";

    @Test
    void everyRuleCatchesTheBadApp() {
        JavaClasses bad = new ClassFileImporter().importPackages(BAD);
        List<ArchRule> rules = List.of(AppArchitecture.viewModelsHaveNoScene(BAD),
                AppArchitecture.featuresDoNotReachIntoOtherFeaturesViews(BAD),
                AppArchitecture.featuresDoNotImportTheShell(BAD));
        for (ArchRule rule : rules) {
            assertTrue(rule.evaluate(bad).hasViolation(),
                    () -> "the rule did not catch the bad app: " + rule.getDescription());
        }
    }
}
