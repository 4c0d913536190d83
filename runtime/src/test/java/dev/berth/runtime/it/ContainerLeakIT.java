package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 200 {@code docker run --rm IMG true} cycles through the docker CLI leave berthd's mounts, cgroups, child
 * processes (and conmons) and open file descriptors where they started.
 */
class ContainerLeakIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("leak/busybox:1");

    private static final int CYCLES = 200;
    /** Two at a time: 200 one after the other take ~3 min on the 2-core host; in pairs it stays well under 4. */
    private static final int PARALLEL = 2;
    private static String image;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
    }

    /** What a container could leave behind, counted. */
    record Resources(int mounts, int cgroups, int children, int conmons, int fds) {
        boolean sameOrFewerFds(Resources target) {
            return mounts == target.mounts && cgroups == target.cgroups && children == target.children
                    && conmons == target.conmons && fds <= target.fds;
        }
    }

    @Test
    void runRmCyclesLeaveNothingBehind() throws Exception {
        // Warm-up: the first runs create what berthd keeps for its lifetime (the pull, the bridge and its
        // DNS server, thread pools, the exit watch); counting starts after them, at rest.
        for (int i = 0; i < 2 * PARALLEL; i++) {
            run();
        }
        Resources before = settled(null);

        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<?>> cycles = new ArrayList<>();
        for (int i = 0; i < CYCLES; i++) {
            cycles.add(pool.submit(ContainerLeakIT::run));
        }
        for (Future<?> f : cycles) {
            f.get();
        }
        pool.shutdown();
        assertEquals("", berthd.docker("ps", "-aq").stdout().trim(), "--rm removed every container");

        // Some cleanup runs after the CLI returns (runc's state is forgotten on a background thread), so wait
        // until the counts are back at the baseline, for a while.
        Resources after = settled(before);
        assertEquals(before.mounts(), after.mounts(), "mounts under berthd's roots");
        assertEquals(before.cgroups(), after.cgroups(), "container cgroups under berth/");
        assertEquals(before.children(), after.children(), "berthd's child processes");
        assertEquals(0, after.conmons(), "conmon processes of this berthd");
        // No slack upwards: after the warm-up berthd's fds are its listening socket, epoll/eventfd of its Netty
        // loops, the inotify fds of the exit and log watches, jars and the data-root lock; none grows per
        // container. Fewer is fine: the baseline may include a CLI connection still closing or a jar the class
        // loader had open (seen: 58 before, 55 after).
        assertTrue(after.fds() <= before.fds(),
                () -> "berthd's open fds grew from " + before.fds() + " to " + after.fds()
                        + "; now open: " + fdTargets());
    }

    private static void run() {
        CommandResult r = berthd.docker("run", "--rm", image, "true");
        assertEquals(0, r.exitCode(), () -> "docker run --rm failed:\n" + r.stdout() + r.stderr());
    }

    /** The counts once they stop changing (or equal {@code target}), within 20 s. */
    private static Resources settled(Resources target) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        Resources last = count();
        while (Instant.now().isBefore(end)) {
            Thread.sleep(500);
            Resources now = count();
            if (target != null ? now.sameOrFewerFds(target) : now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static Resources count() {
        long pid = berthd.pid();
        String root = berthd.tempDir().toString();
        int mounts = (int) lines(Path.of("/proc", Long.toString(pid), "mountinfo")).stream()
                .filter(l -> l.contains(root)).count();
        int cgroups = 0;
        try (Stream<Path> controllers = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path c : controllers.toList()) {
                Path berth = c.resolve("berth");
                if (Files.isDirectory(berth)) {
                    try (Stream<Path> dirs = Files.list(berth)) {
                        cgroups += (int) dirs.filter(Files::isDirectory).count();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int children = 0;
        int conmons = 0;
        for (Map.Entry<Long, String[]> p : processes().entrySet()) {
            String[] stat = p.getValue();
            if (Long.parseLong(stat[1]) == pid) {
                children++;
            }
            if (stat[0].equals("conmon") && cmdline(p.getKey()).contains(root)) {
                conmons++;
            }
        }
        String[] fds = Path.of("/proc", Long.toString(pid), "fd").toFile().list();
        return new Resources(mounts, cgroups, children, conmons, fds == null ? -1 : fds.length);
    }

    /** Where berthd's fds point, for a failure message. */
    private static String fdTargets() {
        Path dir = Path.of("/proc", Long.toString(berthd.pid()), "fd");
        List<String> out = new ArrayList<>();
        String[] fds = dir.toFile().list();
        for (String fd : fds == null ? new String[0] : fds) {
            try {
                out.add(fd + "->" + Files.readSymbolicLink(dir.resolve(fd)));
            } catch (IOException e) {
                // closed meanwhile
            }
        }
        return String.join(", ", out);
    }

    /** pid → {comm, ppid} of every process. */
    private static Map<Long, String[]> processes() {
        Map<Long, String[]> out = new TreeMap<>();
        String[] pids = Path.of("/proc").toFile().list((d, n) -> n.chars().allMatch(Character::isDigit));
        for (String p : pids == null ? new String[0] : pids) {
            List<String> stat = lines(Path.of("/proc", p, "stat"));
            if (stat.isEmpty()) {
                continue; // exited meanwhile
            }
            String s = stat.getFirst();
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so cut at the last ')'.
            String comm = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
            String[] rest = s.substring(s.lastIndexOf(')') + 2).split(" ");
            out.put(Long.parseLong(p), new String[]{comm, rest[1]});
        }
        return out;
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p); // not readString: JDK 25 truncates /proc files with it
        } catch (IOException e) {
            return List.of();
        }
    }
}
