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
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code docker pull} whose client goes away (Ctrl+C, Cancel in the app) is cancelled in the engine as dockerd
 * cancels it: downloading stops, no image appears later, the engine keeps serving and the next pull completes.
 */
class PullCancelCliIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    @Test
    void aPullWhoseClientLeavesStops() throws Exception {
        TestImage image = TestImages.large(48L << 20, 6, Compression.NONE);
        image.push(registry, "cancel/large", "1");
        // 8 MiB/s: the whole pull takes about six seconds, so there is time to leave in the middle.
        try (ThrottledProxy slow = new ThrottledProxy(registry.port(), 8L << 20)) {
            String ref = slow.host() + "/cancel/large:1";
            ProcessBuilder pb = new ProcessBuilder("docker", "pull", ref).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DOCKER_HOST", berthd.dockerHost());
            Process pull = pb.start();
            PullData.awaitPartial(berthd.dataRoot(), 4L << 20, Duration.ofSeconds(60));
            assertTrue(pull.isAlive(), "the pull must still be running when its client leaves");
            pull.destroy();
            assertTrue(pull.waitFor(10, TimeUnit.SECONDS), "docker pull ends on SIGTERM");

            // The rest of the image would take over five seconds to arrive; a cancelled pull ends at once.
            waitForLog("pull of " + ref + " cancelled: the client went away", Duration.ofSeconds(3));
            long atCancel = PullData.bytesUnder(berthd.dataRoot());
            // Long enough for the rest of the image to arrive at 8 MiB/s had the pull gone on.
            Thread.sleep(7000);
            long later = PullData.bytesUnder(berthd.dataRoot());
            assertTrue(later - atCancel < (1L << 20), "downloading went on after the client left: "
                    + atCancel + " -> " + later + " bytes");
            assertFalse(berthd.docker("images").stdout().contains("cancel/large"), "a cancelled pull adds no image");

            CommandResult again = berthd.docker("pull", ref);
            assertEquals(0, again.exitCode(), again.stderr());
            assertEquals(image.configDigest(),
                    berthd.docker("image", "inspect", "--format", "{{.Id}}", ref).stdout().trim());
        }
    }

    private static void waitForLog(String line, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!berthd.log().contains(line)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("berthd never logged: " + line);
            }
            Thread.sleep(50);
        }
    }
}
