package dev.berth.runtime.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.network.ipam.BridgeAddress;
import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ipam.SubnetPicker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static DaemonConfig load(Path defaultFile, String... args) throws StartupException {
        return ConfigLoader.load(assertInstanceOf(DaemonArgs.Run.class, DaemonArgs.parse(args)), defaultFile);
    }

    @Test
    void defaults(@TempDir Path dir) throws StartupException {
        DaemonConfig c = load(dir.resolve("absent.json"));
        assertEquals(List.of(Path.of("/run/berth/berth.sock")), c.sockets());
        assertEquals(Path.of("/var/lib/berth"), c.dataRoot());
        assertEquals(Path.of("/run/berth/exec/berthd.pid"), c.pidFile());
        assertEquals(LogLevel.INFO, c.effectiveLogLevel());
        assertEquals(null, c.configFile());
    }

    @Test
    void flagsInDockerdSpellings(@TempDir Path dir) throws StartupException {
        DaemonConfig c = load(null, "-H", "unix:///tmp/a.sock", "--host=unix:///tmp/b.sock", "--data-root",
                "/srv/berth",
                "--exec-root=/run/x", "--insecure-registry", "localhost:5000", "--insecure-registry", "10.0.0.0/8",
                "-D", "--log-level", "warn", "--max-concurrent-downloads", "5");
        assertEquals(List.of(Path.of("/tmp/a.sock"), Path.of("/tmp/b.sock")), c.sockets());
        assertEquals(Path.of("/srv/berth"), c.dataRoot());
        assertEquals(Path.of("/run/x/berthd.pid"), c.pidFile());
        assertEquals(List.of("localhost:5000", "10.0.0.0/8"), c.insecureRegistries());
        assertEquals(LogLevel.DEBUG, c.effectiveLogLevel(), "--debug wins");
        assertEquals(5, c.maxConcurrentDownloads());
    }

    @Test
    void helpAndVersion() throws StartupException {
        assertInstanceOf(DaemonArgs.Help.class, DaemonArgs.parse(new String[]{"--data-root", "/x", "-h"}));
        assertInstanceOf(DaemonArgs.Version.class, DaemonArgs.parse(new String[]{"-v"}));
    }

    @Test
    void stopContainersNamesTheSocketAndTheGracePeriod() throws StartupException {
        var defaults = assertInstanceOf(DaemonArgs.StopContainers.class,
                DaemonArgs.parse(new String[]{"stop-containers"}));
        assertEquals(DaemonConfig.DEFAULT_SOCKET, defaults.socket());
        assertEquals(10, defaults.graceSeconds());
        var given = assertInstanceOf(DaemonArgs.StopContainers.class,
                DaemonArgs.parse(new String[]{"stop-containers", "-H", "unix:///tmp/b.sock", "-t", "3"}));
        assertEquals(Path.of("/tmp/b.sock"), given.socket());
        assertEquals(3, given.graceSeconds());
        assertThrows(StartupException.class, () -> DaemonArgs.parse(new String[]{"stop-containers", "-H",
                "tcp://127.0.0.1:2375"}));
        assertThrows(StartupException.class, () -> DaemonArgs.parse(new String[]{"stop-containers", "-t", "soon"}));
    }

    @Test
    void dialStdioNamesTheSocket() throws StartupException {
        assertEquals(DaemonConfig.DEFAULT_SOCKET, assertInstanceOf(DaemonArgs.DialStdio.class,
                DaemonArgs.parse(new String[]{"dial-stdio"})).socket());
        assertEquals(Path.of("/tmp/b.sock"), assertInstanceOf(DaemonArgs.DialStdio.class,
                DaemonArgs.parse(new String[]{"dial-stdio", "-H", "unix:///tmp/b.sock"})).socket());
        assertThrows(StartupException.class, () -> DaemonArgs.parse(new String[]{"dial-stdio", "--tls"}));
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertEquals(2,
                assertThrows(StartupException.class, () -> DaemonArgs.parse(new String[]{"--bogus"})).exitCode());
        assertThrows(StartupException.class, () -> DaemonArgs.parse(new String[]{"--data-root"}));
        assertThrows(StartupException.class, () -> load(null, "-H", "tcp://0.0.0.0:2375"));
        assertThrows(StartupException.class, () -> load(null, "--data-root", "relative/path"));
        assertThrows(StartupException.class, () -> load(null, "--log-level", "loud"));
    }

    @Test
    void configFileIsReadAndMerged(@TempDir Path dir) throws IOException, StartupException {
        Path file = dir.resolve("daemon.json");
        Files.writeString(file, """
                {"hosts": ["unix:///tmp/c.sock"], "data-root": "/srv/d", "registry-mirrors": ["https://m.example"],
                 "debug": true, "log-level": "error", "pidfile": "/tmp/p.pid"}
                """);
        DaemonConfig c = load(null, "--config-file", file.toString(), "--exec-root", "/run/e");
        assertEquals(List.of(Path.of("/tmp/c.sock")), c.sockets());
        assertEquals(Path.of("/srv/d"), c.dataRoot());
        assertEquals(Path.of("/run/e"), c.execRoot());
        assertEquals(Path.of("/tmp/p.pid"), c.pidFile());
        assertEquals(List.of("https://m.example"), c.registryMirrors());
        assertTrue(c.debug());
        assertEquals(file, c.configFile());
        // The default location is used when it exists.
        assertEquals(Path.of("/srv/d"), load(file).dataRoot());
    }

    @Test
    void aSettingGivenBothWaysIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("daemon.json");
        Files.writeString(file, "{\"data-root\": \"/srv/d\"}");
        StartupException e = assertThrows(StartupException.class,
                () -> load(null, "--config-file", file.toString(), "--data-root", "/srv/other"));
        assertTrue(e.getMessage().contains("specified both as a flag and in the configuration file: data-root: "
                + "(from flag: /srv/other, from file: /srv/d)"), e.getMessage());
    }

    @Test
    void badConfigFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("daemon.json");
        Files.writeString(file, "{\"storage-driver\": \"vfs\"}");
        assertTrue(assertThrows(StartupException.class, () -> load(null, "--config-file", file.toString()))
                .getMessage().contains("don't match any configuration option: storage-driver"));
        Files.writeString(file, "{\"debug\": \"yes\"}");
        assertThrows(StartupException.class, () -> load(null, "--config-file", file.toString()));
        Files.writeString(file, "{not json");
        assertThrows(StartupException.class, () -> load(null, "--config-file", file.toString()));
        assertThrows(StartupException.class, () -> load(null, "--config-file", dir.resolve("missing.json").toString()));
    }

    @Test
    void bipAndDefaultAddressPoolsAsFlags() throws StartupException {
        DaemonConfig c = load(null, "--bip", "192.168.77.5/24", "--default-address-pool", "base=10.66.0.0/16,size=26",
                "--default-address-pool", "size=28,base=10.67.0.0/20");
        assertEquals(BridgeAddress.parse("192.168.77.5/24"), c.bip());
        assertEquals("192.168.77.0/24", c.bip().subnet().toString());
        assertEquals("192.168.77.5", c.bip().address().toString());
        assertEquals(
                List.of(new SubnetPicker.Pool(Cidr.parse("10.66.0.0/16"), 26),
                        new SubnetPicker.Pool(Cidr.parse("10.67.0.0/20"), 28)),
                c.defaultAddressPools());
        DaemonConfig none = load(null);
        assertEquals(null, none.bip());
        assertTrue(none.defaultAddressPools().isEmpty());
    }

    @Test
    void bipAndDefaultAddressPoolsInDaemonJson(@TempDir Path dir) throws IOException, StartupException {
        Path file = dir.resolve("daemon.json");
        Files.writeString(file,
                """
                        {"bip": "10.50.0.1/16", "default-address-pools": [{"base": "10.60.0.0/16", "size": 24}, {"base": "10.61.0.0/16", "size": 20}]}
                        """);
        DaemonConfig c = load(null, "--config-file", file.toString());
        assertEquals(BridgeAddress.parse("10.50.0.1/16"), c.bip());
        assertEquals(
                List.of(new SubnetPicker.Pool(Cidr.parse("10.60.0.0/16"), 24),
                        new SubnetPicker.Pool(Cidr.parse("10.61.0.0/16"), 20)),
                c.defaultAddressPools());
        StartupException both = assertThrows(StartupException.class,
                () -> load(null, "--config-file", file.toString(), "--bip", "10.51.0.1/16"));
        assertTrue(both.getMessage().contains("specified both as a flag and in the configuration file: bip"),
                both.getMessage());
    }

    @Test
    void badBipOrPoolsAreClearErrors(@TempDir Path dir) throws IOException {
        for (String bip : List.of("10.50.0.0/16", "10.50.255.255/16", "10.50.0.1", "10.50.0.1/31", "300.1.1.1/8",
                "10.50.0.1/x")) {
            StartupException e = assertThrows(StartupException.class, () -> load(null, "--bip", bip), bip);
            assertTrue(e.getMessage().contains("bip") || e.getMessage().contains("IPv4"), e.getMessage());
        }
        for (String pool : List.of("base=10.0.0.0/16,size=8", "base=10.0.0.0/16", "size=24", "base=10.0.0.1/16,size=24",
                "base=10.0.0.0/16,size=x", "base=10.0.0.0/16,size=24,color=red", "base=10.0.0.0/16,size=31")) {
            assertThrows(StartupException.class, () -> load(null, "--default-address-pool", pool), pool);
        }
        Path file = dir.resolve("daemon.json");
        for (String json : List.of("{\"default-address-pools\": \"10.0.0.0/8\"}",
                "{\"default-address-pools\": [{\"base\": \"10.0.0.0/8\"}]}",
                "{\"default-address-pools\": [{\"base\": \"10.0.0.0/8\", \"size\": \"24\"}]}", "{\"bip\": 5}")) {
            Files.writeString(file, json);
            assertThrows(StartupException.class, () -> load(null, "--config-file", file.toString()), json);
        }
    }

    @Test
    void tcpIsServedBehindTlsAndPlainOnlyOnLoopbackUnlessForced(@TempDir Path dir) throws Exception {
        DaemonConfig tls = load(null, "-H", "unix:///tmp/a.sock", "-H", "tcp://0.0.0.0:2376", "--tlsverify",
                "--tlscacert", "/etc/x/ca.pem", "--tlscert", "/etc/x/cert.pem", "--tlskey", "/etc/x/key.pem");
        assertEquals(List.of(Path.of("/tmp/a.sock")), tls.sockets());
        assertEquals("tcp://0.0.0.0:2376", tls.tcpHosts().getFirst().toString());
        assertEquals(new dev.berth.runtime.api.http.ServerTls(Path.of("/etc/x/ca.pem"), Path.of("/etc/x/cert.pem"),
                Path.of("/etc/x/key.pem"), true), tls.tls());

        DaemonConfig defaults = load(null, "-H", "tcp://127.0.0.1", "--tlsverify");
        assertEquals(List.of(), defaults.sockets(), "only what -H asks for, as dockerd");
        assertEquals(2376, defaults.tcpHosts().getFirst().address().getPort(), "dockerd's TLS port");
        assertEquals(Path.of("/etc/berth/tls/ca.pem"), defaults.tls().ca());

        StartupException refused = assertThrows(StartupException.class, () -> load(null, "-H", "tcp://0.0.0.0:2375"));
        assertTrue(refused.getMessage().contains("without TLS"), refused.getMessage());
        DaemonConfig tlsOnly = load(null, "-H", "tcp://[::]:2376", "--tls");
        assertEquals(false, tlsOnly.tls().verifyClients(), "--tls encrypts; only --tlsverify checks clients");
        DaemonConfig loopback = load(null, "-H", "tcp://127.0.0.1:2375");
        assertEquals(null, loopback.tls());
        assertEquals(2375, loopback.tcpHosts().getFirst().address().getPort());
        DaemonConfig forced = load(null, "-H", "tcp://0.0.0.0:2375", "--tls=false");
        assertEquals(null, forced.tls(), "the operator said so in so many words");

        Path file = dir.resolve("daemon.json");
        Files.writeString(file,
                "{\"hosts\": [\"tcp://[::1]:2376\"], \"tlsverify\": true, \"tlscert\": \"/srv/c.pem\"}");
        DaemonConfig fromFile = load(null, "--config-file", file.toString());
        assertTrue(fromFile.tcpHosts().getFirst().loopback());
        assertEquals(Path.of("/srv/c.pem"), fromFile.tls().cert());

        for (String bad : List.of("tcp://127.0.0.1:99999", "tcp://127.0.0.1:http", "tcp://127.0.0.1:2375/path")) {
            assertThrows(StartupException.class, () -> load(null, "-H", bad, "--tlsverify"), bad);
        }
    }
}
