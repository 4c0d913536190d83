package dev.berth.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionCatalogTest {
    /** No well-known engine socket exists, whatever this machine has. */
    private static final Predicate<Path> NONE = p -> false;

    @TempDir
    Path home;

    @Test
    void offersTheLocalEnginesWhoseSocketsExistAfterTheContexts() throws Exception {
        context("a1", """
                {"Name":"desktop-linux","Endpoints":{"docker":{"Host":"unix://%s/.docker/desktop/docker.sock"}}}"""
                .formatted(home));
        Set<Path> present = Set.of(Path.of("/var/run/docker.sock"), Path.of("/run/user/1000/podman/podman.sock"),
                home.resolve(".docker/desktop/docker.sock"));
        List<Connection> all = ConnectionCatalog.discover(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), home,
                List.of(), present::contains);
        assertEquals(List.of(Connection.BERTH_DEFAULT_URI, "unix://" + home + "/.docker/desktop/docker.sock",
                "unix:///var/run/docker.sock", "unix:///run/user/1000/podman/podman.sock"),
                all.stream().map(Connection::uri).toList());
        // Docker Desktop's socket is already its context; the context's name wins.
        assertEquals(List.of("Berth engine", "context desktop-linux", "Docker", "Podman (rootless)"),
                all.stream().map(Connection::name).toList());
        assertEquals(Connection.Kind.LOCAL, all.get(2).kind());
    }

    private void context(String dir, String json) throws Exception {
        Path d = Files.createDirectories(home.resolve(".docker/contexts/meta").resolve(dir));
        Files.writeString(d.resolve("meta.json"), json);
    }

    @Test
    void listsBerthThenDockerHostThenContextsThenUserConnections() throws Exception {
        context("a1",
                """
                        {"Name":"colima","Metadata":{},"Endpoints":{"docker":{"Host":"unix:///home/u/.colima/docker.sock","SkipTLSVerify":false}}}""");
        context("b2", """
                {"Name":"remote","Endpoints":{"docker":{"Host":"ssh://me@box"}}}""");
        context("c3", "{broken");
        var user = new Connection("mine", Connection.Kind.USER, "tcp://10.0.0.9:2375");
        List<Connection> all = ConnectionCatalog.discover(Map.of("DOCKER_HOST", "unix:///var/run/docker.sock"), home,
                List.of(user), NONE);
        assertEquals(List.of(Connection.BERTH_DEFAULT_URI, "unix:///var/run/docker.sock",
                "unix:///home/u/.colima/docker.sock", "ssh://me@box", "tcp://10.0.0.9:2375"),
                all.stream().map(Connection::uri).toList());
        assertEquals(List.of(Connection.Kind.BERTH, Connection.Kind.DOCKER_HOST, Connection.Kind.CONTEXT,
                Connection.Kind.CONTEXT, Connection.Kind.USER), all.stream().map(Connection::kind).toList());
        assertEquals("context colima", all.get(2).name());
    }

    @Test
    void tlsComesFromTheCliEnvironmentAndFromContextsWithCertificates() throws Exception {
        List<Connection> env = ConnectionCatalog.discover(Map.of("DOCKER_HOST", "tcp://box:2376",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/etc/certs"), home, List.of(), NONE);
        assertEquals("/etc/certs", env.get(1).tlsDir());
        List<Connection> defaultPath = ConnectionCatalog.discover(Map.of("DOCKER_HOST", "tcp://box:2376",
                "DOCKER_TLS_VERIFY", "1"), home, List.of(), NONE);
        assertEquals(home.resolve(".docker").toString(), defaultPath.get(1).tlsDir());
        List<Connection> plain = ConnectionCatalog.discover(Map.of("DOCKER_HOST", "tcp://box:2375"), home, List.of(),
                NONE);
        assertEquals("", plain.get(1).tlsDir());

        context("d4", """
                {"Name":"secure","Endpoints":{"docker":{"Host":"tcp://vm:2376"}}}""");
        context("e5", """
                {"Name":"halfdone","Endpoints":{"docker":{"Host":"tcp://vm2:2376"}}}""");
        Path certs = Files.createDirectories(home.resolve(".docker/contexts/tls/d4/docker"));
        for (String f : Connection.TLS_FILES) {
            Files.writeString(certs.resolve(f), "pem");
        }
        Files.createDirectories(home.resolve(".docker/contexts/tls/e5/docker"));
        Files.writeString(home.resolve(".docker/contexts/tls/e5/docker/ca.pem"), "pem");
        List<Connection> all = ConnectionCatalog.discover(Map.of(), home, List.of(), NONE);
        assertEquals(certs.toString(), all.get(1).tlsDir());
        assertEquals(true, all.get(1).usesTls());
        assertEquals("", all.get(2).tlsDir(), "a context without all three files is offered without TLS");
        assertEquals("", Connection.tlsProblem(certs));
        assertEquals(home.resolve(".docker/contexts/tls/e5/docker") + " has no readable cert.pem",
                Connection.tlsProblem(home.resolve(".docker/contexts/tls/e5/docker")));
        assertThrows(IllegalArgumentException.class,
                () -> new Connection("x", Connection.Kind.USER, "unix:///a.sock", "/etc/certs"));
    }

    @Test
    void sameAddressIsListedOnceUnderItsFirstName() {
        List<Connection> all = ConnectionCatalog.discover(Map.of("DOCKER_HOST", Connection.BERTH_DEFAULT_URI), home,
                List.of(), NONE);
        assertEquals(1, all.size());
        assertEquals(Connection.Kind.BERTH, all.getFirst().kind());
    }

    @Test
    void addressesAreValidatedAndShortened() {
        assertThrows(IllegalArgumentException.class, () -> Connection.validUri("/var/run/docker.sock"));
        assertThrows(IllegalArgumentException.class, () -> Connection.validUri("tcp://"));
        assertEquals("docker.sock", Connection.shortName("unix:///var/run/docker.sock"));
        assertEquals("10.0.0.9:2375", Connection.shortName("tcp://10.0.0.9:2375"));
        assertEquals("10.0.0.9", new Connection("r", Connection.Kind.USER, "tcp://10.0.0.9:2375").portHost());
        assertEquals("localhost", new Connection("l", Connection.Kind.USER, "unix:///a.sock").portHost());
    }

    @Test
    void imageReferencesSplitLikeTheCli() {
        assertEquals(new ImageReferences.Split("busybox", "latest"), ImageReferences.split("busybox"));
        assertEquals(new ImageReferences.Split("localhost:5000/app", "latest"),
                ImageReferences.split("localhost:5000/app"));
        assertEquals(new ImageReferences.Split("localhost:5000/app", "1.2"),
                ImageReferences.split("localhost:5000/app:1.2"));
        assertEquals(new ImageReferences.Split("alpine", "sha256:abc"), ImageReferences.split("alpine@sha256:abc"));
        assertThrows(IllegalArgumentException.class, () -> ImageReferences.split("a b"));
    }
}
