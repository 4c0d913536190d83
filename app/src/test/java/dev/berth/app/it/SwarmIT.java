package dev.berth.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.swarm.ServiceDraft;
import dev.berth.app.engine.swarm.SwarmNode;
import dev.berth.app.engine.swarm.SwarmService;
import dev.berth.app.engine.swarm.SwarmTask;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.swarm.ServiceLogsViewModel;
import dev.berth.app.swarm.SwarmViewModel;
import dev.berth.testkit.Await;
import dev.berth.testkit.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Swarm page's ViewModels on a real three-node swarm of Debian's dockerd ({@link SwarmCluster}), joined
 * through the app: a service of three replicas spreads over the nodes, scales to five and back, rolls over to
 * another image task by task, leaves a drained node, and leaves a node whose engine was killed, which shows as
 * down; its log comes from every node. Services publish nothing through the routing mesh (this kernel has no IPVS).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class)
class SwarmIT {
    private static final Duration CONVERGE = Duration.ofMinutes(2);
    private static final String IMAGE_1 = "swarmtest/busybox:1";
    private static final String IMAGE_2 = "swarmtest/busybox:2";

    private static SwarmCluster cluster;
    private static final DockerJavaEngine[] engines = new DockerJavaEngine[SwarmCluster.NODES + 1];
    private static SwarmViewModel manager;

    @BeforeAll
    static void joinTheSwarmThroughTheApp() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        cluster = SwarmCluster.start();
        Path one = cluster.socket(1).getParent().resolve("image-1.tar");
        Path two = cluster.socket(1).getParent().resolve("image-2.tar");
        TestImages.busybox().writeArchive(one, IMAGE_1);
        TestImages.busyboxBuilder().env("PATH=/bin", "GREETING=version 2").build().writeArchive(two, IMAGE_2);
        for (int i = 1; i <= SwarmCluster.NODES; i++) {
            engines[i] = new DockerJavaEngine(cluster.uri(i));
            cluster.docker(i, "load", "-i", one.toString());
            cluster.docker(i, "load", "-i", two.toString());
        }
        manager = new SwarmViewModel(() -> engines[1], Async.sameThread());
        manager.refresh();
        assertEquals("inactive", manager.statusProperty().get().state());
        manager.init(cluster.address(1));
        assertTrue(manager.statusProperty().get().canManage(), manager.errorProperty().get());
        String token = manager.statusProperty().get().workerToken();
        for (int i = 2; i <= SwarmCluster.NODES; i++) {
            SwarmViewModel worker = new SwarmViewModel(engine(i), Async.sameThread());
            worker.join(cluster.address(1) + ":2377", token);
            assertEquals("", worker.errorProperty().get());
            assertTrue(worker.statusProperty().get().active() && !worker.statusProperty().get().manager());
        }
        Await.until("three ready nodes", CONVERGE, () -> {
            manager.nodes().refresh();
            return manager.nodes().items().stream().filter(n -> n.state().equals("ready")).count() == 3;
        }, () -> manager.nodes().items().toString());
    }

    private static java.util.function.Supplier<dev.berth.app.engine.Engine> engine(int i) {
        return () -> engines[i];
    }

    @AfterAll
    static void tearDown() {
        for (DockerJavaEngine e : engines) {
            if (e != null) {
                e.close();
            }
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void nodesShowTheirRolesAndHostNames() {
        manager.nodes().refresh();
        List<SwarmNode> nodes = manager.nodes().items();
        assertEquals(List.of("swarm-node-1", "swarm-node-2", "swarm-node-3"), nodes.stream().map(SwarmNode::hostname)
                .toList());
        assertEquals(List.of("manager", "worker", "worker"), nodes.stream().map(SwarmNode::role).toList());
        assertEquals("Leader", nodes.getFirst().managerStatus());
        assertTrue(nodes.getFirst().self());
    }

    @Test
    @Order(2)
    void aServiceOfThreeReplicasSpreadsOverTheNodes() {
        manager.services().create("web", IMAGE_1, "3", "", "sleep 3600");
        assertEquals("", manager.services().errorProperty().get());
        SwarmService web = service("web");
        assertEquals("replicated", web.mode());
        manager.services().select(web);
        awaitLive("web", 3, tasks -> nodesOf(tasks).size() == 3);
    }

    @Test
    @Order(3)
    void scalesToFiveAndBack() {
        manager.services().scale(service("web"), "5");
        awaitLive("web", 5, tasks -> true);
        Await.until("5/5 replicas", CONVERGE, () -> service("web").replicas().equals("5/5"));
        manager.services().scale(service("web"), "3");
        awaitLive("web", 3, tasks -> true);
    }

    @Test
    @Order(4)
    void anImageUpdateReplacesTheTasksOneByOne() {
        manager.services().updateImage(service("web"), IMAGE_2);
        assertEquals("", manager.services().errorProperty().get());
        awaitLive("web", 3, tasks -> tasks.stream().allMatch(t -> t.image().equals(IMAGE_2)));
        Await.until("the update completed", CONVERGE, () -> service("web").updateState().equals("completed"),
                () -> service("web").toString());
        manager.services().refreshTasks();
        long replaced = manager.services().tasks().stream().filter(t -> t.image().equals(IMAGE_1)
                && t.desiredState().equals("shutdown")).count();
        assertEquals(3, replaced, "each old task is kept as history, shut down");
    }

    @Test
    @Order(5)
    void aRollbackReturnsToTheImageBefore() {
        manager.services().rollback(service("web"));
        awaitLive("web", 3, tasks -> tasks.stream().allMatch(t -> t.image().equals(IMAGE_1)));
        Await.until("the rollback completed", CONVERGE, () -> service("web").updateState().equals(
                "rollback_completed"), () -> service("web").toString());
    }

    @Test
    @Order(6)
    void aDrainedNodeLosesItsTasks() {
        SwarmNode third = node(SwarmCluster.hostname(3));
        manager.nodes().setAvailability(third, "drain");
        assertEquals("swarm-node-3 is now drained.", manager.nodes().noticeProperty().get());
        awaitLive("web", 3, tasks -> !nodesOf(tasks).contains(SwarmCluster.hostname(3)));
        manager.nodes().setAvailability(node(SwarmCluster.hostname(3)), "active");
        assertEquals("active", node(SwarmCluster.hostname(3)).availability());
    }

    @Test
    @Order(7)
    void aServiceLogComesFromEveryTask() throws Exception {
        String id = engines[1].swarm().createService(new ServiceDraft("talker", IMAGE_1, 2, List.of("sh", "-c",
                "while true; do echo hello from $(hostname); sleep 1; done"), List.of(), List.of(), true));
        manager.services().refresh();
        awaitLive("talker", 2, tasks -> true);
        try (ServiceLogsViewModel logs = new ServiceLogsViewModel(() -> engines[1], Async.sameThread())) {
            logs.follow(service("talker"), 10);
            Await.until("lines from both tasks", CONVERGE, () -> logs.snapshot().stream().filter(l -> l.contains(
                    "hello from")).map(l -> l.substring(0, l.indexOf(' '))).distinct().count() == 2,
                    () -> logs.snapshot().toString() + logs.errorProperty().get());
            String line = logs.snapshot().stream().filter(l -> l.contains("hello from")).findFirst().orElseThrow();
            assertTrue(line.matches("talker\\.[12]@swarm-node-\\d \\| hello from .+"), line);
        }
        engines[1].swarm().removeService(id);
    }

    @Test
    @Order(8)
    void secretsAndConfigsAreListedByName() {
        manager.secrets().create("db_password", "s3cret");
        manager.configs().create("nginx_conf", "server {}");
        assertEquals(List.of("db_password"), manager.secrets().items().stream().map(o -> o.name()).toList());
        assertEquals(List.of("nginx_conf"), manager.configs().items().stream().map(o -> o.name()).toList());
        manager.secrets().remove(List.copyOf(manager.secrets().items()));
        assertTrue(manager.secrets().items().isEmpty(), manager.secrets().errorProperty().get());
    }

    @org.testfx.framework.junit5.Start
    void stage(javafx.stage.Stage stage) {
        stage.setScene(new javafx.scene.Scene(host, 1200, 800));
        stage.show();
    }

    private final javafx.scene.layout.StackPane host = new javafx.scene.layout.StackPane();

    @Test
    @Order(9)
    void theServicesPageListsTheServicesAndTheTasksOfTheOneChosen(org.testfx.api.FxRobot robot) throws Exception {
        SwarmViewModel page = new SwarmViewModel(() -> engines[1], Async.fx());
        dev.berth.app.swarm.SwarmView view = new dev.berth.app.swarm.SwarmView(page,
                () -> new ServiceLogsViewModel(() -> engines[1], Async.fx()));
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> host.getChildren().setAll(view.root())).get();
        // The tab's content joins the scene when the TabPane's skin lays it out, a pulse or more later.
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> robot.lookup(
                "#swarm-services").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<SwarmService> services = robot.lookup("#swarm-services").queryAs(
                javafx.scene.control.TableView.class);
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> services
                .getItems().stream().anyMatch(s -> s.name().equals("web") && s.replicas().equals("3/3")));
        assertEquals("This engine is a manager of a swarm of 3 nodes (1 manager).", robot.lookup("#swarm-status")
                .queryAs(javafx.scene.control.Label.class).getText());
        SwarmService web = services.getItems().stream().filter(s -> s.name().equals("web")).findFirst()
                .orElseThrow();
        // Chosen as a click would choose it: through the table's selection, which the page listens to.
        robot.interact(() -> services.getSelectionModel().select(web));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<SwarmTask> tasks = robot.lookup("#swarm-tasks").queryAs(
                javafx.scene.control.TableView.class);
        org.testfx.util.WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> tasks.getItems()
                .stream().filter(t -> t.state().equals("running")).count() == 3);
        assertTrue(tasks.getItems().stream().allMatch(t -> t.name().startsWith("web.")), tasks.getItems()
                .toString());
    }

    @Test
    @Order(100)
    void aNodeWhoseEngineDiedIsDownAndItsTasksMove() {
        awaitLive("web", 3, tasks -> true);
        cluster.kill(2);
        Await.until("node 2 down", CONVERGE, () -> {
            manager.nodes().refresh();
            return node(SwarmCluster.hostname(2)).state().equals("down");
        }, () -> manager.nodes().items().toString());
        awaitLive("web", 3, tasks -> !nodesOf(tasks).contains(SwarmCluster.hostname(2)));
    }

    /** Waits until {@code name} has exactly {@code count} running tasks and they pass {@code check}. */
    private static void awaitLive(String name, int count, java.util.function.Predicate<List<SwarmTask>> check) {
        manager.services().refresh();
        manager.services().select(service(name));
        Await.until(count + " running tasks of " + name, CONVERGE, () -> {
            manager.services().refreshTasks();
            List<SwarmTask> running = manager.services().tasks().stream().filter(t -> t.desiredState().equals(
                    "running") && t.state().equals("running")).toList();
            return running.size() == count && check.test(running);
        }, () -> manager.services().tasks().toString() + manager.services().errorProperty().get());
    }

    private static Set<String> nodesOf(List<SwarmTask> tasks) {
        return tasks.stream().map(SwarmTask::node).collect(Collectors.toSet());
    }

    private static SwarmService service(String name) {
        manager.services().refresh();
        return manager.services().items().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no service " + name + ": " + manager.services().items() + manager
                        .services().errorProperty().get()));
    }

    private static SwarmNode node(String hostname) {
        manager.nodes().refresh();
        return manager.nodes().items().stream().filter(n -> n.hostname().equals(hostname)).findFirst()
                .orElseThrow();
    }
}
