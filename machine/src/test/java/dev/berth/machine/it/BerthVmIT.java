package dev.berth.machine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testkit.Await;
import dev.berth.testkit.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Berth VM end to end under QEMU (TCG here: this machine's /dev/kvm does not run guests, which the first start
 * finds out and says): the docker CLI and docker-compose on the host use berthd inside through the host socket,
 * published ports reach the host's loopback and go away with their container, the shared folder works both ways,
 * images and volumes outlive a stop, and what goes wrong (a guest killed, a second start, a full disk, a connection
 * without the VM's token) is handled and explained.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BerthVmIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "berth-it/busybox:vm";
    private static final Duration POLL = Duration.ofMillis(300);

    @TempDir
    static Path dir;
    static BerthVm vm;

    @BeforeAll
    static void boot() throws IOException {
        BerthVm.buildAssets();
        vm = new BerthVm(dir, "it");
        Run start = vm.start("--disk", "3", "--memory", "1536");
        assertTrue(start.ok(), start + "\nconsole:\n" + vm.console());
        // Each boot stage is shown as it is reached (the CLI prints every one it sees change).
        assertTrue(start.stdout().contains("Starting the engine"), start.stdout());
        assertTrue(start.stdout().contains("is running"), start.stdout());
    }

    @AfterAll
    static void stop() {
        if (vm != null) {
            vm.machine(Duration.ofMinutes(2), "rm", "-f");
        }
    }

    @Test
    @Order(1)
    void dockerVersionShowsBerthdThroughTheHostSocketAndTheContext() {
        String version = vm.ok("version", "--format", "{{.Server.Platform.Name}} {{.Server.Os}}");
        assertTrue(version.startsWith("Berth"), version);
        // The context the machine wrote works without DOCKER_HOST.
        Run viaContext = Run.of(java.util.Map.of("DOCKER_CONFIG", vm.dockerConfig.toString(), "DOCKER_HOST", ""),
                Duration.ofMinutes(1),
                java.util.List.of("docker", "--context", "berth-it", "info", "--format", "{{.Name}}"));
        assertTrue(viaContext.ok(), viaContext.toString());
        assertEquals("berth", viaContext.stdout().strip());
    }

    @Test
    @Order(2)
    void loadsAnImageMadeOnTheHostAndRunsIt() throws IOException {
        Path tar = dir.resolve("image.tar");
        TestImages.busybox().writeArchive(tar, IMAGE);
        assertTrue(vm.ok("load", "-i", tar.toString()).contains("Loaded image: " + IMAGE));
        assertEquals("hi", vm.ok("run", "--rm", IMAGE, "echo", "hi").strip());
    }

    @Test
    @Order(3)
    void aPublishedPortServesOnTheHostsLoopbackUntilTheContainerStops() throws Exception {
        int port = freePort();
        Path www = Files.createDirectories(vm.share.resolve("www"));
        Files.writeString(www.resolve("index.html"), "served from the VM\n");
        vm.ok("run", "-d", "--name", "web", "-p", port + ":80", "-v", www + ":/www", IMAGE, "httpd", "-f", "-p", "80",
                "-h", "/www");
        String page = Await.value("the page at 127.0.0.1:" + port, Duration.ofMinutes(1), POLL, () -> get(port));
        assertEquals("served from the VM\n", page);
        vm.ok("stop", "-t", "1", "web");
        Await.value("the forward of port " + port + " to go away", Duration.ofSeconds(30), POLL,
                () -> refused(port) ? true : null);
        vm.ok("rm", "web");
    }

    @Test
    @Order(4)
    void theSharedFolderWorksBothWays() throws IOException {
        Path data = Files.createDirectories(vm.share.resolve("project"));
        Files.writeString(data.resolve("from-host.txt"), "written on the host\n");
        String read = vm.ok("run", "--rm", "-v", data + ":/x", IMAGE, "sh", "-c",
                "cat /x/from-host.txt && echo 'written in a container' > /x/from-guest.txt");
        assertEquals("written on the host\n", read);
        assertEquals("written in a container\n", Files.readString(data.resolve("from-guest.txt")));
    }

    @Test
    @Order(5)
    void composeRunsATwoServiceProjectThroughTheBridge() throws Exception {
        int port = freePort();
        Path project = Files.createDirectories(vm.share.resolve("compose-app"));
        Files.writeString(project.resolve("docker-compose.yml"),
                """
                        version: "3"
                        services:
                          web:
                            image: %s
                            command: ["sh", "-c", "mkdir -p /www && echo compose in the VM > /www/index.html && httpd -f -p 80 -h /www"]
                            ports: ["%d:80"]
                          client:
                            image: %s
                            command: ["sh", "-c", "until nslookup web; do sleep 1; done; echo reached web; sleep 600"]
                            depends_on: [web]
                        """
                        .formatted(IMAGE, port, IMAGE));
        Run up = compose(project, "up", "-d");
        assertTrue(up.ok(), up.toString());
        try {
            assertEquals("compose in the VM\n",
                    Await.value("the compose web page", Duration.ofMinutes(1), POLL, () -> get(port)));
            Await.value("the client to reach web by its service name", Duration.ofMinutes(1), POLL,
                    () -> compose(project, "logs", "client").stdout().contains("reached web") ? true : null);
        } finally {
            Run down = compose(project, "down");
            assertTrue(down.ok(), down.toString());
        }
    }

    @Test
    @Order(6)
    void imagesAndVolumesOutliveAStopAndStart() {
        vm.ok("volume", "create", "kept");
        vm.ok("run", "--rm", "-v", "kept:/data", IMAGE, "sh", "-c", "echo still here > /data/note");
        Run stop = vm.machine(Duration.ofMinutes(2), "stop");
        assertTrue(stop.ok(), stop.toString());
        // A clean stop: init stopped berthd and powered off, rather than the host pulling the plug.
        String console = uncheckedConsole();
        assertTrue(console.contains("berth-init: stopped"), console);
        Run start = vm.start();
        assertTrue(start.ok(), start + "\n" + uncheckedConsole());
        assertTrue(vm.ok("images", "--format", "{{.Repository}}:{{.Tag}}").contains(IMAGE));
        assertEquals("still here\n", vm.ok("run", "--rm", "-v", "kept:/data", IMAGE, "cat", "/data/note"));
    }

    @Test
    @Order(7)
    void aSecondStartWhileItRunsSaysSoAndChangesNothing() throws IOException {
        String before = JSON.readTree(vm.state()).path("hostPid").asText();
        Run again = vm.start();
        assertTrue(again.ok(), again.toString());
        assertTrue(again.stdout().contains("already running"), again.stdout());
        assertEquals(before, JSON.readTree(vm.state()).path("hostPid").asText());
        // The host process itself refuses to run twice (its lock), rather than booting a second VM on the same disk.
        Run serve = vm.machine(Duration.ofMinutes(1), "serve");
        assertFalse(serve.ok(), serve.toString());
        assertTrue((serve.stdout() + serve.stderr()).contains("already running"), serve.toString());
        assertTrue(vm.ok("version", "--format", "{{.Server.Platform.Name}}").startsWith("Berth"));
    }

    @Test
    @Order(8)
    void aConnectionWithoutTheTokenIsRefused() throws IOException {
        int apiPort = JSON.readTree(vm.state()).path("apiPort").asInt();
        assertTrue(apiPort > 0, vm.state());
        assertEquals("", exchange(apiPort, "GET /_ping HTTP/1.1\r\nHost: x\r\n\r\n"), "no token, no answer");
        assertEquals("", exchange(apiPort, "BERTH1 " + "0".repeat(64) + "\nGET /_ping HTTP/1.1\r\nHost: x\r\n\r\n"),
                "a wrong token, no answer");
        String token = Files.readString(vm.machineDir().resolve("token")).strip();
        assertTrue(
                exchange(apiPort, "BERTH1 " + token + "\nGET /_ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .startsWith("HTTP/1.1 200"),
                "the VM's own token is let through");
    }

    @Test
    @Order(9)
    void aFullDataDiskIsAClearErrorAndTheEngineKeepsServing() {
        Run fill = vm.docker("run", "--name", "filler", IMAGE, "dd", "if=/dev/zero", "of=/fill", "bs=1M");
        assertFalse(fill.ok(), fill.toString());
        // dd's own complaint, or — when conmon could not write even that to the full disk and died — the reason
        // berthd records for the container.
        String said = vm.docker("logs", "filler").stderr() + vm.docker("logs", "filler").stdout()
                + vm.ok("inspect", "--format", "{{.State.Error}}", "filler");
        assertTrue(said.contains("No space left on device") || said.contains("data disk is full"), said);
        Run whileFull = vm.docker("run", "--rm", IMAGE, "sh", "-c", "echo x > /tmp/x && echo wrote");
        assertTrue(whileFull.ok() || (whileFull.stdout() + whileFull.stderr()).toLowerCase(java.util.Locale.ROOT)
                .contains("no space left on device"),
                "a container on a full disk either runs or fails saying why:\n" + whileFull);
        assertTrue(vm.ok("version", "--format", "{{.Server.Platform.Name}}").startsWith("Berth"),
                "the engine still answers");
        // Restarted full, the VM boots and says so, so that the person can free space with the engine's help.
        assertTrue(vm.machine(Duration.ofMinutes(2), "stop").ok());
        Run start = vm.start();
        assertTrue(start.ok(), start + "\n" + vm.console());
        assertTrue(start.stdout().contains("The VM's data disk is full"), start.stdout());
        vm.ok("rm", "filler");
        assertEquals("ok", vm.ok("run", "--rm", IMAGE, "echo", "ok").strip(), "space is back once the filler is gone");
    }

    @Test
    @Order(10)
    void aKilledGuestIsReportedAndTheMachineStartsAgain() throws Exception {
        long qemu = Long.parseLong(Files.readString(vm.machineDir().resolve("qemu.pid")).strip());
        ProcessHandle.of(qemu).orElseThrow().destroyForcibly();
        Await.value("the machine to report the dead VM", Duration.ofSeconds(30), POLL,
                () -> vm.state().contains("\"failed\"") ? true : null);
        Run status = vm.machine(Duration.ofMinutes(1), "status");
        assertTrue(status.stdout().contains("failed") && status.stdout().contains("stopped unexpectedly"),
                status.toString());
        Run docker = vm.docker("version");
        assertFalse(docker.ok(), "nothing answers for a dead VM: " + docker);
        Run start = vm.start();
        assertTrue(start.ok(), start + "\n" + uncheckedConsole());
        assertTrue(vm.ok("images", "--format", "{{.Repository}}:{{.Tag}}").contains(IMAGE), "the data disk survived");
    }

    @Test
    @Order(11)
    void anIdleVmIsStoppedAndTheNextCommandStartsItAgain() throws Exception {
        vm.machine(Duration.ofMinutes(2), "stop");
        vm.with("BERTH_VM_IDLE_STOP_SECONDS", "10");
        try {
            Run start = vm.start();
            assertTrue(start.ok(), start.toString());
            long qemu = Long.parseLong(Files.readString(vm.machineDir().resolve("qemu.pid")).strip());
            Await.value("the resource saver to stop the idle VM", Duration.ofMinutes(2), POLL,
                    () -> vm.state().contains("stopped while idle") ? true : null);
            assertFalse(ProcessHandle.of(qemu).map(ProcessHandle::isAlive).orElse(false), "QEMU is gone while idle");
            // The next docker command wakes it: it waits for the boot and then gets its answer.
            assertEquals("awake", vm.ok("run", "--rm", IMAGE, "echo", "awake").strip());
        } finally {
            vm.env().remove("BERTH_VM_IDLE_STOP_SECONDS");
        }
    }

    private Run compose(Path project, String... args) {
        java.util.List<String> argv = new java.util.ArrayList<>(
                java.util.List.of("docker-compose", "--project-directory",
                        project.toString(), "-f", project.resolve("docker-compose.yml").toString()));
        argv.addAll(java.util.List.of(args));
        return Run.of(vm.env(), Duration.ofMinutes(5), argv);
    }

    private String uncheckedConsole() {
        return vm.console();
    }

    private static String get(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/").toURL()
                    .openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean refused(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends {@code request} raw to the VM's API port and returns whatever comes back before the connection ends. */
    private static String exchange(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(15000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buf = new byte[4096];
            int n = s.getInputStream().read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
        } catch (java.net.SocketException e) {
            return ""; // reset by the guest: refused
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @SuppressWarnings("unused")
    private static JsonNode json(String s) throws IOException {
        return JSON.readTree(s);
    }
}
