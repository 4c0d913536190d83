package dev.berth.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's rules from docs/ARCHITECTURE.md, written over a root package so that the same rules run on berthd
 * ({@code dev.berth.runtime}) and on a deliberately bad class set in the tests. Packages are matched by pattern, so a
 * new package is covered without editing a rule.
 */
final class EngineArchitecture {
    /** The services below the API: they never reach up into it or into the composition root. */
    private static final String[] SERVICES = {"image", "container", "network", "volume", "build", "storage", "linux",
            "events", "errors", "common"};

    private EngineArchitecture() {}

    private static String[] under(String root, String... names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = root + "." + names[i] + "..";
        }
        return out;
    }

    /** daemon → api → services: no service imports the API layer or the daemon. */
    static ArchRule servicesDoNotReachUp(String root) {
        return noClasses().that().resideInAnyPackage(under(root, SERVICES))
                .should().dependOnClassesThat().resideInAnyPackage(under(root, "api", "daemon"))
                .as("services never import the API layer or the daemon (" + root + ")");
    }

    /** The API reaches Linux only through the services: no route touches the JNA layer. */
    static ArchRule apiDoesNotTouchLinux(String root) {
        return noClasses().that().resideInAPackage(root + ".api..")
                .should().dependOnClassesThat().resideInAPackage(root + ".linux..")
                .as("the API layer reaches the Linux layer only through services (" + root + ")");
    }

    /** Services are made in the composition root only, never by a route as it handles a request. */
    static ArchRule apiDoesNotMakeServices(String root) {
        return noClasses().that().resideInAPackage(root + ".api..")
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates
                        .target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.<com.tngtech.archunit.core.domain.JavaClass>owner(
                                com.tngtech.archunit.base.DescribedPredicate.describe("a service",
                                        c -> c.getPackageName().startsWith(root + ".")
                                                && !c.getPackageName().startsWith(root + ".api")
                                                && (c.getSimpleName().endsWith("Service")
                                                        || c.getSimpleName().endsWith("Updater"))))))
                .as("services are made in the composition root (daemon), not in the API layer (" + root + ")");
    }

    /** The Linux layer (JNA bindings) imports nothing of the engine's but its error types. */
    static ArchRule linuxStandsAlone(String root) {
        return noClasses().that().resideInAPackage(root + ".linux..")
                .should().dependOnClassesThat().resideInAnyPackage(under(root, "api", "daemon", "image", "container",
                        "network", "volume", "build", "storage", "events"))
                .as("the Linux layer depends on nothing above it (" + root + ")");
    }

    /** Images know nothing of containers. */
    static ArchRule imagesKnowNoContainers(String root) {
        return noClasses().that().resideInAPackage(root + ".image..")
                .should().dependOnClassesThat().resideInAPackage(root + ".container..")
                .as("images know nothing of containers (" + root + ")");
    }

    /** No cycles between the engine's top-level packages. */
    static ArchRule noCyclesBetweenParts(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("no cycles between the engine's parts (" + root + ".*)");
    }

    /** No cycles inside one part either (container.exec ↔ container.lifecycle, image.archive ↔ image.push). */
    static ArchRule noCyclesInsideParts(String root) {
        return slices().matching(root + ".(*).(*)..").should().beFreeOfCycles()
                .as("no cycles between the packages of one part (" + root + ".*.*)");
    }
}
