package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.Await;
import dev.berth.testkit.Compression;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * berthd on a data root that fills up (a 160 MiB tmpfs the test mounts): a pull, a {@code docker cp} and a commit that
 * hit ENOSPC fail in words and leave no half image, the engine keeps serving, a container keeps running while its
 * log cannot be written and its logging resumes once space is freed, and the data root checks clean afterwards.
 */
@TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class FullDiskIT {
    /** A small file system for the data root, mounted before berthd starts and gone after it stopped. */
    static final class SmallDataRoot implements BeforeAllCallback, AfterAllCallback {
        final Path dir;

        SmallDataRoot() {
            try {
                dir = Files.createTempDirectory(Path.of("/tmp"), "berth-full-");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            assertEquals(0, new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=160m", "tmpfs", dir.toString())
                    .inheritIO().start().waitFor(), "mount a tmpfs");
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            dev.berth.testkit.EngineRules.remove(dir);
            new ProcessBuilder("umount", "-l", dir.toString()).inheritIO().start().waitFor();
            Files.deleteIfExists(dir);
        }
    }

    @RegisterExtension
    @Order(1)
    static SmallDataRoot disk = new SmallDataRoot();

    @RegisterExtension
    @Order(2)
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    @Order(3)
    static BerthdExtension berthd = new BerthdExtension().withArgs("--data-root", disk.dir.toString());

    private static String busybox;

    private static String image() {
        if (busybox == null) {
            TestImages.busybox().push(registry, "full/busybox", "1");
            busybox = registry.host() + "/full/busybox:1";
            assertEquals(0, berthd.docker("pull", busybox).exitCode(), berthd.log());
        }
        return busybox;
    }

    /** Fills the data root's file system to the last block; returns the file to delete to free it. */
    private static Path fill() throws IOException {
        Path filler = disk.dir.resolve("filler");
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        return filler;
    }

    private static void assertServing() {
        assertEquals(0, berthd.docker("version").exitCode(), "the engine keeps serving");
        assertEquals(0, berthd.docker("ps", "-a").exitCode());
    }

    @Test
    @Order(1)
    void aPullThatDoesNotFitFailsInWordsAndLeavesNoImage() {
        image();
        TestImages.large(200L << 20, 4, Compression.NONE).push(registry, "full/large", "1");
        CommandResult pull = berthd.docker("pull", registry.host() + "/full/large:1");
        assertNotEquals(0, pull.exitCode());
        assertTrue(pull.stderr().toLowerCase(java.util.Locale.ROOT).contains("no space left on device"), pull.stderr());
        assertServing();
        assertFalse(berthd.docker("images").stdout().contains("full/large"), "no half image");
        assertEquals(0, berthd.docker("run", "--rm", "--network", "none", image(), "true").exitCode(),
                "space is back for the next one");
    }

    @Test
    @Order(2)
    void aCopyAndACommitThatDoNotFitFailInWords() throws Exception {
        assertEquals(0, berthd.docker("run", "-d", "--name", "holder", "--network", "none", image(), "sleep", "300")
                .exitCode());
        Path big = Files.createTempFile("berth-full-big", ".bin");
        try {
            try (OutputStream out = Files.newOutputStream(big)) {
                byte[] block = new byte[1 << 20];
                for (int i = 0; i < 200; i++) {
                    out.write(block);
                }
            }
            CommandResult cp = berthd.docker("cp", big.toString(), "holder:/big.bin");
            assertNotEquals(0, cp.exitCode());
            assertTrue(cp.stderr().toLowerCase(java.util.Locale.ROOT).contains("no space left"), cp.stderr());
            assertServing();
            // What was written before the disk filled stays, as with dockerd; removing it frees the space.
            assertEquals(0, berthd.docker("exec", "holder", "rm", "-f", "/big.bin").exitCode());
        } finally {
            Files.deleteIfExists(big);
        }
        assertEquals(0, berthd.docker("exec", "holder", "sh", "-c", "echo changed > /changed").exitCode());
        Path filler = fill();
        try {
            CommandResult commit = berthd.docker("commit", "holder", "full/committed:1");
            if (commit.exitCode() != 0) {
                assertTrue(commit.stderr().toLowerCase(java.util.Locale.ROOT).contains("no space left"),
                        commit.stderr());
                assertFalse(berthd.docker("images").stdout().contains("full/committed"), "no half image");
            }
            assertServing();
        } finally {
            Files.deleteIfExists(filler);
            berthd.docker("rm", "-f", "holder");
        }
    }

    @Test
    @Order(3)
    void aContainerKeepsRunningWhileItsLogCannotBeWrittenAndLogsAgainAfter() throws Exception {
        assertEquals(0, berthd
                .docker("run", "-d", "--name", "talker", "--network", "none", "--tmpfs", "/state", image(), "sh", "-c",
                        "i=0; while true; do i=$((i+1)); echo line-$i; echo $i > /state/i; sleep 0.1; done")
                .exitCode());
        Await.until("the first lines", Duration.ofSeconds(30),
                () -> berthd.docker("logs", "talker").stdout().contains("line-5"));
        Path filler = fill();
        int atFull = counter();
        Await.until("twenty more lines said while the disk is full", Duration.ofSeconds(60),
                () -> counter() >= atFull + 20);
        assertEquals("true", berthd.docker("inspect", "--format", "{{.State.Running}}", "talker").stdout().trim(),
                "a full disk does not end a container");
        Files.delete(filler);
        int atFree = counter();
        Await.until("lines logged after space came back", Duration.ofSeconds(60),
                () -> berthd.docker("logs", "talker").stdout().lines()
                        .anyMatch(l -> l.startsWith("line-") && number(l) > atFree),
                () -> berthd.docker("logs", "--tail", "5", "talker").stdout());
        assertServing();
        berthd.docker("rm", "-f", "talker");
    }

    @Test
    @Order(4)
    void theDataRootChecksCleanAfterAStop() {
        for (String id : berthd.docker("ps", "-aq").stdout().split("\\s+")) {
            if (!id.isBlank()) {
                berthd.docker("rm", "-f", id);
            }
        }
        assertEquals(0, berthd.stop());
        CommandResult check = BerthdExtension.runBerthd(Duration.ofMinutes(2), "check", "--data-root",
                disk.dir.toString());
        assertEquals(0, check.exitCode(), check.toString());
        berthd.start();
    }

    private static int counter() {
        String out = berthd.docker("exec", "talker", "cat", "/state/i").stdout().strip();
        return out.isEmpty() ? 0 : Integer.parseInt(out);
    }

    private static int number(String line) {
        try {
            return Integer.parseInt(line.substring("line-".length()).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
