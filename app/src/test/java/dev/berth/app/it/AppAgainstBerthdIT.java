package dev.berth.app.it;

import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.containers.ContainersViewModel;
import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.RunSpec;
import dev.berth.app.images.ImageRow;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.settings.AppSettings;
import dev.berth.app.shell.AppContext;
import dev.berth.app.shell.TestWindows;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window (headless, Monocle) managing a real berthd that pulls from the real test registry: every click
 * goes through the same views, ViewModels and docker-java client a person's would.
 */
@ExtendWith(ApplicationExtension.class)
class AppAgainstBerthdIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static BerthdExtension berthd = BerthdExtension.fromCheckout();

    private static String image;
    private static Engine api;
    private final Preferences prefs = Preferences.userRoot().node("dev/berth/it/" + UUID.randomUUID());
    private AppContext ctx;

    @BeforeAll
    static void images() {
        TestImages.busybox().push(registry, "app/busybox", "1");
        TestImages.busyboxV2().push(registry, "app/busybox", "2");
        image = registry.host() + "/app/busybox:1";
        api = new DockerJavaEngine(berthd.dockerHost());
        api.pullImage(image, p -> {});
    }

    @Start
    void start(Stage stage) {
        I18n.setLocale(Locale.ENGLISH);
        var local = new LocalEngineController(List.of("true"), Path.of("target/berthd-it.log"), () -> false,
                Duration.ofSeconds(1));
        ctx = new AppContext(new AppSettings(prefs), Async.fx(), c -> new DockerJavaEngine(c.uri()), local, Map.of(),
                Path.of("target"), Duration.ofMillis(100));
        TestWindows.show(stage, ctx, local);
        current = ctx;
        ctx.start(berthd.dockerHost());
    }

    @AfterEach
    void tearDown() throws Exception {
        ctx.shell().shutdown();
        prefs.removeNode();
    }

    private static AppContext current;

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "\n--- notifications: "
                    + (current == null ? "" : current.notifications().history()) + "\n--- berthd log tail\n"
                    + tail(berthd.log()), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }

    private static void nav(FxRobot robot, String page) {
        robot.clickOn(robot.lookup(".nav-button").match(LabeledMatchers.hasText(page)).queryLabeled());
    }

    private static void type(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    /** Types {@code text} into an open dialog's first field and presses its {@code button}. */
    private static void fillDialog(FxRobot robot, String text, String button) throws Exception {
        waitUntil("the dialog opens", () -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        TextInputControl field = robot.lookup(".dialog-pane .text-field").queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
        robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText(button)).queryButton());
    }

    private Optional<ContainerSummary> row(String name) {
        return List.copyOf(ctx.containers().items()).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private boolean state(String name, String state) {
        return row(name).map(c -> c.state().equals(state)).orElse(false);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void pullAnImageThroughTheDialogAndSeeItListed(FxRobot robot) throws Exception {
        waitUntil("connected", () -> ctx.shell().engineLabelProperty().get().contains("Berth"));
        nav(robot, "Images");
        robot.clickOn("Pull…");
        String ref = registry.host() + "/app/busybox:2";
        type(robot, "#pull-reference", ref);
        robot.clickOn("#pull-submit");
        TableView<?> table = robot.lookup("#page-images .table-view").queryAs(TableView.class);
        waitUntil("the pulled image is listed", () -> table.getItems().stream().map(ImageRow.class::cast)
                .anyMatch(r -> r.reference().equals(ref)));
        assertTrue(ctx.notifications().history().stream().anyMatch(n -> n.title().equals("Pulled " + ref)),
                "a finished pull is announced");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void pushATaggedImageThroughTheDialogAndFindItInTheRegistry(FxRobot robot) throws Exception {
        waitUntil("connected", () -> ctx.shell().engineLabelProperty().get().contains("Berth"));
        String ref = registry.host() + "/app/pushed:7";
        api.tagImage(image, registry.host() + "/app/pushed", "7");
        nav(robot, "Images");
        @SuppressWarnings("unchecked")
        TableView<ImageRow> table = robot.lookup("#page-images .table-view").queryAs(TableView.class);
        waitUntil("the new tag is listed", () -> table.getItems().stream().anyMatch(r -> r.reference().equals(ref)));
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.reference().equals(ref)).findFirst().orElseThrow()));
        robot.clickOn("#images-push");
        waitUntil("the push is announced", () -> ctx.notifications().history().stream()
                .anyMatch(n -> n.title().equals("Pushed " + ref)));
        var tags = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                registry.baseUri().resolve("/v2/app/pushed/tags/list")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tags.statusCode(), tags.body());
        assertTrue(tags.body().contains("\"7\""), tags.body());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void aPullThatHangsCanBeCancelled(FxRobot robot) throws Exception {
        waitUntil("connected", () -> ctx.shell().engineLabelProperty().get().contains("Berth"));
        TestImages.busyboxV2().push(registry, "app/slow", "1");
        String ref = registry.host() + "/app/slow:1";
        nav(robot, "Images");
        robot.clickOn("Pull…");
        type(robot, "#pull-reference", ref);
        registry.pause();
        try {
            robot.clickOn("#pull-submit");
            waitUntil("the pull is running", () -> robot.lookup("#transfer-cancel").queryButton().isVisible());
            Thread.sleep(500);
            robot.clickOn("#transfer-cancel");
            waitUntil("the dialog says cancelled", () -> robot.lookup("#transfer-status").queryLabeled().getText()
                    .equals("Cancelled: " + ref));
            assertEquals("", robot.lookup("#pull-error").queryLabeled().getText(), "a cancel is not an error");
            assertTrue(ctx.notifications().history().stream().noneMatch(n -> n.title().contains(ref)),
                    "neither a success nor a failure is announced: " + ctx.notifications().history());
        } finally {
            registry.resume();
        }
        // The engine cancelled the pull when the app hung up, as dockerd does: the image never arrives.
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            assertTrue(api.listImages().stream().noneMatch(i -> i.repoTags().contains(ref)),
                    "a cancelled pull went on in the engine: " + ref);
            Thread.sleep(250);
        }
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void runWithAPublishedPortThenStopAndRemoveFromTheTable(FxRobot robot) throws Exception {
        waitUntil("connected", () -> ctx.shell().engineLabelProperty().get().contains("Berth"));
        int port = freePort();
        robot.clickOn("#containers-run");
        type(robot, "#run-image", image);
        type(robot, "#run-name", "web-it");
        type(robot, "#run-ports", port + ":80");
        type(robot, "#run-command", "sleep 300");
        assertEquals("docker run -d --name web-it -p " + port + ":80 " + image + " sleep 300",
                robot.lookup("#run-line").queryAs(TextInputControl.class).getText());
        robot.clickOn("#run-submit");
        waitUntil("web-it runs", () -> state("web-it", "running"));
        assertTrue(row("web-it").orElseThrow().ports().stream().anyMatch(p -> p.publicPort() == port
                && p.privatePort() == 80), () -> "published port: " + row("web-it"));
        robot.clickOn("web-it");
        robot.clickOn("Stop");
        waitUntil("web-it stopped", () -> state("web-it", "exited"));
        robot.clickOn("web-it");
        robot.clickOn("Remove");
        robot.type(KeyCode.ENTER);
        waitUntil("web-it is gone", () -> row("web-it").isEmpty());
        assertTrue(api.listContainers().stream().noneMatch(c -> c.name().equals("web-it")));
    }

    @Test
    void bulkStopThreeContainers(FxRobot robot) throws Exception {
        waitUntil("connected", () -> ctx.shell().engineLabelProperty().get().contains("Berth"));
        List<String> names = List.of("bulk-a", "bulk-b", "bulk-c");
        for (String n : names) {
            api.runContainer(new RunSpec(image, n, List.of(), List.of(), List.of(), List.of("sleep", "300"),
                    RunSpec.RestartPolicy.NO, false, ""));
        }
        waitUntil("all three run", () -> names.stream().allMatch(n -> state(n, "running")));
        robot.clickOn("bulk-a");
        robot.press(KeyCode.CONTROL);
        robot.clickOn("bulk-b").clickOn("bulk-c");
        robot.release(KeyCode.CONTROL);
        assertEquals(3, ctx.containers().selectedCountProperty().get());
        robot.clickOn("Stop");
        waitUntil("all three stopped", () -> names.stream().allMatch(n -> state(n, "exited")));
        names.forEach(n -> api.removeContainer(n, true));
    }

    @Test
    void createAndRemoveAVolumeAndANetwork(FxRobot robot) throws Exception {
        waitUntil("connected", () -> ctx.shell().engineLabelProperty().get().contains("Berth"));
        nav(robot, "Volumes");
        robot.clickOn("New volume…");
        fillDialog(robot, "itvol1", "OK");
        waitUntil("itvol1 listed", () -> ctx.volumes().items().stream().anyMatch(v -> v.name().equals("itvol1")));
        robot.clickOn("itvol1");
        robot.clickOn("Remove");
        robot.type(KeyCode.ENTER);
        waitUntil("itvol1 removed", () -> ctx.volumes().items().stream().noneMatch(v -> v.name().equals("itvol1")));
        assertTrue(api.listVolumes().stream().noneMatch(v -> v.name().equals("itvol1")));

        nav(robot, "Networks");
        robot.clickOn("New network…");
        fillDialog(robot, "itnet1", "New network…");
        waitUntil("itnet1 listed", () -> ctx.networks().items().stream().anyMatch(n -> n.name().equals("itnet1")));
        robot.clickOn("itnet1");
        robot.clickOn("Remove");
        robot.type(KeyCode.ENTER);
        waitUntil("itnet1 removed", () -> ctx.networks().items().stream().noneMatch(n -> n.name().equals("itnet1")));
        assertTrue(api.listNetworks().stream().noneMatch(n -> n.name().equals("itnet1")));
    }

    @Test
    void aPortAlreadyInUseShowsTheEnginesMessage(FxRobot robot) throws Exception {
        waitUntil("connected", () -> ctx.shell().engineLabelProperty().get().contains("Berth"));
        int port = freePort();
        api.runContainer(new RunSpec(image, "holder-it", List.of(new RunSpec.PublishedPort("", port, 80, "tcp")),
                List.of(), List.of(), List.of("sleep", "300"), RunSpec.RestartPolicy.NO, false, ""));
        robot.clickOn("#containers-run");
        type(robot, "#run-image", image);
        type(robot, "#run-name", "second-it");
        type(robot, "#run-ports", port + ":80");
        type(robot, "#run-command", "sleep 300");
        robot.clickOn("#run-submit");
        Label error = robot.lookup("#run-error").queryAs(Label.class);
        waitUntil("the engine's refusal is shown", () -> !error.getText().isEmpty());
        assertTrue(error.getText().contains("port is already allocated"), error.getText());
        assertTrue(error.getText().contains(String.valueOf(port)), error.getText());
        assertTrue(!error.getText().contains("Exception") && !error.getText().contains("{"), error.getText());
        assertTrue(api.listContainers().stream().noneMatch(c -> c.name().equals("second-it")),
                "the half-made container was cleaned up");
        robot.type(KeyCode.ESCAPE);
        api.removeContainer("holder-it", true);
    }

    /** The ViewModel behind the table, for assertions on what the page shows. */
    ContainersViewModel containers() {
        return ctx.containers();
    }

    /** A folder to build: a two-stage Dockerfile from the test image, a file, and a .dockerignore. */
    private static Path buildFolder(String dockerfile) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("berth-app-build");
        java.nio.file.Files.writeString(dir.resolve("Dockerfile"), dockerfile.replace("IMAGE", image));
        java.nio.file.Files.writeString(dir.resolve("hello.txt"), "hello from the app\n");
        java.nio.file.Files.writeString(dir.resolve("secret.log"), "never sent");
        java.nio.file.Files.writeString(dir.resolve(".dockerignore"), "*.log\n");
        return dir;
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText();
    }

    @Test
    void buildAFolderThroughTheDialogThenAgainFromTheCache(FxRobot robot) throws Exception {
        waitUntil("connected", () -> ctx.shell().engineLabelProperty().get().contains("Berth"));
        Path dir = buildFolder("""
                FROM IMAGE AS base
                COPY . /ctx/
                FROM base
                RUN ls /ctx > /listing
                CMD ["cat", "/listing"]
                """);
        nav(robot, "Images");
        robot.clickOn("#images-build");
        waitUntil("the build window opens", () -> robot.lookup("#build-folder").tryQuery().isPresent());
        type(robot, "#build-folder", dir.toString());
        type(robot, "#build-tag", "built-by-app:1");
        waitUntil("the form is complete", () -> !robot.lookup("#build-submit").queryButton().isDisabled());
        assertEquals("docker build -t built-by-app:1 " + dir,
                robot.lookup("#build-line").queryAs(TextInputControl.class).getText());
        robot.clickOn("#build-submit");
        waitUntil("the build is done", () -> text(robot, "#build-status").startsWith("Built built-by-app:1"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<dev.berth.app.builds.StepRow> steps = robot.lookup("#build-steps")
                .queryAs(javafx.scene.control.ListView.class);
        assertEquals(5, steps.getItems().size());
        assertTrue(steps.getItems().stream()
                .noneMatch(r -> r.stateProperty().get() == dev.berth.app.builds.BuildLog.State.CACHED));
        @SuppressWarnings("unchecked")
        TableView<ImageRow> table = robot.lookup("#page-images .table-view").queryAs(TableView.class);
        waitUntil("the new image is selected in Images", () -> {
            ImageRow selected = table.getSelectionModel().getSelectedItem();
            return selected != null && selected.reference().equals("built-by-app:1");
        });
        String checker = api.runContainer(new RunSpec("built-by-app:1", "build-check", List.of(), List.of(), List.of(),
                List.of("sleep", "300"), RunSpec.RestartPolicy.NO, false, ""));
        assertEquals("Dockerfile\nhello.txt\n", api.runCommand(checker, List.of("cat", "/listing")).output(),
                ".dockerignore left secret.log out");
        api.removeContainer(checker, true);

        robot.clickOn("#build-submit");
        waitUntil("the rebuild is done", () -> text(robot, "#build-status").startsWith("Built built-by-app:1")
                && steps.getItems().stream()
                        .filter(r -> r.stateProperty().get() == dev.berth.app.builds.BuildLog.State.CACHED)
                        .count() == 3);
        assertTrue(text(robot, "#build-progress-text").contains("3 from the cache"),
                text(robot, "#build-progress-text"));
        robot.interact(() -> ((Stage) robot.lookup("#build-folder").query().getScene().getWindow()).close());
    }

    @Test
    void aFailedBuildPointsAtItsStepAndLine(FxRobot robot) throws Exception {
        waitUntil("connected", () -> ctx.shell().engineLabelProperty().get().contains("Berth"));
        Path dir = buildFolder("FROM IMAGE\n\nRUN echo about to fail && exit 3\n");
        nav(robot, "Images");
        robot.clickOn("#images-build");
        waitUntil("the build window opens", () -> robot.lookup("#build-folder").tryQuery().isPresent());
        type(robot, "#build-folder", dir.toString());
        waitUntil("the form is complete", () -> !robot.lookup("#build-submit").queryButton().isDisabled());
        robot.clickOn("#build-submit");
        waitUntil("the build failed", () -> !text(robot, "#build-error").isEmpty());
        assertTrue(
                text(robot, "#build-error")
                        .startsWith("Step 2 (Dockerfile line 3) failed: RUN echo about to fail && exit 3"),
                text(robot, "#build-error"));
        assertTrue(robot.lookup("#build-output").queryAs(TextInputControl.class).getText().contains("about to fail"),
                "the failed step's output is shown");
        robot.interact(() -> ((Stage) robot.lookup("#build-folder").query().getScene().getWindow()).close());
    }

    @Test
    void cancellingABuildStopsItInTheEngine(FxRobot robot) throws Exception {
        waitUntil("connected", () -> ctx.shell().engineLabelProperty().get().contains("Berth"));
        Path dir = buildFolder("FROM IMAGE\nRUN echo started && sleep 300\n");
        nav(robot, "Images");
        robot.clickOn("#images-build");
        waitUntil("the build window opens", () -> robot.lookup("#build-folder").tryQuery().isPresent());
        type(robot, "#build-folder", dir.toString());
        type(robot, "#build-tag", "never-built:1");
        waitUntil("the form is complete", () -> !robot.lookup("#build-submit").queryButton().isDisabled());
        robot.clickOn("#build-submit");
        waitUntil("the RUN step runs",
                () -> robot.lookup("#build-output").queryAs(TextInputControl.class).getText().contains("started"));
        robot.clickOn("#build-cancel");
        waitUntil("the window says cancelled", () -> text(robot, "#build-status").startsWith("Cancelled"));
        waitUntil("the engine removed the step's container", () -> api.listContainers().isEmpty());
        assertTrue(api.listImages().stream().noneMatch(i -> i.repoTags().contains("never-built:1")));
        robot.interact(() -> ((Stage) robot.lookup("#build-folder").query().getScene().getWindow()).close());
    }
}
