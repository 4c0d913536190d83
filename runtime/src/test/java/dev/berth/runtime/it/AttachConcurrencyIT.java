package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many open attach streams (terminals) at once leave the engine responsive: the attach socket reads must not
 * hold the few carrier threads virtual threads run on (with 2 cores, two open terminals once froze berthd).
 */
class AttachConcurrencyIT {
    private static final int SESSIONS = 6;

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("attach/busybox:1");

    @Test
    @Timeout(90)
    void engineAnswersWhileSixExecSessionsAndAnAttachAreOpen() throws Exception {
        String image = berthd.image();
        assertEquals(0, berthd.docker("run", "-d", "-i", "--name", "held", image, "cat").exitCode());
        List<Process> clients = new ArrayList<>();
        try {
            for (int i = 0; i < SESSIONS; i++) {
                clients.add(new ProcessBuilder("docker", "-H", berthd.dockerHost(), "exec", "-i", "held", "cat")
                        .redirectErrorStream(true).start());
            }
            clients.add(new ProcessBuilder("docker", "-H", berthd.dockerHost(), "attach", "held")
                    .redirectErrorStream(true).start());
            // Every session connected and blocked reading its socket: the container runs one cat per exec besides its own.
            dev.berth.testkit.Await.until("all exec sessions running", java.time.Duration.ofSeconds(60),
                    () -> berthd.docker("top", "held").stdout().lines().filter(l -> l.endsWith("cat"))
                            .count() == SESSIONS + 1,
                    () -> berthd.docker("top", "held").stdout());
            for (Process p : clients) {
                assertTrue(p.isAlive(), "a session ended early");
            }
            long began = System.nanoTime();
            CommandResult ps = berthd.docker("ps", "--format", "{{.Names}}");
            assertEquals(0, ps.exitCode(), ps.stderr());
            assertEquals("held", ps.stdout().trim());
            assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(10), "docker ps took too long");
            // Each exec session still echoes: its output pump works alongside the others.
            Process first = clients.getFirst();
            OutputStream in = first.getOutputStream();
            in.write("ping\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            byte[] echoed = first.getInputStream().readNBytes(5);
            assertEquals("ping\n", new String(echoed, StandardCharsets.UTF_8));
        } finally {
            for (Process p : clients) {
                p.getOutputStream().close();
                p.destroy();
            }
            berthd.docker("rm", "-f", "held");
        }
    }
}
