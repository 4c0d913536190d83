package dev.berth.app.xray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.app.dashboard.DashboardView;
import dev.berth.app.dashboard.DashboardViewModel;
import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.XRayReport;
import dev.berth.app.layers.LayersView;
import dev.berth.app.layers.LayersViewModel;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.testkit.BerthdExtension;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The X-ray tab, the layers view and the dashboard against a real berthd (started from bin/berthd), headless on
 * Monocle: what they show must be what the kernel and the engine say.
 */
@ExtendWith(ApplicationExtension.class)
class XRayViewIT {
    @RegisterExtension
    static BerthdExtension berthd = BerthdExtension.fromCheckout().withImage("app-it/busybox:1");

    private static DockerJavaEngine engine;
    private static String containerId;
    private static String imageId;
    private static int imageLayers;
    private final StackPane host = new StackPane();

    @BeforeAll
    static void startEngine() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        String image = berthd.image();
        berthd.dockerOk("pull", image);
        // sh stays PID 1 with a child: the shell does not exec its last command when more follows.
        containerId = berthd
                .dockerOk("run", "-d", "--name", "xray-it", image, "sh", "-c", "sleep 600 & sleep 601; echo")
                .stdout().strip();
        JsonNode inspect = new ObjectMapper().readTree(berthd.dockerOk("image", "inspect", image).stdout()).get(0);
        imageId = inspect.path("Id").asText();
        imageLayers = inspect.at("/RootFS/Layers").size();
        engine = new DockerJavaEngine(berthd.dockerHost());
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(host, 1100, 800));
        stage.show();
    }

    private void show(javafx.scene.Node node) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> host.getChildren().setAll(node)).get();
    }

    @Test
    void xrayTabShowsPidOneInsideADifferentHostPidAndTheImagesLayers(FxRobot robot) throws Exception {
        XRayViewModel vm = new XRayViewModel(() -> engine, Async.fx());
        show(new XRayView(vm).root());
        WaitForAsyncUtils.asyncFx(() -> vm.load(containerId));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.statusProperty().get() != XRayStatus.LOADING
                && vm.statusProperty().get() != XRayStatus.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(XRayStatus.READY, vm.statusProperty().get(), vm.messageProperty().get() + "\n" + berthd.log());

        Label headline = robot.lookup("#xray-pid-headline").queryAs(Label.class);
        XRayReport.Process init = vm.initProcess();
        assertEquals(1, init.containerPid());
        assertNotEquals(1, init.hostPid());
        assertEquals("PID 1 inside the container is PID " + init.hostPid() + " on the host.", headline.getText());
        @SuppressWarnings("unchecked")
        TableView<XRayReport.Process> table = robot.lookup("#xray-processes").queryAs(TableView.class);
        assertTrue(table.getItems().size() >= 2, "sh and its sleep");
        assertEquals(1, table.getItems().getFirst().containerPid());
        assertTrue(table.getItems().stream().allMatch(p -> p.hostPid() != p.containerPid()));

        assertEquals(imageLayers, vm.lowerLayerCount());
        assertEquals(imageLayers, robot.lookup(".xray-lower").queryAll().size());
        assertEquals("The image's " + imageLayers + " layers lie under the container, read-only.",
                robot.lookup("#xray-lower-count").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#xray-caps").query().isVisible());
    }

    @Test
    void xrayOfAStoppedContainerExplainsWhy(FxRobot robot) throws Exception {
        String stopped = berthd.dockerOk("create", "--name", "xray-stopped", berthd.image(), "true").stdout()
                .strip();
        XRayViewModel vm = new XRayViewModel(() -> engine, Async.fx());
        show(new XRayView(vm).root());
        WaitForAsyncUtils.asyncFx(() -> vm.load(stopped));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.statusProperty().get() == XRayStatus.NOT_RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#xray-message").queryAs(Label.class).getText().contains("not running"));
    }

    @Test
    void layersViewListsTheImagesLayers(FxRobot robot) throws Exception {
        LayersViewModel vm = new LayersViewModel(() -> engine, Async.fx());
        show(new LayersView(vm).root());
        WaitForAsyncUtils.asyncFx(() -> vm.open(imageId));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(imageLayers, vm.layerCount(), vm.rows().toString());
        assertTrue(robot.lookup("#layers-count").queryAs(Label.class).getText().startsWith(imageLayers + " layers"));
    }

    @Test
    void dashboardShowsTheEngineAndTheRunningContainer(FxRobot robot) throws Exception {
        DashboardViewModel vm = new DashboardViewModel(() -> engine, Async.fx());
        show(new DashboardView(vm).root());
        WaitForAsyncUtils.asyncFx(vm::refresh);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.snapshotProperty().get() != null
                || !vm.errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        var s = vm.snapshotProperty().get();
        assertTrue(s != null, vm.errorProperty().get());
        assertTrue(s.running() >= 1);
        assertTrue(s.disk().images().sizeBytes() > 0, "the busybox layers take space");
        assertTrue(s.busiest().stream().anyMatch(b -> b.name().equals("xray-it")), s.busiest().toString());
        assertTrue(robot.lookup("#dashboard-engine-card").query().isVisible());
    }
}
