package dev.berth.runtime.it;

import dev.berth.testkit.HttpConnection;
import dev.berth.testkit.HttpResult;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real docker CLI runs processes in a running container with docker exec, piped and through a real pty. */
class ExecCliIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("exec/busybox:1");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PTY_TIMEOUT = Duration.ofSeconds(30);
    private static String image;

    @BeforeAll
    static void runWeb() {
        image = berthd.image();
        berthd.dockerOk("run", "-d", "--name", "web", "--hostname", "exec-host", image, "sleep", "3600");
    }

    @AfterAll
    static void removeWeb() {
        berthd.docker("rm", "-f", "web");
    }

    @Test
    void execPrintsTheContainersHostname() {
        assertEquals("exec-host", berthd.dockerOk("exec", "web", "cat", "/etc/hostname").stdout().strip());
    }

    @Test
    void exitCodeIsPassedThrough() {
        CommandResult r = berthd.docker("exec", "web", "sh", "-c", "exit 7");
        assertEquals(7, r.exitCode(), r.stderr());
    }

    @Test
    void userIsLookedUpInTheContainer() {
        assertEquals("65534", berthd.dockerOk("exec", "-u", "nobody", "web", "id", "-u").stdout().strip());
        assertEquals("1234", berthd.dockerOk("exec", "-u", "1234", "web", "id", "-u").stdout().strip());
        assertEquals("0", berthd.dockerOk("exec", "web", "id", "-u").stdout().strip());
    }

    @Test
    void theEngineCreatesAMissingWorkingDirectoryBeforeStartAsDockerdDoes() {
        // Not left to runc: with a read-only root it could not, and exec must find it too. Root-owned, 0755, as dockerd.
        String id = berthd.dockerOk("run", "-d", "--read-only", "-w", "/srv/new/dir", image, "sleep", "600").stdout()
                .strip();
        try {
            assertEquals("/srv/new/dir", berthd.dockerOk("exec", id, "pwd").stdout().strip());
            assertEquals("0 755", berthd.dockerOk("exec", id, "stat", "-c", "%u %a", "/srv/new").stdout().strip());
        } finally {
            berthd.docker("rm", "-f", id);
        }
        CommandResult file = berthd.docker("run", "--rm", "-w", "/etc/passwd/x", image, "true");
        assertNotEquals(0, file.exitCode());
        assertTrue(file.stderr().contains("Cannot mkdir: /etc/passwd is not a directory"), file.stderr());
    }

    @Test
    void envAddsToTheContainersEnvironment() {
        assertEquals("bar hello",
                berthd.dockerOk("exec", "-e", "FOO=bar", "web", "sh", "-c", "echo $FOO $GREETING").stdout().strip());
        assertEquals("override", berthd.dockerOk("exec", "-e", "GREETING=override", "web", "sh", "-c", "echo $GREETING")
                .stdout().strip());
    }

    @Test
    void workingDirDefaultsToTheContainers() {
        assertEquals("/tmp", berthd.dockerOk("exec", "-w", "/tmp", "web", "pwd").stdout().strip());
        assertEquals("/opt/app", berthd.dockerOk("exec", "web", "pwd").stdout().strip());
    }

    @Test
    void stdoutAndStderrStaySeparate() {
        CommandResult r = berthd.dockerOk("exec", "web", "sh", "-c", "echo out; echo err >&2");
        assertEquals("out", r.stdout().strip());
        assertEquals("err", r.stderr().strip());
    }

    @Test
    void stdinIsForwardedWithDashI() {
        CommandResult r = berthd.dockerWithInput("line one\nline two\n".getBytes(StandardCharsets.UTF_8), "exec", "-i",
                "web", "cat");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("line one\nline two\n", r.stdout());
    }

    @Test
    void detachedExecRunsOn() throws Exception {
        CommandResult r = berthd.dockerOk("exec", "-d", "web", "sh", "-c", "sleep 0.3; echo done > /tmp/detached");
        assertEquals("", r.stdout().strip());
        Instant deadline = Instant.now().plusSeconds(10);
        CommandResult cat;
        while (!(cat = berthd.docker("exec", "web", "cat", "/tmp/detached")).ok()) {
            assertTrue(Instant.now().isBefore(deadline), cat.stderr());
            Thread.sleep(100);
        }
        assertEquals("done", cat.stdout().strip());
    }

    @Test
    void missingCommandIs127() {
        CommandResult r = berthd.docker("exec", "web", "/no/such/binary");
        assertEquals(127, r.exitCode(), r.stdout() + r.stderr());
        assertTrue((r.stdout() + r.stderr()).contains("/no/such/binary"), r.stdout() + r.stderr());
    }

    @Test
    void execIntoAStoppedContainerFailsClearly() {
        berthd.dockerOk("create", "--name", "idle", image, "true");
        try {
            CommandResult r = berthd.docker("exec", "idle", "true");
            assertNotEquals(0, r.exitCode());
            assertTrue(r.stderr().contains("is not running"), r.stderr());
        } finally {
            berthd.docker("rm", "-f", "idle");
        }
        CommandResult unknown = berthd.docker("exec", "no-such-container", "true");
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.stderr().contains("No such container"), unknown.stderr());
    }

    @Test
    void inspectShowsExecRecords() throws Exception {
        String id = JSON.readTree(berthd.http("POST", "/containers/web/exec",
                "{\"Cmd\":[\"sh\",\"-c\",\"exit 4\"],\"AttachStdout\":true,\"User\":\"nobody\"}"
                        .getBytes(StandardCharsets.UTF_8))
                .body()).get("Id").asText();
        JsonNode before = JSON.readTree(berthd.http("GET", "/exec/" + id + "/json").body());
        assertEquals(false, before.get("Running").asBoolean());
        assertTrue(before.get("ExitCode").isNull(), before.toString());
        assertEquals("sh", before.at("/ProcessConfig/entrypoint").asText());
        assertEquals("exit 4", before.at("/ProcessConfig/arguments/1").asText());
        assertEquals("nobody", before.at("/ProcessConfig/user").asText());
        JsonNode container = JSON.readTree(berthd.dockerOk("inspect", "web").stdout()).get(0);
        assertTrue(container.get("ExecIDs").toString().contains(id), container.get("ExecIDs").toString());
        assertEquals(container.get("Id").asText(), before.get("ContainerID").asText());

        var started = berthd.http("POST", "/exec/" + id + "/start",
                "{\"Detach\":false}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, started.status());
        JsonNode after = JSON.readTree(berthd.http("GET", "/exec/" + id + "/json").body());
        assertEquals(4, after.get("ExitCode").asInt(), after.toString());
        assertEquals(409,
                berthd.http("POST", "/exec/" + id + "/start", "{}".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(404, berthd.http("GET", "/exec/nope/json").status());
        // exec_die is published when conmon reports the exit, which may come just after the start's answer: ask
        // again for a few seconds rather than once.
        String events = "";
        for (int i = 0; i < 20; i++) {
            events = new String(berthd.http("GET", "/events?since=0&until=" + (Instant.now().getEpochSecond() + 1))
                    .body(), StandardCharsets.UTF_8);
            if (events.contains("exec_create: sh -c exit 4") && events.contains("exec_start: sh -c exit 4")
                    && events.contains("exec_die")) {
                break;
            }
            Thread.sleep(250);
        }
        assertTrue(events.contains("exec_create: sh -c exit 4") && events.contains("exec_start: sh -c exit 4")
                && events.contains("exec_die"), "events: " + events);
    }

    @Test
    void interactiveExecThroughAPty() throws Exception {
        try (PtySession pty = PtySession.start("stty rows 33 cols 101; docker exec -it web sh", cliEnv())) {
            pty.type("echo hi-$((1+1))\n");
            pty.await("hi-2", PTY_TIMEOUT);
            pty.type("stty size\n");
            pty.await("33 101", PTY_TIMEOUT);
            pty.type("exit 5\n");
            assertEquals(5, pty.waitFor(PTY_TIMEOUT), pty.screen());
        }
    }

    @Test
    void resizeReachesARawHijackedExec() throws Exception {
        String id = JSON.readTree(berthd.http("POST", "/containers/web/exec",
                "{\"Cmd\":[\"sh\"],\"AttachStdin\":true,\"AttachStdout\":true,\"AttachStderr\":true,\"Tty\":true}"
                        .getBytes(StandardCharsets.UTF_8))
                .body()).get("Id").asText();
        try (HttpConnection c = berthd.connect()) {
            byte[] body = "{\"Detach\":false,\"Tty\":true,\"ConsoleSize\":[24,80]}".getBytes(StandardCharsets.UTF_8);
            c.sendHead("POST", "/v1.51/exec/" + id + "/start",
                    Map.of("Content-Type", "application/json", "Connection", "Upgrade", "Upgrade", "tcp"),
                    (long) body.length, false);
            c.out().write(body);
            c.out().flush();
            HttpResult head = c.readResponseHead();
            assertEquals(101, head.status());
            assertEquals("application/vnd.docker.raw-stream", head.header("content-type"));
            StringBuffer screen = new StringBuffer();
            Thread reader = Thread.ofVirtual().start(() -> drain(c.in(), screen));
            c.out().write("stty size\n".getBytes(StandardCharsets.UTF_8));
            c.out().flush();
            awaitText(screen, "24 80");
            assertEquals(200, berthd.http("POST", "/exec/" + id + "/resize?h=40&w=120").status());
            c.out().write("stty size; exit 3\n".getBytes(StandardCharsets.UTF_8));
            c.out().flush();
            awaitText(screen, "40 120");
            reader.join(Duration.ofSeconds(20));
            assertTrue(!reader.isAlive(), "the stream did not end after the shell exited: " + screen);
        }
        assertEquals(3, JSON.readTree(berthd.http("GET", "/exec/" + id + "/json").body()).get("ExitCode").asInt());
        assertEquals(409, berthd.http("POST", "/exec/" + id + "/resize?h=10&w=10").status());
    }

    @Test
    void runInteractiveThroughAPty() throws Exception {
        try (PtySession pty = PtySession
                .start("stty rows 21 cols 77; docker run -it --rm --name pty-run " + image + " sh", cliEnv())) {
            pty.type("echo hi-$((2+2))\n");
            pty.await("hi-4", PTY_TIMEOUT);
            pty.type("stty size\n");
            pty.await("21 77", PTY_TIMEOUT);
            pty.type("exit 6\n");
            assertEquals(6, pty.waitFor(PTY_TIMEOUT), pty.screen());
        }
    }

    private static Map<String, String> cliEnv() {
        return Map.of("DOCKER_HOST", berthd.dockerHost(), "DOCKER_CONFIG",
                berthd.tempDir().resolve("docker-config").toString(),
                "DOCKER_CONTEXT", "default", "DOCKER_CLI_HINTS", "false");
    }

    private static void drain(InputStream in, StringBuffer into) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException ignored) {
            // connection closed
        }
    }

    private static void awaitText(StringBuffer screen, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(PTY_TIMEOUT);
        while (!screen.toString().contains(text)) {
            assertTrue(Instant.now().isBefore(deadline), "never saw '" + text + "' in: " + screen);
            Thread.sleep(50);
        }
    }
}
