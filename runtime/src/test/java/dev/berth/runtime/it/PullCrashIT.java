package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.Compression;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImage;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** berthd killed with SIGKILL during a pull: no half image afterwards, and the same pull then completes. */
class PullCrashIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    @Test
    void killDuringPullLeavesNoHalfImage() throws Exception {
        TestImage image = TestImages.large(48L << 20, 6, Compression.NONE);
        image.push(registry, "crash/large", "1");
        try (ThrottledProxy slow = new ThrottledProxy(registry.port(), 8L << 20)) {
            String ref = slow.host() + "/crash/large:1";
            ProcessBuilder pb = new ProcessBuilder("docker", "pull", ref)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DOCKER_HOST", berthd.dockerHost());
            Process pull = pb.start();
            PullData.awaitPartial(berthd.dataRoot(), 4L << 20, Duration.ofSeconds(60));
            assertTrue(pull.isAlive(), "the pull must still be running when berthd is killed");
            berthd.kill9();
            pull.waitFor();
            berthd.start();

            assertFalse(berthd.docker("images").stdout().contains("crash/large"),
                    "a half-pulled image must not be listed");
            try (Stream<Path> ingest = Files.list(berthd.dataRoot().resolve("ingest"))) {
                assertEquals(0, ingest.count(), "partial downloads are cleaned up at start");
            }
            CommandResult again = berthd.docker("pull", ref);
            assertEquals(0, again.exitCode(), again.stderr());
            String id = berthd.docker("image", "inspect", "--format", "{{.Id}}", ref).stdout().trim();
            assertEquals(image.configDigest(), id);
        }
    }
}
