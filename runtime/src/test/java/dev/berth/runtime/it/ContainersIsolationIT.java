package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What isolation means, as the seeds describe it, and volumes keeping data beyond a container. */
class ContainersIsolationIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("iso/busybox:1");

    private static String image;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
        assertEquals(0, berthd.docker("pull", image).exitCode());
    }

    /** {@code docker run --rm [options] IMAGE command}; options are the leading arguments that start with '-' and their values. */
    private static String run(String... args) {
        java.util.List<String> full = new java.util.ArrayList<>(java.util.List.of("run", "--rm"));
        int i = 0;
        while (i < args.length && args[i].startsWith("-")) {
            full.add(args[i++]);
            full.add(args[i++]);
        }
        full.add(image);
        full.addAll(java.util.List.of(args).subList(i, args.length));
        CommandResult r = berthd.docker(full.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.stderr() + berthd.log());
        return r.stdout().trim();
    }

    @Test
    void pid1IsTheCommandAndTheHostnameIsItsOwn() {
        assertEquals("1", run("sh", "-c", "echo $$"));
        String hostname = run("hostname");
        assertEquals(12, hostname.length(), hostname);
        assertNotEquals(berthd.docker("info", "--format", "{{.Name}}").stdout().trim(), hostname);
    }

    @Test
    void networkNoneIsOnlyLoopbackInANamespaceOfItsOwn() throws Exception {
        // /proc/net/dev: two header lines, then one line per interface.
        String dev = run("--network", "none", "sh", "-c", "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '");
        assertEquals("lo", dev);
        assertEquals("0", run("--network", "none", "sh", "-c",
                "nc -l -p 7000 -e true & sleep 0.2; echo | nc 127.0.0.1 7000; echo $?"));
        String hostNet = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
        assertEquals(0,
                berthd.docker("run", "-d", "--name", "loner", "--network", "none", image, "sleep", "300").exitCode());
        try {
            String pid = berthd.docker("inspect", "-f", "{{.State.Pid}}", "loner").stdout().trim();
            assertNotEquals(hostNet, Files.readSymbolicLink(Path.of("/proc", pid, "ns/net")).toString());
            CommandResult connect = berthd.docker("network", "connect", "bridge", "loner");
            assertNotEquals(0, connect.exitCode());
            assertTrue(connect.stderr().contains("private (none) mode"), connect.stderr());
        } finally {
            berthd.docker("rm", "-f", "loner");
        }
    }

    @Test
    void anotherContainersProcessesAreInvisible() {
        assertEquals(0, berthd.docker("run", "-d", "--name", "neighbour", image, "sleep", "300").exitCode());
        String ps = run("ps", "-o", "args");
        assertFalse(ps.contains("sleep 300"), ps);
        berthd.docker("rm", "-f", "neighbour");
    }

    @Test
    void namedVolumeDataOutlivesTheContainer() {
        run("-v", "keep:/data", "sh", "-c", "echo kept > /data/f");
        assertEquals("kept", run("-v", "keep:/data", "cat", "/data/f"));
    }

    @Test
    void readOnlyBindMountRefusesWrites(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("host.txt"), "from host");
        assertEquals("from host", run("-v", dir + ":/mnt:ro", "cat", "/mnt/host.txt"));
        CommandResult write = berthd.docker("run", "--rm", "-v", dir + ":/mnt:ro", image, "sh", "-c",
                "echo x > /mnt/new");
        assertNotEquals(0, write.exitCode());
        assertTrue(write.stderr().contains("Read-only file system"), write.stderr());
        assertFalse(Files.exists(dir.resolve("new")));
    }

    @Test
    void environmentWorkdirAndUserFromTheRequest() {
        assertEquals("bar", run("-e", "FOO=bar", "sh", "-c", "echo $FOO"));
        assertEquals("/opt/app", run("pwd"));
        assertEquals("/tmp", run("-w", "/tmp", "pwd"));
        assertEquals("65534", run("-u", "65534", "id", "-u"));
    }
}
