package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code --log-opt max-size/max-file}: at most N files of max-size, read across by docker logs, also when following. */
class LogRotationCliIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("logs/busybox:1");

    private static final int LINES = 2000;
    private static String image;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
    }

    @Test
    void keepsAtMostMaxFilesAndLogsReadsAContiguousTail() throws Exception {
        // ~55-byte records: ~180 lines per 10 kB file, ~11 rotations in ~6 s; the pauses keep the pace at a few
        // rotations a second (see container.logs: a file replaced twice before berthd looks would be lost).
        String script = "i=0; while [ $i -lt " + LINES + " ]; do i=$((i+1)); echo line-$i; "
                + "if [ $((i % 20)) -eq 0 ]; then sleep 0.05; fi; done";
        String id = berthd.dockerOk("run", "-d", "--log-opt", "max-size=10k", "--log-opt", "max-file=3", image, "sh",
                "-c", script).stdout().trim();
        var follow = CompletableFuture.supplyAsync(() -> berthd.docker("logs", "-f", id),
                Executors.newVirtualThreadPerTaskExecutor());
        assertEquals("0", berthd.dockerOk("wait", id).stdout().trim());
        CommandResult followed = follow.get(60, TimeUnit.SECONDS);
        assertEquals(0, followed.exitCode(), followed.stderr());

        List<Integer> all = numbers(berthd.dockerOk("logs", id).stdout());
        assertEquals(LINES, all.getLast());
        assertContiguous(all);
        assertTrue(all.getFirst() > 1, "the oldest lines were rotated away, first kept is " + all.getFirst());
        assertTrue(all.size() > 2 * 150, "two full rotated files and the current one, had " + all.size());

        List<Integer> fromFollow = numbers(followed.stdout());
        assertEquals(LINES, fromFollow.getLast());
        assertContiguous(fromFollow);

        assertEquals(List.of(LINES - 4, LINES - 3, LINES - 2, LINES - 1, LINES),
                numbers(berthd.dockerOk("logs", "--tail", "5", id).stdout()));

        Path log = berthd.dataRoot().resolve("containers").resolve(id).resolve("container.log");
        Set<Object> files = new HashSet<>();
        try (Stream<Path> listing = Files.list(log.getParent())) {
            for (Path p : listing.filter(p -> p.getFileName().toString().startsWith("container.log")).toList()) {
                files.add(Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
                assertTrue(Files.size(p) <= 10_000, p + " has " + Files.size(p) + " bytes");
            }
        }
        assertEquals(3, files.size(), "distinct log files (container.log, .1, .2)");
        assertFalse(Files.exists(log.resolveSibling("container.log.3")));
        berthd.dockerOk("rm", id);
    }

    @Test
    void maxFileOneTruncatesAsDocker() throws Exception {
        String id = berthd.dockerOk("run", "-d", "--log-opt", "max-size=2k", image, "sh", "-c",
                "i=0; while [ $i -lt 200 ]; do i=$((i+1)); echo line-$i; done").stdout().trim();
        berthd.dockerOk("wait", id);
        List<Integer> kept = numbers(berthd.dockerOk("logs", id).stdout());
        assertEquals(200, kept.getLast());
        assertNotEquals(1, kept.getFirst());
        assertContiguous(kept);
        Path dir = berthd.dataRoot().resolve("containers").resolve(id);
        try (Stream<Path> listing = Files.list(dir)) {
            assertEquals(List.of("container.log"), listing.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("container.log")).toList());
        }
        berthd.dockerOk("rm", id);
    }

    @Test
    void badLogOptionsAreRefusedAtCreate() {
        CommandResult zero = berthd.docker("create", "--log-opt", "max-file=0", image, "true");
        assertNotEquals(0, zero.exitCode());
        assertTrue(zero.stderr().contains("max-file cannot be less than 1"), zero.stderr());
        CommandResult size = berthd.docker("create", "--log-opt", "max-size=lots", image, "true");
        assertNotEquals(0, size.exitCode());
        assertTrue(size.stderr().contains("invalid size"), size.stderr());
    }

    private static List<Integer> numbers(String out) {
        return out.lines().filter(l -> l.startsWith("line-")).map(l -> Integer.parseInt(l.substring(5).trim()))
                .toList();
    }

    private static void assertContiguous(List<Integer> numbers) {
        for (int i = 1; i < numbers.size(); i++) {
            if (numbers.get(i) != numbers.get(i - 1) + 1) {
                throw new AssertionError("gap after " + numbers.get(i - 1) + ": next is " + numbers.get(i));
            }
        }
    }
}
