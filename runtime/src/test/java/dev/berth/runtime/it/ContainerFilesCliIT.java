package dev.berth.runtime.it;

import dev.berth.testkit.HttpConnection;
import dev.berth.testkit.HttpResult;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real docker CLI copies files in and out of containers, diffs, exports and commits them on berthd. */
class ContainerFilesCliIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("files/busybox:1");

    private static String image;

    @TempDir
    Path tmp;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
        berthd.dockerOk("pull", image);
    }

    private static String lastLine(CommandResult r) {
        return r.stdout().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
    }

    @Test
    void copiesFilesAndDirectoriesBothWaysIntoARunningContainer() throws Exception {
        String id = berthd.dockerOk("run", "-d", image, "sleep", "300").stdout().trim();
        try {
            Path file = tmp.resolve("note.txt");
            Files.writeString(file, "copied in\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
            berthd.dockerOk("cp", file.toString(), id + ":/opt/app/note.txt");
            Path dir = Files.createDirectories(tmp.resolve("tree/sub"));
            Files.writeString(dir.resolve("leaf.txt"), "leaf\n");
            berthd.dockerOk("cp", tmp.resolve("tree").toString(), id + ":/opt/");

            Path out = Files.createDirectories(tmp.resolve("out"));
            berthd.dockerOk("cp", id + ":/opt/app/note.txt", out.resolve("back.txt").toString());
            assertEquals("copied in\n", Files.readString(out.resolve("back.txt")));
            assertEquals("rwxr-x---",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("back.txt"))));
            berthd.dockerOk("cp", id + ":/opt/tree", out.toString());
            assertEquals("leaf\n", Files.readString(out.resolve("tree/sub/leaf.txt")));
            berthd.dockerOk("cp", id + ":/etc/motd", out.toString());
            assertEquals(TestImages.MOTD, Files.readString(out.resolve("motd")));
            // A new name at the root: the CLI extracts into "/", which a running container's root is reached by a link.
            berthd.dockerOk("cp", file.toString(), id + ":/at-root.txt");
            assertEquals("copied in", berthd.dockerOk("exec", id, "cat", "/at-root.txt").stdout().strip());
        } finally {
            berthd.docker("rm", "-f", id);
        }
    }

    /** The freezer state of a container's cgroup: v1 "FROZEN"/"THAWED", v2's cgroup.freeze mapped to the same words. */
    private static String freezer(String id) throws IOException {
        Path v1 = Path.of("/sys/fs/cgroup/freezer/berth", id, "freezer.state");
        if (Files.exists(v1)) {
            return Files.readAllLines(v1).getFirst().trim();
        }
        return Files.readAllLines(Path.of("/sys/fs/cgroup/berth", id, "cgroup.freeze")).getFirst().trim().equals("1")
                ? "FROZEN" : "THAWED";
    }

    @Test
    void anExitedContainersVolumesAndBindsAreSeenByCopiesAsWhenItRuns() throws Exception {
        Path bindDir = Files.createDirectories(tmp.resolve("bind-ro"));
        Files.writeString(bindDir.resolve("given.txt"), "from the host\n");
        berthd.dockerOk("run", "-v", "/vol1", "-v", bindDir + ":/ro:ro", image, "sh", "-c",
                "echo in the volume > /vol1/data.txt");
        String name = berthd.dockerOk("ps", "-lq").stdout().trim();
        try {
            Path out = Files.createDirectories(tmp.resolve("vol-out"));
            berthd.dockerOk("cp", name + ":/vol1/data.txt", out.toString());
            assertEquals("in the volume\n", Files.readString(out.resolve("data.txt")));
            berthd.dockerOk("cp", name + ":/ro/given.txt", out.toString());
            assertEquals("from the host\n", Files.readString(out.resolve("given.txt")));
            Path note = Files.writeString(tmp.resolve("into-volume.txt"), "copied in\n");
            berthd.dockerOk("cp", note.toString(), name + ":/vol1/into-volume.txt");
            berthd.dockerOk("cp", name + ":/vol1/into-volume.txt", out.resolve("back.txt").toString());
            assertEquals("copied in\n", Files.readString(out.resolve("back.txt")));
            assertNotEquals(0, berthd.docker("cp", note.toString(), name + ":/ro/nope.txt").exitCode(),
                    "a read-only bind stays read-only");
            assertFalse(Files.exists(bindDir.resolve("nope.txt")));
        } finally {
            berthd.docker("rm", "-v", name);
        }
    }

    @Test
    void aCopyFreezesARunningContainerAndThawsItAfter() throws Exception {
        String id = berthd.dockerOk("run", "-d", image, "sleep", "300").stdout().trim();
        try {
            berthd.dockerOk("exec", id, "dd", "if=/dev/zero", "of=/big", "bs=1M", "count=64");
            assertEquals("THAWED", freezer(id));
            try (HttpConnection c = new HttpConnection(berthd.socket())) {
                c.sendHead("GET", "/v1.43/containers/" + id + "/archive?path=/big", Map.of(), null, false);
                assertEquals(200, c.readResponseHead().status());
                // 64 MiB cannot sit in socket buffers: the server waits on us mid-copy, with the container frozen.
                Thread.sleep(300);
                assertEquals("FROZEN", freezer(id));
            } // the client goes away mid-copy: the copy ends and the container must thaw all the same
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!freezer(id).equals("THAWED") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals("THAWED", freezer(id));
            berthd.dockerOk("exec", id, "true");
            // A container the user paused stays paused through a copy.
            berthd.dockerOk("pause", id);
            berthd.dockerOk("cp", id + ":/etc/hostname", tmp.resolve("hostname").toString());
            assertEquals("FROZEN", freezer(id));
            assertEquals("true", berthd.dockerOk("inspect", "-f", "{{.State.Paused}}", id).stdout().trim());
            berthd.dockerOk("unpause", id);
        } finally {
            berthd.docker("rm", "-f", id);
        }
    }

    @Test
    void copyIntoARunningContainerReachesItsVolume() throws Exception {
        String id = berthd.dockerOk("run", "-d", "-v", "filesvol:/data", image, "sleep", "300").stdout().trim();
        try {
            Path file = tmp.resolve("in-volume.txt");
            Files.writeString(file, "in the volume\n");
            berthd.dockerOk("cp", file.toString(), id + ":/data/in-volume.txt");
            assertEquals("in the volume", lastLine(
                    berthd.dockerOk("run", "--rm", "-v", "filesvol:/data", image, "cat", "/data/in-volume.txt")));
        } finally {
            berthd.docker("rm", "-f", id);
            berthd.docker("volume", "rm", "filesvol");
        }
    }

    @Test
    void copyIntoACreatedContainerIsThereWhenItStarts() throws Exception {
        String id = berthd.dockerOk("create", image, "cat", "/opt/app/early.txt").stdout().trim();
        try {
            Path file = tmp.resolve("early.txt");
            Files.writeString(file, "before start\n");
            berthd.dockerOk("cp", file.toString(), id + ":/opt/app/early.txt");
            CommandResult started = berthd.dockerOk("start", "-a", id);
            assertEquals("before start", lastLine(started), started.stdout());
        } finally {
            berthd.docker("rm", "-f", id);
        }
    }

    @Test
    void aFileInDirectoriesTheArchiveDoesNotCarryGetsThemMade() throws Exception {
        // Testcontainers' withCopyToContainer sends "www/note.txt" without a "www/" entry; dockerd makes www.
        String id = berthd.dockerOk("create", image, "true").stdout().trim();
        try {
            HttpResult put = berthd.http("PUT", "/v1.47/containers/" + id + "/archive?path=/opt/app",
                    tar(Map.of("deep/er/note.txt", "made")));
            assertEquals(200, put.status(), put.toString());
            assertEquals(200, berthd.http("HEAD", "/v1.47/containers/" + id + "/archive?path=/opt/app/deep/er/note.txt")
                    .status());
            HttpResult notDir = berthd.http("PUT", "/v1.47/containers/" + id + "/archive?path=/opt/app",
                    tar(Map.of("deep/er/note.txt/inside", "x")));
            assertEquals(400, notDir.status(), "a file where a directory is needed: " + notDir);
        } finally {
            berthd.docker("rm", "-f", id);
        }
    }

    @Test
    void archiveWithEscapingEntriesIsRefused() throws Exception {
        String id = berthd.dockerOk("create", image, "true").stdout().trim();
        try {
            for (byte[] evil : new byte[][]{
                    tar(Map.of("../escape.txt", "x")),
                    tar(Map.of("/escape.txt", "x")),
                    tarWithSymlinkEscape()}) {
                HttpResult r = berthd.http("PUT", "/v1.47/containers/" + id + "/archive?path=/opt/app", evil);
                assertEquals(400, r.status(), r.toString());
            }
            assertEquals(404,
                    berthd.http("HEAD", "/v1.47/containers/" + id + "/archive?path=/opt/escape.txt").status());
            assertEquals(404, berthd.http("HEAD", "/v1.47/containers/" + id + "/archive?path=/escape.txt").status());
            assertEquals(404,
                    berthd.http("HEAD", "/v1.47/containers/" + id + "/archive?path=/etc/escape.txt").status());
            try (Stream<Path> all = Files.walk(berthd.dataRoot())) {
                assertFalse(all.anyMatch(p -> p.getFileName().toString().equals("escape.txt")),
                        "escape.txt written somewhere");
            }
            assertFalse(Files.exists(Path.of("/escape.txt")));
            assertFalse(Files.exists(Path.of("/etc/escape.txt")));
        } finally {
            berthd.docker("rm", "-f", id);
        }
    }

    @Test
    void statHeaderDescribesThePath() throws Exception {
        String id = berthd.dockerOk("create", image, "true").stdout().trim();
        try {
            HttpResult r = berthd.http("HEAD", "/v1.47/containers/" + id + "/archive?path=/etc/motd");
            assertEquals(200, r.status(), r.toString());
            String json = new String(java.util.Base64.getDecoder().decode(r.header("X-Docker-Container-Path-Stat")),
                    StandardCharsets.UTF_8);
            var stat = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            assertEquals("motd", stat.get("name").asText());
            assertEquals(TestImages.MOTD.length(), stat.get("size").asLong());
        } finally {
            berthd.docker("rm", "-f", id);
        }
    }

    @Test
    void diffShowsAddedChangedAndDeleted() {
        String name = "differ";
        berthd.dockerOk("run", "--name", name, image, "sh", "-c",
                "touch /opt/new && rm /etc/motd && echo x >> /opt/app/config.txt");
        try {
            String diff = berthd.dockerOk("diff", name).stdout();
            assertTrue(diff.lines().anyMatch("A /opt/new"::equals), diff);
            assertTrue(diff.lines().anyMatch("D /etc/motd"::equals), diff);
            assertTrue(diff.lines().anyMatch("C /opt/app/config.txt"::equals), diff);
            assertTrue(diff.lines().anyMatch("C /etc"::equals), diff);
        } finally {
            berthd.docker("rm", "-f", name);
        }
    }

    @Test
    void exportIsATarOfTheWholeRoot() throws Exception {
        String id = berthd.dockerOk("create", image, "true").stdout().trim();
        try {
            Path out = tmp.resolve("export.tar");
            berthd.dockerOk("export", "-o", out.toString(), id);
            Process tar = new ProcessBuilder("tar", "tf", out.toString()).redirectErrorStream(true).start();
            String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, tar.waitFor(), listing);
            assertTrue(listing.lines().anyMatch(l -> l.equals("bin/busybox")), listing);
            assertTrue(listing.lines().anyMatch(l -> l.equals("opt/app/config.txt")), listing);
            assertFalse(listing.lines().anyMatch(l -> l.equals("opt/app/remove-me.txt")), listing);
        } finally {
            berthd.docker("rm", "-f", id);
        }
    }

    @Test
    void commitMakesAnImageWithTheContainersChanges() {
        String name = "committer";
        berthd.dockerOk("run", "--name", name, image, "sh", "-c",
                "echo made in container > /opt/app/made.txt && rm /etc/motd");
        try {
            berthd.dockerOk("commit", name, "committed/one:v1");
            assertEquals("made in container",
                    lastLine(berthd.dockerOk("run", "--rm", "committed/one:v1", "cat", "/opt/app/made.txt")));
            CommandResult motd = berthd.docker("run", "--rm", "committed/one:v1", "cat", "/etc/motd");
            assertTrue(motd.exitCode() != 0, motd.toString());

            berthd.dockerOk("commit", "--change", "CMD [\"echo\",\"committed\"]", "--change", "ENV EXTRA=yes", name,
                    "committed/two");
            assertEquals("committed", lastLine(berthd.dockerOk("run", "--rm", "committed/two")));
            assertEquals("yes", lastLine(berthd.dockerOk("run", "--rm", "committed/two", "sh", "-c", "echo $EXTRA")));
            String history = berthd.dockerOk("history", "--no-trunc", "committed/two").stdout();
            assertTrue(history.contains("echo made in container"), history);
        } finally {
            berthd.docker("rm", "-f", name);
        }
    }

    @Test
    void commitOfARunningContainerPausesAndResumesIt() {
        String id = berthd.dockerOk("run", "-d", image, "sh", "-c", "echo live > /opt/app/live.txt; sleep 300").stdout()
                .trim();
        try {
            for (int i = 0; i < 50 && berthd.http("HEAD", "/v1.47/containers/" + id + "/archive?path=/opt/app/live.txt")
                    .status() != 200; i++) {
                sleep(100);
            }
            berthd.dockerOk("commit", id, "committed/live");
            assertEquals("true", berthd.dockerOk("inspect", "-f", "{{.State.Running}}", id).stdout().trim());
            assertEquals("live",
                    lastLine(berthd.dockerOk("run", "--rm", "committed/live", "cat", "/opt/app/live.txt")));
        } finally {
            berthd.docker("rm", "-f", id);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] tar(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
                // The (String, boolean) constructor keeps the name as given, leading "/" and ".." included.
                TarArchiveEntry e = new TarArchiveEntry(f.getKey(), true);
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A symlink to the container's /etc, then a file written through it. */
    private static byte[] tarWithSymlinkEscape() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry link = new TarArchiveEntry("link", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            byte[] content = "x".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("link/escape.txt");
            e.setSize(content.length);
            tar.putArchiveEntry(e);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
