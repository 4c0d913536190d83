package dev.berth.app.it;

import dev.berth.testkit.BerthdExtension;
import dev.berth.testkit.TempTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineException;
import dev.berth.app.engine.SshEngines;
import dev.berth.app.engine.ssh.KnownHostsFile;
import dev.berth.app.engine.ssh.SshSettings;
import dev.berth.app.engine.ssh.UnknownHostKeyException;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.support.I18n;
import dev.berth.testkit.Await;
import dev.berth.testkit.BerthdCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A remote engine over ssh, as the docker CLI reaches one: a real OpenSSH server on loopback (its own host key and
 * config) in front of berthd; the app signs in with a key from the person's {@code ~/.ssh}, refuses the host until
 * its key is trusted (and a changed key for good), then pulls, runs, execs and reads logs through the tunnel — with
 * the docker CLI's dial-stdio on the host, and with berthd's own where the host has only Berth.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshEngineIT {

    @RegisterExtension
    static BerthdExtension berthd = BerthdExtension.fromCheckout().withImage("app/ssh:1");

    private static Path dir;
    private static Process sshd;
    private static int port;
    private static SshSettings settings;

    @BeforeAll
    static void startSshd() throws Exception {
        assumeTrue(LocalEngineController.runningAsRoot(), "sshd logs in as root here");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "no sshd (scripts/install-deps --test installs "
                + "openssh-server)");
        I18n.setLocale(Locale.ENGLISH);
        dir = Files.createTempDirectory(Path.of("/tmp"), "berth-ssh-it-");
        Path home = Files.createDirectories(dir.resolve("home/.ssh"));
        ok("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("hostkey").toString());
        ok("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", home.resolve("id_ed25519").toString());
        Files.copy(home.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("hostkey"),
                "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "UsePAM no", "StrictModes no",
                // Two channels a connection (sshd's default is ten): the app's connections spill into more sessions.
                "MaxSessions 2",
                // The host's docker CLI talks to the test's berthd, as DOCKER_HOST would on a real server.
                "SetEnv DOCKER_HOST=unix://" + berthd.socket(), ""));
        Files.createDirectories(Path.of("/run/sshd"));
        sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        Await.until("sshd to listen on " + port, Duration.ofSeconds(20), () -> {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }, SshEngineIT::sshdLog);
        settings = new SshSettings(home, "", SshSettings.DIAL);
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
        if (dir != null) {
            TempTree.delete(dir);
        }
    }

    private static String uri() {
        return "ssh://root@127.0.0.1:" + port;
    }

    @Test
    @Order(1)
    void anUnknownHostIsRefusedWithTheFingerprintSshWouldShow() throws Exception {
        EngineException e = assertThrows(EngineException.class, () -> SshEngines.open(uri(), settings));
        UnknownHostKeyException unknown = assertInstanceOf(UnknownHostKeyException.class, e.getCause());
        assertFalse(unknown.changed());
        String expected = ok("ssh-keygen", "-l", "-E", "sha256", "-f", dir.resolve("hostkey.pub").toString())
                .split(" ")[1];
        assertEquals(expected, unknown.fingerprint());
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("not known"), e.getMessage());
        assertFalse(Files.exists(settings.sshDir().resolve("known_hosts")), "nothing trusted without asking");
        KnownHostsFile.trust(settings, unknown);
    }

    @Test
    @Order(2)
    void onceTrustedTheAppManagesTheEngineThroughTheTunnel() {
        try (Engine remote = SshEngines.open(uri(), settings)) {
            assertTrue(remote.version().display().contains("Berth"), remote.version().toString());
            String image = berthd.image();
            var dialogs = new ThroughTheDialogs(remote, berthd::log);
            dialogs.pull(image);
            ContainerSummary running = dialogs.run(image, "over-ssh", "");
            // Held open while more requests go: logs followed, events followed, then exec beside them.
            var logs = remote.logs(running.id(), dev.berth.app.engine.LogOptions.followAll(), line -> {}, end -> {});
            var events = remote.events(e -> {}, end -> {});
            // exec upgrades the connection to a raw stream: the tunnel passes it through unchanged.
            assertEquals("hello over ssh", remote.runCommand(running.id(), List.of("echo", "hello over ssh"))
                    .output().strip());
            logs.close();
            events.close();
            dialogs.stopAndRemove(running);
        }
    }

    @Test
    @Order(3)
    void aHostWithOnlyBerthAnswersThroughBerthdDialStdio() {
        // No docker CLI in the command: berthd's own dial-stdio, from this checkout, on the engine's socket.
        String dial = BerthdCommand.fromCheckout(BerthdCommand.checkoutRoot(),
                List.of("dial-stdio", "-H", "unix://" + berthd.socket())).stream()
                .map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        var berthOnly = new SshSettings(settings.sshDir(), "", "exec " + dial);
        try (Engine remote = SshEngines.open(uri(), berthOnly)) {
            assertTrue(remote.version().display().contains("Berth"), remote.version().toString());
            assertTrue(remote.listImages().stream().anyMatch(i -> i.repoTags().stream()
                    .anyMatch(t -> t.endsWith("/app/ssh:1"))), () -> remote.listImages().toString());
        }
    }

    @Test
    @Order(3)
    void aHostAliasFromSshConfigBringsItsAddressUserPortAndKey() throws Exception {
        // Another home: no key under ssh's default names, only the one the config names for this alias.
        Path other = Files.createDirectories(dir.resolve("other-home/.ssh"));
        Files.copy(settings.sshDir().resolve("known_hosts"), other.resolve("known_hosts"));
        Files.copy(settings.sshDir().resolve("id_ed25519"), other.resolve("berth_key"));
        Files.writeString(other.resolve("config"), String.join("\n", "Host berth-test-host",
                "  HostName 127.0.0.1", "  Port " + port, "  User root", "  IdentityFile ~/.ssh/berth_key", ""));
        try (Engine remote = SshEngines.open("ssh://berth-test-host", new SshSettings(other, "", SshSettings.DIAL))) {
            assertTrue(remote.version().display().contains("Berth"), remote.version().toString());
        }
    }

    @Test
    @Order(4)
    void aChangedHostKeyIsRefusedAndCannotBeTrustedFromTheApp() throws Exception {
        Path knownHosts = settings.sshDir().resolve("known_hosts");
        String line = Files.readString(knownHosts).strip();
        ok("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("otherkey").toString());
        String otherKey = Files.readString(dir.resolve("otherkey.pub")).split(" ")[1];
        Files.writeString(knownHosts, line.split(" ")[0] + " ssh-ed25519 " + otherKey + "\n");
        EngineException e = assertThrows(EngineException.class, () -> SshEngines.open(uri(), settings));
        UnknownHostKeyException changed = assertInstanceOf(UnknownHostKeyException.class, e.getCause());
        assertTrue(changed.changed(), e.getMessage());
        assertTrue(e.getMessage().contains("CHANGED"), e.getMessage());
        assertThrows(IOException.class, () -> KnownHostsFile.trust(settings, changed));
    }

    private static String ok(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + ": " + out);
        return out;
    }

    private static String sshdLog() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
