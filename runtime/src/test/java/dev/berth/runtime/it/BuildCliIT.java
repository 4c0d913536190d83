package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
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
 * {@code docker build} with the real CLI (no buildx, so it uses {@code POST /build}) against berthd: the layer cache,
 * {@code .dockerignore}, multi-stage builds, every instruction's effect on the image, BuildKit syntax (heredocs,
 * cache mounts), and the errors a user meets.
 */
class BuildCliIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    private static String base;

    @TempDir
    Path ctx;

    @BeforeAll
    static void pushBase() {
        TestImages.busybox().push(registry, "build/busybox", "1");
        base = registry.host() + "/build/busybox:1";
    }

    private void write(String name, String content) throws IOException {
        Path p = ctx.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private void dockerfile(String text) throws IOException {
        write("Dockerfile", text.replace("BASE", base));
    }

    private CommandResult build(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("build"));
        args.addAll(List.of(extra));
        args.add(ctx.toString());
        return berthd.dockerOk(args.toArray(String[]::new));
    }

    private static String builtId(CommandResult r) {
        Matcher m = Pattern.compile("Successfully built ([0-9a-f]{12})").matcher(r.stdout());
        assertTrue(m.find(), r.toString());
        return m.group(1);
    }

    private static long count(String text, String what) {
        return text.lines().filter(l -> l.contains(what)).count();
    }

    private static JsonNode inspect(String image) {
        try {
            return Json.MAPPER.readTree(berthd.dockerOk("image", "inspect", image).stdout()).get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRebuildReusesEveryStepAndAChangedFileRebuildsFromItsStepOn() throws Exception {
        dockerfile("""
                FROM BASE
                COPY a.txt /a.txt
                COPY b.txt /b.txt
                RUN cat /a.txt /b.txt > /both.txt
                CMD ["cat", "/both.txt"]
                """);
        write("a.txt", "a\n");
        write("b.txt", "b\n");
        String first = builtId(build("-t", "cache:1"));
        CommandResult again = build("-t", "cache:1");
        assertEquals(first, builtId(again), "nothing changed: the same image");
        assertEquals(4, count(again.stdout(), "Using cache"), again.stdout());
        assertFalse(again.stdout().contains("Running in"), again.stdout());

        // touch changes only the time: still all from the cache
        Files.setLastModifiedTime(ctx.resolve("a.txt"), FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals(first, builtId(build("-t", "cache:1")));

        // a changed b.txt: COPY a.txt is reused, COPY b.txt and what follows run again
        write("b.txt", "B\n");
        CommandResult changed = build("-t", "cache:1");
        assertNotEquals(first, builtId(changed));
        assertEquals(1, count(changed.stdout(), "Using cache"), changed.stdout());
        assertTrue(changed.stdout().contains("Running in"), changed.stdout());
        assertEquals("a\nB\n", berthd.dockerOk("run", "--rm", "cache:1").stdout());

        // chmod changes what COPY copies: a.txt's step runs again
        Files.setPosixFilePermissions(ctx.resolve("a.txt"), PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, count(build("-t", "cache:1").stdout(), "Using cache"));
        assertEquals("-rw-------",
                berthd.dockerOk("run", "--rm", "cache:1", "stat", "-c", "%A", "/a.txt").stdout().trim());
    }

    @Test
    void dockerignoreExceptionsAreHonouredAndTheDockerfileItselfLeaves() throws Exception {
        dockerfile("""
                FROM BASE
                COPY . /ctx/
                RUN cd /ctx && find . | sort > /list.txt
                CMD ["cat", "/list.txt"]
                """);
        write("app.log", "x");
        write("keep.log", "k");
        write("secret/key", "s");
        write("src/Main.java", "class Main {}");
        write(".dockerignore", "*.log\n!keep.log\nsecret\nDockerfile\n.dockerignore\n");
        build("-t", "ignore:1");
        String list = berthd.dockerOk("run", "--rm", "ignore:1").stdout();
        assertTrue(list.contains("./keep.log") && list.contains("./src/Main.java"), list);
        assertFalse(list.contains("app.log") || list.contains("secret") || list.contains("Dockerfile")
                || list.contains(".dockerignore"), list);
    }

    @Test
    void multiStageBuildsOnlyWhatTheTargetNeeds() throws Exception {
        dockerfile("""
                FROM BASE AS compile
                RUN mkdir /out && echo compiled > /out/app
                FROM BASE AS broken
                RUN echo broken-stage-ran && exit 9
                FROM BASE AS test
                COPY --from=compile /out/app /app
                RUN echo tested > /tested
                FROM BASE
                COPY --from=compile /out/app /usr/local/bin/app
                COPY --from=0 /out /out-by-index
                COPY --from=BASE /etc/motd /motd-from-an-image
                CMD ["cat", "/usr/local/bin/app"]
                """);
        CommandResult full = build("-t", "multi:1");
        assertFalse(full.stdout().contains("broken-stage-ran"), "an unneeded stage is not built:\n" + full.stdout());
        assertFalse(full.stdout().contains("echo tested"), full.stdout());
        assertTrue(full.stdout().contains("Step 1/7 : FROM"), "steps of the needed stages only:\n" + full.stdout());
        assertEquals("compiled\n", berthd.dockerOk("run", "--rm", "multi:1").stdout());
        assertEquals("compiled\n", berthd.dockerOk("run", "--rm", "multi:1", "cat", "/out-by-index/app").stdout());
        assertEquals(TestImages.MOTD, berthd.dockerOk("run", "--rm", "multi:1", "cat", "/motd-from-an-image").stdout(),
                "COPY --from an image");

        CommandResult target = build("--target", "test", "-t", "multi:test");
        assertFalse(target.stdout().contains("broken-stage-ran"), target.stdout());
        assertEquals("tested\ncompiled\n",
                berthd.dockerOk("run", "--rm", "multi:test", "cat", "/tested", "/app").stdout());
    }

    @Test
    void argsBeforeFromAndBuildArgs() throws Exception {
        write("Dockerfile", """
                ARG REPO=%s
                FROM ${REPO}/build/busybox:1
                ARG REPO
                ARG SALUTATION=hello
                ARG UNSET
                ARG GREETING=from-arg
                ENV FROM_ARG=$SALUTATION
                RUN echo "the image's ENV wins over an ARG: $GREETING" > /env-wins
                RUN echo "$SALUTATION $REPO ${UNSET:-none}" > /greeting
                CMD ["cat", "/greeting"]
                """.formatted(registry.host()));
        CommandResult r = build("--build-arg", "SALUTATION=bonjour", "--build-arg", "NOBODY_USES=1", "-t", "args:1");
        assertTrue(r.stdout().contains("[Warning] One or more build-args [NOBODY_USES] were not consumed"), r.stdout());
        assertEquals("bonjour " + registry.host() + " none\n", berthd.dockerOk("run", "--rm", "args:1").stdout());
        assertEquals("the image's ENV wins over an ARG: hello\n",
                berthd.dockerOk("run", "--rm", "args:1", "cat", "/env-wins").stdout());
        List<String> env = Json.MAPPER.convertValue(inspect("args:1").at("/Config/Env"), List.class);
        assertTrue(env.contains("FROM_ARG=bonjour"), env.toString());
        assertFalse(env.stream().anyMatch(e -> e.startsWith("SALUTATION=")),
                "build args stay out of the image: " + env);
        assertTrue(berthd.dockerOk("history", "--no-trunc", "args:1").stdout()
                .contains("|2 REPO=" + registry.host() + " SALUTATION=bonjour"));
    }

    @Test
    void metadataInstructionsReachInspectAndRun() throws Exception {
        dockerfile("""
                FROM BASE
                RUN echo "app:x:1234:1234::/home/app:/bin/sh" >> /etc/passwd && echo "app:x:1234:" >> /etc/group
                WORKDIR /srv
                WORKDIR data
                ENV MODE=prod LEVEL="very high"
                LABEL org.example.team="core" version=2
                EXPOSE 8080 53/udp
                VOLUME ["/cache"]
                STOPSIGNAL SIGQUIT
                HEALTHCHECK --interval=30s --timeout=3s --retries=2 CMD test -d /srv
                USER app
                ENTRYPOINT ["/bin/sh", "-c", "echo \\"$0 $MODE $LEVEL $(id -u) $(pwd)\\""]
                CMD ["started"]
                """);
        build("-t", "meta:1");
        JsonNode cfg = inspect("meta:1").get("Config");
        assertEquals("app", cfg.get("User").asText());
        assertEquals("/srv/data", cfg.get("WorkingDir").asText());
        assertEquals("core", cfg.at("/Labels/org.example.team").asText());
        assertEquals("2", cfg.at("/Labels/version").asText());
        assertTrue(cfg.at("/ExposedPorts").has("8080/tcp") && cfg.at("/ExposedPorts").has("53/udp"), cfg.toString());
        assertTrue(cfg.at("/Volumes").has("/cache"), cfg.toString());
        assertEquals("SIGQUIT", cfg.get("StopSignal").asText());
        assertEquals("[\"CMD-SHELL\",\"test -d /srv\"]", cfg.at("/Healthcheck/Test").toString());
        assertEquals(30_000_000_000L, cfg.at("/Healthcheck/Interval").asLong());
        assertEquals(2, cfg.at("/Healthcheck/Retries").asInt());
        assertEquals("started prod very high 1234 /srv/data\n", berthd.dockerOk("run", "--rm", "meta:1").stdout());
    }

    @Test
    void addUnpacksArchivesCopyChownsAndSymlinksStayLinks() throws Exception {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
                Files.newOutputStream(ctx.resolve("bundle.tar.gz"))))) {
            TarArchiveEntry e = new TarArchiveEntry("tool/run.sh");
            byte[] body = "#!/bin/sh\necho tool\n".getBytes(StandardCharsets.UTF_8);
            e.setSize(body.length);
            e.setMode(0755);
            tar.putArchiveEntry(e);
            tar.write(body);
            tar.closeArchiveEntry();
        }
        write("conf/app.conf", "x=1\n");
        Files.createSymbolicLink(ctx.resolve("conf/current"), Path.of("app.conf"));
        dockerfile("""
                FROM BASE
                RUN echo "app:x:1000:1000::/home/app:/bin/sh" >> /etc/passwd && echo "app:x:1000:" >> /etc/group
                ADD bundle.tar.gz /opt/
                COPY --chown=app:app conf /etc/app/
                COPY --chmod=0600 conf/app.conf /root/private.conf
                RUN /opt/tool/run.sh && stat -c '%U:%G %n' /etc/app/app.conf && readlink /etc/app/current \\
                    && stat -c '%a' /root/private.conf
                """);
        CommandResult r = build("-t", "files:1");
        assertTrue(r.stdout().contains("tool\napp:app /etc/app/app.conf\napp.conf\n600"), r.stdout());
    }

    @Test
    void shellAndOnbuildTriggers() throws Exception {
        dockerfile("""
                FROM BASE
                SHELL ["/bin/sh", "-ec"]
                ONBUILD RUN echo triggered > /triggered
                RUN echo parent
                """);
        build("-t", "parent:1");
        write("Dockerfile", "FROM parent:1\nRUN cat /triggered\n");
        CommandResult child = build("-t", "child:1");
        assertTrue(child.stdout().contains("# Executing 1 build trigger"), child.stdout());
        assertEquals("triggered\n", berthd.dockerOk("run", "--rm", "child:1", "cat", "/triggered").stdout());
        assertTrue(
                inspect("child:1").at("/Config/OnBuild").isNull() || inspect("child:1").at("/Config/OnBuild").isEmpty(),
                "triggers are not inherited");
        assertEquals("[\"/bin/sh\",\"-ec\"]", inspect("child:1").at("/Config/Shell").toString());
    }

    @Test
    void dockerfilesFromStdin() throws Exception {
        write("hello.txt", "from the context\n");
        CommandResult alone = berthd.dockerWithInput(
                ("FROM " + base + "\nRUN echo no-context > /x\n").getBytes(StandardCharsets.UTF_8),
                "build", "-t", "stdin:1", "-");
        assertEquals(0, alone.exitCode(), alone.toString());
        assertEquals("no-context\n", berthd.dockerOk("run", "--rm", "stdin:1", "cat", "/x").stdout());
        CommandResult withContext = berthd.dockerWithInput(
                ("FROM " + base + "\nCOPY . /ctx/\n").getBytes(StandardCharsets.UTF_8),
                "build", "-f", "-", "-t", "stdin:2", ctx.toString());
        assertEquals(0, withContext.exitCode(), withContext.toString());
        assertEquals("hello.txt\n", berthd.dockerOk("run", "--rm", "stdin:2", "ls", "/ctx").stdout(),
                "the CLI's Dockerfile and .dockerignore stay out");
    }

    @Test
    void quietModeAndIidfile() throws Exception {
        dockerfile("FROM BASE\nRUN echo noisy\n");
        CommandResult quiet = build("-q", "-t", "quiet:1");
        assertTrue(quiet.stdout().strip().matches("sha256:[0-9a-f]{64}"), quiet.stdout());
        Path iid = ctx.resolve("iid");
        build("--iidfile", iid.toString(), "-t", "quiet:1");
        assertEquals(quiet.stdout().strip(), Files.readString(iid).strip());
        assertEquals(quiet.stdout().strip(), inspect("quiet:1").get("Id").asText());
    }

    @Test
    void aFailingRunExitsWithItsCodeAndLeavesNothing() throws Exception {
        dockerfile("FROM BASE\nRUN echo before-failing && exit 3\n");
        int imagesBefore = berthd.dockerOk("images", "-aq").stdout().strip().split("\\s+").length;
        String containersBefore = berthd.dockerOk("ps", "-aq").stdout().strip();
        CommandResult r = berthd.docker("build", "--force-rm", "-t", "failing:1", ctx.toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("before-failing"), r.stdout());
        assertTrue(
                r.stderr()
                        .contains("The command '/bin/sh -c echo before-failing && exit 3' returned a non-zero code: 3"),
                r.stderr());
        assertEquals(containersBefore, berthd.dockerOk("ps", "-aq").stdout().strip(),
                "--force-rm removes the failed step's container");
        assertEquals(imagesBefore, berthd.dockerOk("images", "-aq").stdout().strip().split("\\s+").length,
                "no image is left");
        assertFalse(berthd.docker("image", "inspect", "failing:1").ok());

        CommandResult kept = berthd.docker("build", ctx.toString());
        assertEquals(3, kept.exitCode());
        assertEquals(containersBefore.lines().count() + 1,
                berthd.dockerOk("ps", "-aq").stdout().strip().lines().count(),
                "without --force-rm the failed container stays for inspection, as with dockerd");
        berthd.dockerOk("container", "prune", "-f");
    }

    @Test
    void mistakesAreClearErrors() throws Exception {
        dockerfile("FROM BASE\nRUN true\nFROBNICATE now\n");
        CommandResult unknown = berthd.docker("build", ctx.toString());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.stderr().contains("dockerfile parse error on line 3: unknown instruction: FROBNICATE"),
                unknown.stderr());

        dockerfile("FROM BASE\nCOPY missing.txt /x\n");
        CommandResult missing = berthd.docker("build", ctx.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(
                missing.stderr().contains(
                        "COPY failed: file not found in build context or excluded by .dockerignore: stat missing.txt"),
                missing.stderr());

        write("Dockerfile", "FROM " + registry.host() + "/build/no-such-image:1\n");
        CommandResult noBase = berthd.docker("build", ctx.toString());
        assertEquals(1, noBase.exitCode());
        assertTrue(noBase.stderr().contains("build/no-such-image:1"), noBase.stderr());
        berthd.dockerOk("version");
    }

    @Test
    void heredocsAndCacheMountsFromBuildKitSyntax() throws Exception {
        dockerfile("""
                # syntax=docker/dockerfile:1.7
                FROM BASE
                ARG WHO=heredoc
                RUN --mount=type=cache,target=/var/cache/app <<EOF
                echo "run" >> /var/cache/app/runs
                wc -l < /var/cache/app/runs > /runs-seen
                EOF
                COPY <<EOF /etc/greeting
                hello $WHO
                EOF
                RUN <<EOF
                #!/bin/sh
                echo "script ran: $(cat /etc/greeting)" > /script-out
                EOF
                """);
        CommandResult first = build("-t", "heredoc:1");
        assertTrue(first.stdout().contains("[Warning] the syntax directive"), first.stdout());
        assertEquals("1", berthd.dockerOk("run", "--rm", "heredoc:1", "cat", "/runs-seen").stdout().strip());
        assertEquals("script ran: hello heredoc\n",
                berthd.dockerOk("run", "--rm", "heredoc:1", "cat", "/script-out").stdout());
        assertEquals(1, berthd.docker("run", "--rm", "heredoc:1", "test", "-e", "/var/cache/app").exitCode(),
                "the cache mount's target is not left in the image");
        build("--no-cache", "-t", "heredoc:1");
        assertEquals("2", berthd.dockerOk("run", "--rm", "heredoc:1", "cat", "/runs-seen").stdout().strip(),
                "the cache directory kept the first build's content");
        assertTrue(berthd.dockerOk("system", "df").stdout().contains("Build Cache"));
        CommandResult prune = berthd.dockerOk("builder", "prune", "-f");
        assertTrue(prune.stdout().contains("Total reclaimed space"), prune.stdout());
    }

    @Test
    void historyShowsEachStepAsDockerDoes() throws Exception {
        write("f.txt", "f");
        dockerfile("FROM BASE\nENV A=b\nCOPY f.txt /f\nRUN true\n");
        build("-t", "history:1", "--label", "built.by=berth", "--label", "team=core");
        assertEquals("berth", inspect("history:1").at("/Config/Labels/built.by").asText(), "--label reaches the image");
        String history = berthd.dockerOk("history", "--no-trunc", "--format", "{{.CreatedBy}}", "history:1").stdout();
        List<String> lines = history.lines().toList();
        assertEquals("/bin/sh -c #(nop)  LABEL built.by=berth team=core", lines.get(0),
                "--label is the last step, as in dockerd");
        assertEquals("/bin/sh -c true", lines.get(1));
        assertTrue(lines.get(2).matches("/bin/sh -c #\\(nop\\) COPY file:[0-9a-f]{64} in /f "), lines.get(2));
        assertEquals("/bin/sh -c #(nop)  ENV A=b", lines.get(3));
    }

    @Test
    void runOptionsReachTheStepsContainer() throws Exception {
        write("data/in.txt", "bound\n");
        dockerfile("""
                FROM BASE AS tools
                RUN echo from-stage > /tool
                FROM BASE
                RUN --network=none grep -c : /proc/net/dev > /interfaces
                RUN --mount=type=bind,source=data,target=/mnt/data cat /mnt/data/in.txt > /bound
                RUN --mount=type=bind,from=tools,source=/tool,target=/t cat /t > /from-stage
                RUN --mount=type=tmpfs,target=/scratch grep ' /scratch tmpfs' /proc/mounts | cut -d' ' -f3 > /tmpfs
                RUN grep myhost /etc/hosts | cut -f1 > /hosts
                """);
        build("--add-host", "myhost:10.1.2.3", "-t", "runopts:1");
        String seen = berthd
                .dockerOk("run", "--rm", "runopts:1", "cat", "/interfaces", "/bound", "/from-stage", "/tmpfs", "/hosts")
                .stdout();
        assertEquals("1\nbound\nfrom-stage\ntmpfs\n10.1.2.3\n", seen,
                "loopback only with --network=none; binds; tmpfs; --add-host");
        assertEquals(1,
                berthd.docker("run", "--rm", "runopts:1", "sh", "-c",
                        "test -e /mnt/data || test -e /scratch || test -e /t").exitCode(),
                "mount points are not left in the image");
        CommandResult network = build("--network", "none", "-t", "runopts:2");
        assertTrue(network.stdout().contains("Successfully built"), network.stdout());
    }

    @Test
    void cacheFromReusesTheStepsOfAPulledImage() throws Exception {
        write("a.txt", "a\n");
        dockerfile("FROM BASE\nCOPY a.txt /a\nRUN echo built-once > /b\nENV DONE=1\n");
        String ref = registry.host() + "/build/cached:1";
        build("-t", ref);
        berthd.dockerOk("push", ref);
        berthd.dockerOk("rmi", ref);
        berthd.dockerOk("pull", ref);
        CommandResult r = build("--cache-from", ref, "-t", "fromcache:1");
        assertEquals(3, count(r.stdout(), "Using cache"), r.stdout());
        assertFalse(r.stdout().contains("Running in"), r.stdout());
        assertEquals("built-once\n", berthd.dockerOk("run", "--rm", "fromcache:1", "cat", "/b").stdout());
        assertEquals(inspect(ref).at("/RootFS/Layers").toString(),
                inspect("fromcache:1").at("/RootFS/Layers").toString(),
                "the pulled image's layers are reused");
    }
}
