package dev.berth.runtime.it;

import dev.berth.testkit.HttpResult;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.berth.testkit.Await;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds under the conditions that break engines: a 1 GiB context on a 256 MiB heap, two builds at once, a client
 * that hangs up mid-step, a berthd killed between builds, hostile contexts and Dockerfiles, and contexts fetched
 * from a URL. After each, the engine must still serve and nothing may be left running or mounted.
 */
class BuildRobustnessIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("robust/busybox:1");

    private static String base;

    @TempDir
    Path ctx;

    @BeforeAll
    static void pushBase() {
        base = berthd.image();
    }

    private static String builtId(String output) {
        Matcher m = Pattern.compile("Successfully built ([0-9a-f]{12})").matcher(output);
        assertTrue(m.find(), output);
        return m.group(1);
    }

    private List<String> buildMounts() throws IOException {
        String prefix = berthd.dataRoot().toAbsolutePath() + "/build/";
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().map(l -> l.split(" ")[4])
                .filter(m -> m.startsWith(prefix)).toList();
    }

    private long leftoverBuildDirs() throws IOException {
        Path tmp = berthd.dataRoot().resolve("build/tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (var s = Files.list(tmp)) {
            return s.count();
        }
    }

    @Test
    void aOneGibContextBuildsOnA256MibHeap() throws Exception {
        Files.writeString(ctx.resolve("Dockerfile"),
                "FROM " + base + "\nCOPY small.txt /small.txt\nRUN cat /small.txt\n");
        Files.writeString(ctx.resolve("small.txt"), "small file in a large context\n");
        ByteBuffer chunk = ByteBuffer.allocate(8 << 20);
        new java.util.Random(7).nextBytes(chunk.array());
        for (int f = 0; f < 8; f++) {
            try (FileChannel out = FileChannel.open(ctx.resolve("big-" + f + ".bin"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                for (int i = 0; i < 16; i++) {
                    chunk.clear();
                    out.write(chunk);
                }
            }
        }
        CommandResult r = berthd.dockerOk("build", "-t", "large:1", ctx.toString());
        assertTrue(r.stdout().contains("Sending build context to Docker daemon  1.074GB"), r.stdout());
        assertTrue(r.stdout().contains("small file in a large context"), r.stdout());
        assertEquals(0, leftoverBuildDirs(), "the context is removed after the build");
    }

    @Test
    void twoBuildsRunAtOnce() throws Exception {
        Path one = Files.createDirectories(ctx.resolve("one"));
        Path two = Files.createDirectories(ctx.resolve("two"));
        Files.writeString(one.resolve("Dockerfile"), "FROM " + base + "\nRUN sleep 1 && echo one > /which\n");
        Files.writeString(two.resolve("Dockerfile"), "FROM " + base + "\nRUN sleep 1 && echo two > /which\n");
        CompletableFuture<CommandResult> a = CompletableFuture
                .supplyAsync(() -> berthd.docker("build", "-t", "concurrent:one", one.toString()));
        CompletableFuture<CommandResult> b = CompletableFuture
                .supplyAsync(() -> berthd.docker("build", "-t", "concurrent:two", two.toString()));
        CommandResult ra = a.join();
        CommandResult rb = b.join();
        assertEquals(0, ra.exitCode(), ra.toString());
        assertEquals(0, rb.exitCode(), rb.toString());
        assertEquals("one\n", berthd.dockerOk("run", "--rm", "concurrent:one", "cat", "/which").stdout());
        assertEquals("two\n", berthd.dockerOk("run", "--rm", "concurrent:two", "cat", "/which").stdout());
    }

    @Test
    void aClientThatHangsUpLeavesNothingRunning() throws Exception {
        Files.writeString(ctx.resolve("Dockerfile"), "FROM " + base + "\nRUN echo step-started && sleep 300\n");
        // Hang up as the RUN step is announced (its container is being made) and again while it runs.
        hangUpAt(line -> line.startsWith("Step 2/2"));
        hangUpAt(line -> line.strip().equals("step-started"));
    }

    private void hangUpAt(java.util.function.Predicate<String> moment) throws Exception {
        String before = berthd.dockerOk("ps", "-aq").stdout().strip();
        ProcessBuilder pb = new ProcessBuilder("docker", "build", "-t", "hangup:1", ctx.toString())
                .redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", berthd.dockerHost());
        Process cli = pb.start();
        cli.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !moment.test(line)) {
            // read on until the moment to hang up
        }
        assertTrue(line != null, "the build reached the moment to hang up");
        cli.destroy(); // SIGTERM: the CLI closes its connection, as Ctrl+C does
        cli.waitFor();
        out.close();
        Await.until("the build's container to be gone", Duration.ofSeconds(60),
                () -> berthd.dockerOk("ps", "-aq").stdout().strip().equals(before),
                () -> berthd.dockerOk("ps", "-a").stdout());
        Await.until("the build's mounts and files to be gone", Duration.ofSeconds(30), () -> {
            try {
                return buildMounts().isEmpty() && leftoverBuildDirs() == 0;
            } catch (IOException e) {
                return false;
            }
        });
        assertFalse(berthd.docker("image", "inspect", "hangup:1").ok(), "no image from a cancelled build");
        berthd.dockerOk("version");
    }

    @Test
    void theCacheSurvivesAKilledEngine() throws Exception {
        Files.writeString(ctx.resolve("Dockerfile"),
                "FROM " + base + "\nCOPY Dockerfile /d\nRUN echo cached > /c\nENV X=1\n");
        String first = builtId(berthd.dockerOk("build", "-t", "survivor:1", ctx.toString()).stdout());
        berthd.kill9();
        berthd.start();
        CommandResult again = berthd.dockerOk("build", "-t", "survivor:1", ctx.toString());
        assertEquals(first, builtId(again.stdout()));
        assertEquals(3, again.stdout().lines().filter(l -> l.contains("Using cache")).count(), again.stdout());
    }

    @Test
    void hostileContextsAreRefusedAndNothingLandsOutside() throws Exception {
        Path outside = Path.of("/tmp", "berth-build-escape-" + ProcessHandle.current().pid());
        Files.deleteIfExists(outside);
        HttpResult dotdot = post("/build",
                tar(Map.of("Dockerfile", "FROM " + base + "\n", "../" + outside.getFileName(), "x")));
        assertEquals(400, dotdot.status(), dotdot.toString());
        assertTrue(dotdot.text().contains(".."), dotdot.text());

        // A file written through a link to /tmp lands in the context's own tmp, as in dockerd's chrooted unpack.
        byte[] throughLink = tarWithLink("Dockerfile",
                "FROM " + base + "\nCOPY tmp/" + outside.getFileName() + " /landed\n",
                "out", "/tmp", "out/" + outside.getFileName());
        HttpResult link = post("/build?t=through-link:1", throughLink);
        assertTrue(link.text().contains("Successfully built"), link.toString());
        assertFalse(Files.exists(outside), "nothing was written outside the build");
        assertEquals("evil", berthd.dockerOk("run", "--rm", "through-link:1", "cat", "/landed").stdout());

        // A link in the context to the host's /etc leads to the context's own etc, never the host's.
        byte[] linkedPasswd = tarWithLink("Dockerfile", "FROM " + base + "\nCOPY hostetc/passwd /stolen\n", "hostetc",
                "/etc", null);
        HttpResult stolen = post("/build?t=stolen:1", linkedPasswd);
        assertEquals(200, stolen.status(), stolen.toString());
        assertTrue(stolen.text().contains("file not found in build context"), stolen.text());
        assertFalse(berthd.docker("image", "inspect", "stolen:1").ok());
        berthd.dockerOk("version");
    }

    @Test
    void hostileDockerfilesAreClearErrors() throws Exception {
        HttpResult huge = post("/build",
                tar(Map.of("Dockerfile", "FROM " + base + "\n" + "# padding\n".repeat(1_100_000))));
        assertEquals(400, huge.status(), () -> huge.toString().substring(0, Math.min(300, huge.toString().length())));
        assertTrue(huge.text().contains("at most 4 MiB"), huge.text());

        HttpResult steps = post("/build",
                tar(Map.of("Dockerfile", "FROM " + base + "\n" + "ENV A=1\n".repeat(10_000))));
        assertEquals(400, steps.status());
        assertTrue(steps.text().contains("at most 2000"), steps.text());

        String longLine = "FROM " + base + "\nLABEL big=" + "x".repeat(1024 * 1024) + "\n";
        HttpResult line = post("/build", tar(Map.of("Dockerfile", longLine)));
        assertEquals(200, line.status());
        assertTrue(line.text().contains("more than 128 KiB"),
                line.text().substring(0, Math.min(600, line.text().length())));

        StringBuilder explode = new StringBuilder("FROM " + base + "\nARG A0=" + "x".repeat(64) + "\n");
        for (int i = 1; i <= 30; i++) {
            explode.append("ARG A").append(i).append("=$A").append(i - 1).append("$A").append(i - 1).append('\n');
        }
        HttpResult exploded = post("/build", tar(Map.of("Dockerfile", explode.toString())));
        assertEquals(200, exploded.status());
        assertTrue(exploded.text().contains("more than 128 KiB"), exploded.text());

        HttpResult garbage = post("/build", new byte[]{0, 1, 2, 3, 0, 0, 7});
        assertEquals(400, garbage.status(), garbage.toString());
        assertEquals(200, berthd.http("GET", "/_ping").status());
    }

    @Test
    void contextsFromAUrl() throws Exception {
        byte[] contextTar = gzip(
                tar(Map.of("Dockerfile", "FROM " + base + "\nCOPY note.txt /note.txt\n", "note.txt", "fetched\n")));
        byte[] plainDockerfile = ("FROM " + base + "\nRUN echo from-a-url > /u\n").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ctx.tar.gz", x -> serve(x, contextTar));
        server.createContext("/Dockerfile", x -> serve(x, plainDockerfile));
        server.createContext("/files/payload.txt",
                x -> serve(x, "downloaded by ADD\n".getBytes(StandardCharsets.UTF_8)));
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpResult tarred = post(
                    "/build?t=remote:1&remote=" + URLEncoder.encode(url + "/ctx.tar.gz", StandardCharsets.UTF_8),
                    new byte[0]);
            assertTrue(tarred.text().contains("Successfully tagged remote:1"), tarred.text());
            assertEquals("fetched\n", berthd.dockerOk("run", "--rm", "remote:1", "cat", "/note.txt").stdout());
            HttpResult plain = post(
                    "/build?t=remote:2&remote=" + URLEncoder.encode(url + "/Dockerfile", StandardCharsets.UTF_8),
                    new byte[0]);
            assertTrue(plain.text().contains("Successfully tagged remote:2"), plain.text());
            assertEquals("from-a-url\n", berthd.dockerOk("run", "--rm", "remote:2", "cat", "/u").stdout());
            Files.writeString(ctx.resolve("Dockerfile"),
                    "FROM " + base + "\nADD " + url + "/files/payload.txt /downloaded/\n");
            berthd.dockerOk("build", "-t", "add-url:1", ctx.toString());
            assertEquals("600 downloaded by ADD\n", berthd.dockerOk("run", "--rm", "add-url:1", "sh", "-c",
                    "stat -c '%a ' /downloaded/payload.txt | tr -d '\\n'; cat /downloaded/payload.txt").stdout());
        } finally {
            server.stop(0);
        }
        HttpResult git = post(
                "/build?remote=" + URLEncoder.encode("https://example.org/repo.git", StandardCharsets.UTF_8),
                new byte[0]);
        assertEquals(400, git.status());
        assertTrue(git.text().contains("git repository"), git.text());
        assertNotEquals(0, berthd.dockerOk("images", "-q").stdout().length());
    }

    private static void serve(com.sun.net.httpserver.HttpExchange x, byte[] body) throws IOException {
        x.sendResponseHeaders(200, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private static HttpResult post(String path, byte[] body) {
        return berthd.http("POST", path, Map.of("Content-Type", "application/x-tar"), body);
    }

    private static byte[] tar(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : files.entrySet()) {
                byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(data.length);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A Dockerfile, a symlink {@code link -> target}, and optionally a file written through the link. */
    private static byte[] tarWithLink(String name, String dockerfile, String link, String target, String through)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            byte[] data = dockerfile.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry df = new TarArchiveEntry(name, true);
            df.setSize(data.length);
            tar.putArchiveEntry(df);
            tar.write(data);
            tar.closeArchiveEntry();
            TarArchiveEntry l = new TarArchiveEntry(link, TarArchiveEntry.LF_SYMLINK, true);
            l.setLinkName(target);
            tar.putArchiveEntry(l);
            tar.closeArchiveEntry();
            if (through != null) {
                TarArchiveEntry f = new TarArchiveEntry(through, true);
                f.setSize(4);
                tar.putArchiveEntry(f);
                tar.write("evil".getBytes(StandardCharsets.UTF_8));
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }
}
