package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testkit.Await;
import dev.berth.testkit.Compression;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImage;
import dev.berth.testkit.TestImages;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * berthd killed (SIGKILL, as a power cut or the OOM killer would) at a random moment of a pull, of container runs and
 * removals and of volume changes. After each crash {@code berthd check} finds only what {@code --repair} can mend
 * (leftovers of the interrupted change, never a broken record), berthd starts again, the same kind of operation
 * succeeds, and a check after a clean stop finds nothing. A bounded number of trials here; {@code scripts/faults N}
 * runs many ({@code -Dberth.faults.trials}).
 */
class FaultInjectionIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension();

    private static final int TRIALS = Integer.getInteger("berth.faults.trials", 3);
    private static final Random RANDOM = new Random(Long.getLong("berth.faults.seed", 7L));
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(2);

    /** berthd check on the (stopped) engine's data root; {@code repair} adds --repair. */
    private static CommandResult check(boolean repair) {
        return repair
                ? BerthdExtension.runBerthd(CHECK_TIMEOUT, "check", "--data-root", berthd.dataRoot().toString(),
                        "--repair")
                : BerthdExtension.runBerthd(CHECK_TIMEOUT, "check", "--data-root", berthd.dataRoot().toString());
    }

    private static long onDisk() {
        try {
            return PullData.bytesUnder(berthd.dataRoot());
        } catch (java.io.IOException e) {
            return 0; // a file went away while counting: count again
        }
    }

    /** After a crash: whatever the check finds, the repair mends it all, and berthd comes back. */
    private static void recoverFromCrash(String during) {
        CommandResult found = check(false);
        assertTrue(found.exitCode() == 0 || found.exitCode() == 1, during + ": " + found);
        if (found.exitCode() == 1) {
            assertTrue(!found.stdout().contains("needs a person"), during + ": a crash broke a record: " + found);
            CommandResult repaired = check(true);
            assertEquals(0, repaired.exitCode(), during + ": " + repaired);
        }
        berthd.start();
    }

    /** After a clean stop, the data root checks clean. */
    private static void assertCleanAfterStop(String after) {
        assertEquals(0, berthd.stop());
        CommandResult clean = check(false);
        assertEquals(0, clean.exitCode(), after + ": " + clean);
        assertTrue(clean.stdout().contains(": clean"), clean.stdout());
        berthd.start();
    }

    @Test
    void aPullKilledAtAnyMomentLeavesOnlyWhatTheRepairMendsAndPullsAgain() throws Exception {
        TestImage image = TestImages.large(24L << 20, 4, Compression.NONE);
        image.push(registry, "faults/large", "1");
        // 8 MiB/s: a pull takes about three seconds, so a kill lands in the download, the unpack or the commit.
        try (ThrottledProxy slow = new ThrottledProxy(registry.port(), 8L << 20)) {
            String ref = slow.host() + "/faults/large:1";
            for (int trial = 0; trial < TRIALS; trial++) {
                ProcessBuilder pb = new ProcessBuilder("docker", "pull", ref).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().put("DOCKER_HOST", berthd.dockerHost());
                Process pull = pb.start();
                // The fault's moment, anywhere in the pull: once a random share of the blobs and layers it writes
                // (24 MiB of each) is on disk, or when it has ended.
                long bytes = (1L << 20) + RANDOM.nextLong(46L << 20);
                Await.until("the pull to write " + bytes + " bytes", Duration.ofMinutes(2),
                        () -> !pull.isAlive() || onDisk() >= bytes);
                berthd.kill9();
                pull.destroyForcibly();
                recoverFromCrash("pull trial " + trial);
                CommandResult again = berthd.docker("pull", ref);
                assertEquals(0, again.exitCode(), again.stderr());
                assertEquals(0, berthd.docker("image", "inspect", ref).exitCode());
                assertEquals(0, berthd.docker("rmi", ref).exitCode());
                assertCleanAfterStop("pull trial " + trial);
            }
        }
    }

    @Test
    void runsRemovalsAndVolumeChangesKilledAtAnyMomentLeaveOnlyWhatTheRepairMends() throws Exception {
        TestImages.busybox().push(registry, "faults/busybox", "1");
        String image = registry.host() + "/faults/busybox:1";
        assertEquals(0, berthd.docker("pull", image).exitCode());
        for (int trial = 0; trial < TRIALS; trial++) {
            AtomicBoolean busy = new AtomicBoolean(true);
            AtomicInteger calls = new AtomicInteger();
            int round = trial;
            Thread churn = Thread.ofVirtual().start(() -> {
                for (int i = 0; busy.get(); i++, calls.incrementAndGet()) {
                    String name = "churn-" + round + "-" + i;
                    berthd.docker("volume", "create", name + "-v");
                    berthd.docker("run", "-d", "--name", name, "-v", name + "-v:/data", image, "sh", "-c",
                            "echo hi > /data/x; sleep 30");
                    berthd.docker("rm", "-f", name);
                    berthd.docker("volume", "rm", name + "-v");
                }
            });
            // The fault's moment, anywhere in the churn: after a random number of rounds of it.
            int rounds = 1 + RANDOM.nextInt(8);
            Await.until(rounds + " rounds of churn", Duration.ofMinutes(2), () -> calls.get() >= rounds);
            berthd.kill9();
            busy.set(false);
            churn.join(Duration.ofMinutes(2));
            recoverFromCrash("churn trial " + trial);
            assertEquals(0, berthd.docker("ps", "-a").exitCode(), berthd.log());
            String left = berthd.docker("ps", "-aq").stdout().strip();
            if (!left.isEmpty()) {
                CommandResult rm = berthd.docker(("rm -f " + left.replace('\n', ' ')).split(" "));
                assertEquals(0, rm.exitCode(), rm + "\n" + berthd.log());
            }
            CommandResult run = berthd.docker("run", "--rm", "-v", "after-" + trial + ":/data", image, "sh", "-c",
                    "echo ok > /data/x");
            assertEquals(0, run.exitCode(), run.stderr());
            assertCleanAfterStop("churn trial " + trial);
        }
    }
}
