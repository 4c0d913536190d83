package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImage;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real docker CLI manages images on berthd, pulling from and pushing to a real registry. */
class ImagesCliIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String ref(String repoAndTag) {
        return registry.host() + "/" + repoAndTag;
    }

    @Test
    void versionAndInfoDescribeBerthd() {
        assertTrue(berthd.dockerOk("version").stdout().contains("Berth"));
        assertTrue(berthd.dockerOk("info").stdout().contains(berthd.dataRoot().toString()));
    }

    @Test
    void pullListInspectHistoryTagAndRemove() throws Exception {
        TestImage image = TestImages.busybox();
        image.push(registry, "it/pull", "1");

        CommandResult pull = berthd.dockerOk("pull", ref("it/pull:1"));
        assertTrue(pull.stdout().contains("Pull complete"), pull.stdout());
        assertTrue(pull.stdout().contains("Digest: sha256:"), pull.stdout());

        String images = berthd.dockerOk("images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}").stdout();
        assertTrue(images.contains(ref("it/pull:1") + " " + image.configDigest().substring(7, 19)), images);

        JsonNode inspect = JSON.readTree(berthd.dockerOk("image", "inspect", ref("it/pull:1")).stdout()).get(0);
        assertEquals(image.configDigest(), inspect.get("Id").asText());
        assertEquals("/opt/app", inspect.at("/Config/WorkingDir").asText());
        assertTrue(inspect.at("/Config/Env").toString().contains("GREETING=hello"));
        assertEquals(3, inspect.at("/RootFS/Layers").size());

        String history = berthd.dockerOk("history", "--no-trunc", ref("it/pull:1")).stdout();
        assertTrue(history.contains("COPY app /opt/app"), history);
        assertTrue(history.contains("ENV GREETING=hello"), history);

        berthd.dockerOk("tag", ref("it/pull:1"), "local/copy:7");
        assertTrue(berthd.dockerOk("images", "local/copy").stdout().contains("7"));
        String untag = berthd.dockerOk("rmi", "local/copy:7").stdout();
        assertTrue(untag.contains("Untagged: local/copy:7"), untag);
        assertFalse(untag.contains("Deleted"), "removing one of two tags must only untag");

        String rmi = berthd.dockerOk("rmi", ref("it/pull:1")).stdout();
        assertTrue(rmi.contains("Deleted: " + image.configDigest()), rmi);
        assertFalse(berthd.dockerOk("images", "-q").stdout().contains(image.configDigest().substring(7, 19)));
    }

    @Test
    void secondVersionReusesSharedLayers() {
        TestImages.busybox().push(registry, "it/versions", "1");
        TestImages.busyboxV2().push(registry, "it/versions", "2");
        berthd.dockerOk("pull", ref("it/versions:1"));
        String second = berthd.dockerOk("pull", ref("it/versions:2")).stdout();
        assertEquals(3, count(second, "Already exists"), second);
        assertEquals(1, count(second, "Pull complete"), second);
    }

    @Test
    void pullAllTagsFetchesEveryTagOfTheRepository() {
        TestImages.busybox().push(registry, "it/alltags", "1");
        TestImages.busyboxV2().push(registry, "it/alltags", "2");
        TestImages.busybox().push(registry, "it/alltags", "stable");
        String out = berthd.dockerOk("pull", "--all-tags", ref("it/alltags")).stdout();
        assertTrue(out.contains("Status: Downloaded newer image for " + ref("it/alltags") + "\n"), out);
        assertEquals(1, count(out, "Status: "), "one status line for the repository: " + out);
        String tags = berthd.dockerOk("images", "--format", "{{.Tag}}", ref("it/alltags")).stdout();
        assertEquals(List.of("1", "2", "stable"), tags.lines().sorted().toList());
        String again = berthd.dockerOk("pull", "-a", ref("it/alltags")).stdout();
        assertTrue(again.contains("Status: Image is up to date for " + ref("it/alltags")), again);
        CommandResult none = berthd.docker("pull", "-a", ref("it/no-such-repo"));
        assertTrue(none.exitCode() != 0 && !none.stderr().isBlank(), none.stdout() + none.stderr());
    }

    @Test
    void pushToAnotherRepositoryAndPullBack() {
        TestImages.busybox().push(registry, "it/src", "1");
        berthd.dockerOk("pull", ref("it/src:1"));
        berthd.dockerOk("tag", ref("it/src:1"), ref("it/dst:copy"));
        String push = berthd.dockerOk("push", ref("it/dst:copy")).stdout();
        assertTrue(push.contains("copy: digest: sha256:"), push);
        berthd.dockerOk("rmi", ref("it/dst:copy"), ref("it/src:1"));
        berthd.dockerOk("pull", ref("it/dst:copy"));
        assertTrue(berthd.dockerOk("images").stdout().contains(ref("it/dst")));
    }

    @Test
    void saveAndLoadRoundTrip(@TempDir Path dir) {
        TestImage image = TestImages.busybox();
        image.push(registry, "it/save", "1");
        berthd.dockerOk("pull", ref("it/save:1"));
        Path tar = dir.resolve("image.tar");
        berthd.dockerOk("save", "-o", tar.toString(), ref("it/save:1"));
        berthd.dockerOk("rmi", ref("it/save:1"));
        String load = berthd.dockerOk("load", "-i", tar.toString()).stdout();
        assertTrue(load.contains("Loaded image: " + ref("it/save:1")), load);
        String inspect = berthd.dockerOk("image", "inspect", "--format", "{{.Id}}", ref("it/save:1")).stdout().trim();
        assertEquals(image.configDigest(), inspect);
    }

    @Test
    void systemDfCountsImages() {
        TestImages.busybox().push(registry, "it/df", "1");
        berthd.dockerOk("pull", ref("it/df:1"));
        berthd.dockerOk("volume", "create", "df-volume");
        String df = berthd.dockerOk("system", "df").stdout();
        assertTrue(df.lines().anyMatch(l -> l.startsWith("Local Volumes")), df);
        String images = df.lines().filter(l -> l.startsWith("Images")).findFirst().orElseThrow();
        assertTrue(Integer.parseInt(images.split("\\s+")[1]) >= 1, df);
    }

    @Test
    void unknownImagesAndBadReferencesAreClearErrors() {
        CommandResult missing = berthd.docker("pull", ref("it/none:nope"));
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.stderr().contains("not found"), missing.stderr());
        CommandResult invalid = berthd.docker("pull", "Busybox:1");
        assertNotEquals(0, invalid.exitCode());
        assertTrue(invalid.stderr().toLowerCase().contains("invalid reference format"), invalid.stderr());
        CommandResult noImage = berthd.docker("image", "inspect", "nothing-here:1");
        assertNotEquals(0, noImage.exitCode());
        assertTrue(noImage.stderr().contains("No such image"), noImage.stderr());
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    static long filesUnder(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            return s.count();
        }
    }

    @Test
    void importMakesAnImageFromAnExportedFileSystemByFileStdinAndUrl(@TempDir Path dir) throws Exception {
        TestImages.busybox().push(registry, "it/import-base", "1");
        String box = berthd.dockerOk("create", ref("it/import-base:1"), "true").stdout().strip();
        Path tar = dir.resolve("rootfs.tar");
        berthd.dockerOk("export", "-o", tar.toString(), box);
        berthd.dockerOk("rm", box);

        String id = berthd
                .dockerOk("import", "--change", "CMD [\"/bin/sh\", \"-c\", \"echo imported\"]", "-m", "from a test",
                        tar.toString(), "it/imported:1")
                .stdout().strip();
        assertTrue(id.startsWith("sha256:"), id);
        assertEquals("imported", berthd.dockerOk("run", "--rm", "it/imported:1").stdout().strip());
        assertTrue(berthd.dockerOk("history", "--no-trunc", "it/imported:1").stdout().contains("from a test"));

        CommandResult stdin = berthd.dockerWithInput(Files.readAllBytes(tar), "import", "-", "it/imported:2");
        assertEquals(0, stdin.exitCode(), stdin.toString());
        assertEquals("hello", berthd.dockerOk("run", "--rm", "it/imported:2", "echo", "hello").stdout().strip());

        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rootfs.tar", ex -> {
            byte[] body = Files.readAllBytes(tar);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/rootfs.tar";
            berthd.dockerOk("import", url, "it/imported:3");
            assertEquals("hi", berthd.dockerOk("run", "--rm", "it/imported:3", "echo", "hi").stdout().strip());
            CommandResult missing = berthd.docker("import", url.replace("rootfs", "missing"), "it/imported:4");
            assertNotEquals(0, missing.exitCode());
            assertTrue(missing.stderr().contains("404"), missing.stderr());
        } finally {
            server.stop(0);
        }
        CommandResult badChange = berthd.docker("import", "--change", "RUN echo no", tar.toString(), "it/imported:5");
        assertNotEquals(0, badChange.exitCode());
        berthd.dockerOk("rmi", "it/imported:1", "it/imported:2", "it/imported:3");
    }
}
