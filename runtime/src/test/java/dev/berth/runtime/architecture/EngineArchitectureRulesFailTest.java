package dev.berth.runtime.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each engine rule fails on the deliberately bad class set in {@code badengine}: the rules can fail. */
class EngineArchitectureRulesFailTest {
    private static final String BAD = "dev.berth.runtime.architecture.badengine";

    @Test
    void everyRuleCatchesTheBadEngine() {
        JavaClasses bad = new ClassFileImporter().importPackages(BAD);
        List<ArchRule> rules = List.of(EngineArchitecture.servicesDoNotReachUp(BAD),
                EngineArchitecture.apiDoesNotTouchLinux(BAD),
                EngineArchitecture.apiDoesNotMakeServices(BAD), EngineArchitecture.linuxStandsAlone(BAD),
                EngineArchitecture.imagesKnowNoContainers(BAD), EngineArchitecture.noCyclesBetweenParts(BAD));
        for (ArchRule rule : rules) {
            assertTrue(rule.evaluate(bad).hasViolation(),
                    () -> "the rule did not catch the bad engine: " + rule.getDescription());
        }
    }
}
