package dev.berth.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The app's rules from docs/ARCHITECTURE.md over a root package (the app, or a bad class set in the tests): ViewModels
 * never touch {@code javafx.scene}; a feature never reaches into another feature's View (the shell's navigation joins
 * them); features never import the shell. Feature packages are found, not listed, so a new one is covered.
 */
final class AppArchitecture {
    /**
     * Packages that are not features: the shell joins the pages and {@code details} joins a container's panels (files,
     * inspect, logs, stats, terminal, X-ray) into its tabs, so both may hold other features' Views; the others serve all.
     */
    static final Set<String> SHARED = Set.of("shell", "details", "engine", "localengine", "support", "widgets",
            "architecture");

    private AppArchitecture() {}

    static ArchRule viewModelsHaveNoScene(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .as("a ViewModel never imports javafx.scene (" + root + ")");
    }

    static ArchRule featuresDoNotReachIntoOtherFeaturesViews(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(notDependOnAnotherFeaturesView(root))
                .as("a feature reaches another feature's View only through the shell (" + root + ")");
    }

    private static String feature(String root, JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String first = pkg.substring(root.length() + 1).split("\\.")[0];
        return SHARED.contains(first) ? null : first;
    }

    private static ArchCondition<JavaClass> notDependOnAnotherFeaturesView(String root) {
        return new ArchCondition<>("not depend on another feature's View") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String own = feature(root, c);
                if (own == null) {
                    return;
                }
                c.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass();
                    String other = feature(root, target);
                    if (other != null && !other.equals(own) && target.getSimpleName().endsWith("View")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        };
    }

    /** Only the shell composes features; a feature importing the shell would make the shell unsplittable. */
    static ArchRule featuresDoNotImportTheShell(String root) {
        return noClasses().that(DescribedPredicate.describe("are in a feature package", c -> feature(root, c) != null))
                .should().dependOnClassesThat().resideInAPackage(root + ".shell..")
                .as("features do not import the shell (" + root + ")");
    }
}
