package dev.berth.app.builds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.BuildMessage;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildViewModelTest {
    @TempDir
    Path folder;

    private final FakeEngine engine = new FakeEngine();
    private final List<String> built = new ArrayList<>();
    private final RecentBuilds recents = RecentBuilds.inMemory();
    private BuildViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        Files.writeString(folder.resolve("Dockerfile"), """
                FROM busybox AS base
                RUN echo base

                FROM base AS test
                RUN exit 3
                """);
        Files.createDirectories(folder.resolve("docker"));
        Files.writeString(folder.resolve("docker/prod.Dockerfile"), "FROM busybox\n");
        vm = new BuildViewModel(() -> engine, Async.sameThread(), recents, built::add,
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void choosingAFolderFindsItsDockerfilesAndStages() {
        vm.folderProperty().set(folder.toString());
        assertEquals(List.of("Dockerfile", "docker/prod.Dockerfile"), vm.dockerfiles());
        assertEquals("Dockerfile", vm.dockerfileProperty().get());
        assertEquals(List.of("base", "test"), vm.targets());
        assertEquals("", vm.problemProperty().get());
        vm.dockerfileProperty().set("docker/prod.Dockerfile");
        assertEquals(List.of(), vm.targets());
    }

    @Test
    void theFormSaysWhatIsWrongAndWhatItWouldRun() {
        assertEquals("Choose the folder to build.", vm.problemProperty().get());
        vm.folderProperty().set(folder.toString());
        vm.tagProperty().set("Not A Name!");
        assertTrue(vm.problemProperty().get().contains("is not an image name"), vm.problemProperty().get());
        vm.tagProperty().set("app:1");
        vm.buildArgsProperty().set("VERSION=2\nbroken line");
        assertTrue(vm.problemProperty().get().contains("'broken line' is not a build argument"),
                vm.problemProperty().get());
        vm.buildArgsProperty().set("VERSION=2 beta");
        vm.targetProperty().set("nope");
        assertEquals("The Dockerfile has no stage named nope.", vm.problemProperty().get());
        vm.targetProperty().set("test");
        vm.noCacheProperty().set(true);
        assertEquals("", vm.problemProperty().get());
        assertEquals("docker build -t app:1 --build-arg 'VERSION=2 beta' --target test --no-cache " + folder,
                vm.commandLineProperty().get());
        vm.build();
        assertEquals(Map.of("VERSION", "2 beta"), engine.builds.getFirst().buildArgs());
        assertEquals("test", engine.builds.getFirst().target());
    }

    @Test
    void aSuccessfulBuildShowsItsStepsAndIsRemembered() {
        engine.buildScript
                .addAll(List.of(new BuildMessage("Step 1/2 : FROM busybox AS base\n ---> 3f2a1b4c5d6e\n", "", ""),
                        new BuildMessage("Step 2/2 : RUN echo base\n ---> Using cache\n ---> 111111111111\n", "", ""),
                        new BuildMessage("Successfully built 111111111111\n", "", "")));
        vm.folderProperty().set(folder.toString());
        vm.tagProperty().set("app:1");
        vm.build();
        assertEquals(2, vm.steps().size());
        assertEquals(BuildLog.State.CACHED, vm.steps().get(1).stateProperty().get());
        assertEquals(2, vm.steps().get(1).line(), "the step is found in the Dockerfile");
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals(List.of(engine.buildResult), built);
        assertTrue(vm.statusProperty().get().startsWith("Built app:1 (abababababab)"), vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals(1, vm.recent().size());
        assertTrue(vm.recent().getFirst().ok());

        BuildViewModel again = new BuildViewModel(() -> engine, Async.sameThread(), recents, built::add,
                Clock.systemUTC());
        assertEquals(folder.toString(), again.recent().getFirst().folder(), "recent builds outlive the window");
        again.rebuild(again.recent().getFirst());
        assertEquals(2, engine.builds.size());
        assertEquals(List.of("app:1"), engine.builds.get(1).tags());
    }

    @Test
    void aFailedBuildNamesTheStepAndItsLine() {
        engine.buildScript
                .addAll(List.of(new BuildMessage("Step 1/4 : FROM busybox AS base\n ---> 3f2a1b4c5d6e\n", "", ""),
                        new BuildMessage("Step 2/4 : RUN echo base\n ---> 111111111111\n", "", ""),
                        new BuildMessage("Step 3/4 : FROM base AS test\n ---> 111111111111\n", "", ""),
                        new BuildMessage("Step 4/4 : RUN exit 3\n ---> Running in abcdefabcdef\nsomething went wrong\n",
                                "", "")));
        engine.buildFailure = "The command '/bin/sh -c exit 3' returned a non-zero code: 3";
        vm.folderProperty().set(folder.toString());
        vm.build();
        StepRow failed = vm.steps().get(3);
        assertEquals(BuildLog.State.FAILED, failed.stateProperty().get());
        assertEquals("something went wrong\n", failed.outputProperty().get());
        assertEquals(
                "Step 4 (Dockerfile line 5) failed: RUN exit 3\nThe command '/bin/sh -c exit 3' returned a non-zero code: 3",
                vm.errorProperty().get());
        assertTrue(built.isEmpty());
        assertFalse(vm.recent().getFirst().ok());
    }
}
