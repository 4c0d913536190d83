package dev.berth.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.details.ContainerDetailsPages;
import dev.berth.app.details.StandardTabs;
import dev.berth.app.details.TerminalDriver;
import dev.berth.app.details.TerminalTab;
import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.localengine.EngineChoiceViewModel;
import dev.berth.app.localengine.EngineLauncher;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.localengine.LocalEngines;
import dev.berth.app.settings.AppSettings;
import dev.berth.app.shell.AppContext;
import dev.berth.app.shell.EngineState;
import dev.berth.app.shell.ScreenshotTour;
import dev.berth.app.shell.TestWindows;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.terminal.TerminalSession;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app with the Berth VM, as a person uses it: Settings → Engine → "In the Berth VM" → Apply → Start shows the
 * boot's stages, then a container run from the Run dialog, its terminal, the guest killed (the app says the engine
 * stopped and starts it again from the banner), and Stop. Screenshots of each step go to target/screenshots/vm.
 */
@ExtendWith(ApplicationExtension.class)
class BerthVmAppIT {
    private static final Duration BOOT = Duration.ofMinutes(6);
    private static final String IMAGE = "berth-app-it/busybox:vm";

    @TempDir
    static Path dir;
    private static Map<String, String> env;
    private static Path shots;
    private final Preferences prefs = Preferences.userRoot().node("dev/berth/it/" + UUID.randomUUID());
    private AppContext ctx;
    private LocalEngineController local;
    private LocalEngines engines;
    private Stage stage;

    @BeforeAll
    static void image() throws Exception {
        Path checkout = dev.berth.testkit.BerthdCommand.checkoutRoot();
        Path log = Path.of("target", "vm-assets-build.log").toAbsolutePath();
        Process build = new ProcessBuilder("bash", "-c", "\"$0\"/vm-assets/build > \"$1\" 2>&1", checkout.toString(),
                log.toString())
                .inheritIO().start();
        assertTrue(build.waitFor(20, TimeUnit.MINUTES) && build.exitValue() == 0, "vm-assets/build failed; see " + log);
        Path share = Files.createDirectories(dir.resolve("share"));
        env = Map.of("BERTH_HOME", dir.resolve("berth-home").toString(), "BERTH_VM_SHARE", share.toString());
        shots = Files.createDirectories(Path.of("target", "screenshots", "vm"));
    }

    @AfterAll
    static void removeMachine() throws Exception {
        if (env != null) {
            new LocalEngines(dev.berth.testkit.BerthdCommand.checkoutRoot(), Path.of("target/vm.log"), env).machine()
                    .remove(Duration.ofMinutes(2));
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        I18n.setLocale(Locale.ENGLISH);
        engines = new LocalEngines(dev.berth.testkit.BerthdCommand.checkoutRoot(), Path.of("target/berthd-vm-it.log"),
                env);
        // The app starts on the native engine, as on a fresh Linux desktop; the person switches in Settings.
        local = engines.controller(LocalEngines.Kind.NATIVE);
        ctx = new AppContext(new AppSettings(prefs), Async.fx(), c -> new DockerJavaEngine(c.uri()), local, env,
                dir, Duration.ofMillis(100));
        EngineChoiceViewModel choice = new EngineChoiceViewModel(engines, local, Async.fx(), LocalEngines.Kind.NATIVE,
                k -> ctx.useLocalEngine(engines.uri(k)));
        TestWindows.show(stage, ctx, local, choice);
        ctx.setBerthUri(engines.uri(LocalEngines.Kind.NATIVE));
        ctx.start(null);
    }

    @AfterEach
    void tearDown() throws Exception {
        ctx.shell().shutdown();
        prefs.removeNode();
    }

    @Test
    void startTheVmFromTheAppRunAContainerUseItsTerminalSurviveAKilledGuestAndStop(FxRobot robot) throws Exception {
        nav(robot, "Settings");
        // The engine section sits below the fold of the Settings page: its controls are fired as a click would.
        robot.interact(() -> robot.lookup("#engine-vm").queryAs(javafx.scene.control.RadioButton.class).fire());
        type(robot, "#vm-memory", "1536");
        type(robot, "#vm-disk", "4");
        robot.interact(() -> robot.lookup("#engine-apply").queryButton().fire());
        waitUntil("the app to use the Berth VM", Duration.ofSeconds(30),
                () -> local.launchMode() == EngineLauncher.Mode.VM
                        && ctx.shell().currentProperty().get().uri().equals(engines.uri(LocalEngines.Kind.VM)));
        assertEquals(1536, engines.machine().config().memoryMiB(), "the size went where berth machine reads it");

        robot.interact(() -> robot.lookup(".button").match(LabeledMatchers.hasText("Start Berth engine")).queryButton()
                .fire());
        // The boot's stages show as they come (the first ones pass in seconds under TCG: any of them will do).
        waitUntil("a boot stage in Settings", Duration.ofMinutes(1), () -> {
            String m = robot.lookup("#engine-message").queryAs(Label.class).getText();
            return m != null && (m.startsWith("Starting") || m.startsWith("Mounting") || m.startsWith("Preparing")
                    || m.startsWith("Formatting") || m.startsWith("Sharing") || m.startsWith("Linux"));
        });
        snapshot("vm-starting-settings");
        waitUntil("the engine in the VM to answer", BOOT,
                () -> ctx.shell().stateProperty().get() == EngineState.CONNECTED);
        assertTrue(ctx.shell().engineLabelProperty().get().contains("Berth"), ctx.shell().engineLabelProperty().get());
        snapshot("vm-running-settings");

        // An image made on the host, loaded with the docker CLI through the VM's socket.
        Path tar = dir.resolve("image.tar");
        TestImages.busybox().writeArchive(tar, IMAGE);
        Process load = new ProcessBuilder("docker", "-H", engines.uri(LocalEngines.Kind.VM), "load", "-i",
                tar.toString())
                .redirectErrorStream(true).start();
        assertTrue(load.waitFor(2, TimeUnit.MINUTES) && load.exitValue() == 0,
                new String(load.getInputStream().readAllBytes()));

        nav(robot, "Containers");
        robot.clickOn("#containers-run");
        type(robot, "#run-image", IMAGE);
        type(robot, "#run-name", "vm-app-it");
        type(robot, "#run-command", "sleep 600");
        robot.clickOn("#run-submit");
        waitUntil("vm-app-it runs", Duration.ofMinutes(2), () -> ctx.containers().items().stream()
                .anyMatch(c -> c.name().equals("vm-app-it") && c.state().equals("running")));
        snapshot("vm-containers");
        terminal(robot,
                ctx.containers().items().stream().filter(c -> c.name().equals("vm-app-it")).findFirst().orElseThrow());

        // The guest dies: the app says the engine stopped and offers to start it again.
        long qemu = Long.parseLong(Files.readString(engines.machine().paths().qemuPidFile()).strip());
        ProcessHandle.of(qemu).orElseThrow().destroyForcibly();
        waitUntil("the banner offering to start the engine", Duration.ofMinutes(1), () -> ctx.shell().offersLocalStart()
                && robot.lookup(".engine-banner .button").match(LabeledMatchers.hasText("Start Berth engine"))
                        .tryQuery().isPresent());
        waitUntil("the banner to say why", Duration.ofSeconds(30),
                () -> ctx.shell().localStatusProperty().get().message()
                        .contains("stopped unexpectedly"));
        snapshot("vm-guest-killed");
        robot.clickOn(robot.lookup(".engine-banner .button").match(LabeledMatchers.hasText("Start Berth engine"))
                .queryButton());
        waitUntil("the engine back after the restart", BOOT,
                () -> ctx.shell().stateProperty().get() == EngineState.CONNECTED);

        nav(robot, "Settings");
        robot.interact(
                () -> robot.lookup(".button").match(LabeledMatchers.hasText("Stop Berth engine")).queryButton().fire());
        waitUntil("the VM stopped", Duration.ofMinutes(2),
                () -> local.status().state() == LocalEngineController.State.STOPPED
                        && !engines.machine().hostRunning());
        assertTrue(Files.readString(engines.machine().paths().consoleLog()).contains("berth-init: stopped"),
                "the VM was powered off cleanly");
    }

    /** The container's terminal, on a page of its own against the VM's engine: a command and its answer. */
    private void terminal(FxRobot robot, ContainerSummary container) throws Exception {
        DockerJavaEngine engine = new DockerJavaEngine(engines.uri(LocalEngines.Kind.VM));
        ContainerDetailsPages pages = new ContainerDetailsPages(() -> engine, Async.fx(),
                () -> engines.uri(LocalEngines.Kind.VM),
                StandardTabs.all());
        Stage[] pageStage = new Stage[1];
        Object[] page = new Object[1];
        robot.interact(() -> {
            StackPane content = new StackPane();
            pages.open(container, p -> {
                page[0] = p;
                content.getChildren().setAll(p.root());
            }, () -> {});
            pageStage[0] = new Stage();
            pageStage[0].setScene(new Scene(content, 1000, 700));
            pageStage[0].show();
        });
        try {
            TerminalTab tab = (TerminalTab) ((dev.berth.app.details.ContainerDetailsPage) page[0]).tab("terminal");
            robot.interact(() -> ((dev.berth.app.details.ContainerDetailsPage) page[0]).select("terminal"));
            waitUntil("a terminal in the container", Duration.ofMinutes(1), () -> TerminalDriver.opened(tab) != null);
            TerminalSession session = TerminalDriver.opened(tab);
            Node keys = tab.view().focusTarget(session);
            TerminalDriver.command(robot, keys, tab, session, "echo in-the-vm-$((6*7))",
                    screen -> screen.contains("in-the-vm-42"),
                    Duration.ofMinutes(1), "the shell to answer through the VM");
            ScreenshotTour.snapshot(pageStage[0].getScene(), shots.resolve("vm-terminal.png"));
        } finally {
            robot.interact(() -> {
                pages.closeAll();
                pageStage[0].close();
            });
            engine.close();
        }
    }

    private void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        ScreenshotTour.snapshot(stage.getScene(), shots.resolve(name + ".png"));
    }

    private static void nav(FxRobot robot, String page) {
        robot.clickOn(robot.lookup(".nav-button").match(LabeledMatchers.hasText(page)).queryLabeled());
    }

    private static void type(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    private void waitUntil(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(timeout.toSeconds(), TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            String console = Files.exists(engines.machine().paths().consoleLog())
                    ? Files.readString(engines.machine().paths().consoleLog()) : "(no console)";
            throw new AssertionError("timed out waiting for " + what + "; engine: " + local.status() + "; state: "
                    + engines.machine().status() + "\n--- VM console\n" + console, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
