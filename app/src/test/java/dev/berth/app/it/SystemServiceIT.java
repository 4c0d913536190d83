package dev.berth.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.RunSpec;
import dev.berth.app.localengine.EngineLauncher;
import dev.berth.app.localengine.EngineProbe;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.localengine.ServiceLauncher;
import dev.berth.testkit.BerthdCommand;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * berthd as an installed system service, the way a person who is not root uses it: {@code install-service} puts the
 * unit, the polkit rule and the berth group in place (inside a sandboxed real systemd), and the app's
 * {@link ServiceLauncher} starts and stops the engine as a member of that group — no password, the socket usable —
 * while someone outside the group is refused with an explanation. Containers outlive a restart of the service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemServiceIT {
    private static final String MEMBER = "berth-it";
    private static final String OUTSIDER = "berth-outsider";
    private static final String SOCKET = "/run/berth/berth.sock";

    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static SystemdSandbox systemd = new SystemdSandbox();

    private static EngineProbe probe;

    @BeforeAll
    static void installTheService() throws Exception {
        for (String user : List.of(MEMBER, OUTSIDER)) {
            ok(systemd.asRoot("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", user));
        }
        String installer = BerthdCommand.checkoutRoot().resolve("installer/linux/install-service").toString();
        SystemdSandbox.Result installed = ok(systemd.asRoot(installer, "--user", MEMBER));
        assertTrue(installed.output().contains("added " + MEMBER + " to the berth group"), installed.output());
        probe = EngineProbe.unixSocket(systemd.fromHost(SOCKET));
    }

    @AfterAll
    static void stopTheService() throws Exception {
        if (probe != null && probe.answers()) {
            try (Engine engine = engine()) {
                engine.listContainers().forEach(c -> engine.removeContainer(c.id(), true));
            }
        }
        SystemdSandbox.run(systemd.asRoot("systemctl", "stop", ServiceLauncher.UNIT));
    }

    private static LocalEngineController controllerFor(List<String> prefix) {
        return new LocalEngineController(new ServiceLauncher(prefix, ServiceLauncher.UNIT), probe,
                Duration.ofSeconds(120));
    }

    private static LocalEngineController member() {
        return controllerFor(systemd.asUser(MEMBER));
    }

    private static Engine engine() {
        return new DockerJavaEngine("unix://" + systemd.fromHost(SOCKET));
    }

    @Test
    @Order(1)
    void aMemberOfTheBerthGroupStartsTheEngineWithoutAPassword() throws Exception {
        LocalEngineController c = member();
        assertEquals(EngineLauncher.Mode.SERVICE, c.launchMode());
        c.start();
        await(c, LocalEngineController.State.RUNNING);
        assertEquals("active", state());
        // The member reaches the engine through its socket (0660 root:berth) as the docker CLI would.
        SystemdSandbox.Result version = ok(systemd.asUser(MEMBER, "docker", "-H", "unix://" + SOCKET, "version",
                "--format", "{{.Server.Version}}"));
        assertTrue(version.output().strip().matches("\\d+\\.\\d+\\.\\d+"), version.output());
    }

    @Test
    @Order(2)
    void containersOutliveARestartOfTheService() throws Exception {
        String image = registry.host() + "/service/busybox:1";
        TestImages.busybox().push(registry, "service/busybox", "1");
        try (Engine engine = engine()) {
            engine.pullImage(image, p -> {});
            engine.runContainer(new RunSpec(image, "outlives", List.of(), List.of(), List.of(),
                    List.of("sleep", "600"), RunSpec.RestartPolicy.NO, false, "none"));
        }
        String before = ok(systemd.asUser(MEMBER, "docker", "-H", "unix://" + SOCKET, "inspect", "-f",
                "{{.State.Status}} {{.State.Pid}}", "outlives")).output().strip();
        assertTrue(before.startsWith("running "), before);

        LocalEngineController c = member();
        c.stop();
        assertEquals(LocalEngineController.State.STOPPED, c.status().state(), c.status().message());
        assertEquals("inactive", state());
        c.start();
        await(c, LocalEngineController.State.RUNNING);

        String after = ok(systemd.asUser(MEMBER, "docker", "-H", "unix://" + SOCKET, "inspect", "-f",
                "{{.State.Status}} {{.State.Pid}}", "outlives")).output().strip();
        assertEquals(before, after, "the same process still runs: KillMode=process spared it");
    }

    @Test
    @Order(3)
    void aMemberStopsTheEngine() throws Exception {
        LocalEngineController c = member();
        c.stop();
        assertEquals(LocalEngineController.State.STOPPED, c.status().state(), c.status().message());
        assertEquals("inactive", state());
        assertTrue(!probe.answers());
    }

    @Test
    @Order(4)
    void someoneOutsideTheGroupIsRefusedWithAnExplanation() throws Exception {
        LocalEngineController c = controllerFor(systemd.asUser(OUTSIDER));
        c.start();
        await(c, LocalEngineController.State.ERROR);
        assertTrue(c.status().message().contains("Interactive authentication required"), c.status().message());
        assertTrue(c.status().message().contains("members of the berth group may start and stop the engine"),
                c.status().message());
        assertEquals("inactive", state());
    }

    @Test
    @Order(5)
    void anEngineThatCannotStartIsAnErrorWithItsLog() throws Exception {
        ok(systemd.asRoot("mkdir", "-p", "/etc/berth"));
        ok(systemd.asRoot("sh", "-c", "echo '{\"data-root\": ' > /etc/berth/daemon.json"));
        try {
            // Root reads the journal; a member would see `systemctl status` instead.
            LocalEngineController c = controllerFor(systemd.asRoot());
            c.start();
            await(c, LocalEngineController.State.ERROR);
            assertTrue(c.status().message().startsWith("The engine exited before it answered")
                    || c.status().message().contains("stopped before the engine answered"), c.status().message());
            assertTrue(c.status().lastLogLines().stream().anyMatch(l -> l.contains("daemon.json")),
                    c.status().lastLogLines()::toString);
        } finally {
            SystemdSandbox.run(systemd.asRoot("systemctl", "stop", ServiceLauncher.UNIT));
            SystemdSandbox.run(systemd.asRoot("rm", "-f", "/etc/berth/daemon.json"));
            SystemdSandbox.run(systemd.asRoot("systemctl", "reset-failed", ServiceLauncher.UNIT));
        }
    }

    private static String state() throws Exception {
        return SystemdSandbox.run(systemd.asRoot("systemctl", "is-active", ServiceLauncher.UNIT)).output().strip();
    }

    private static SystemdSandbox.Result ok(List<String> command) throws Exception {
        SystemdSandbox.Result r = SystemdSandbox.run(command);
        assertEquals(0, r.exit(), () -> String.join(" ", command) + ":\n" + r.output() + "\nsandbox: " + systemd.log());
        return r;
    }

    private static void await(LocalEngineController c, LocalEngineController.State want) throws Exception {
        for (int i = 0; i < 1200 && c.status().state() != want; i++) {
            if (c.status().state() == LocalEngineController.State.ERROR && want != LocalEngineController.State.ERROR) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(want, c.status().state(), () -> c.status().message() + "\n" + c.status().lastLogLines());
    }
}
