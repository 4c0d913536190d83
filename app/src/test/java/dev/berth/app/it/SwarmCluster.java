package dev.berth.app.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.app.localengine.LocalEngineController;
import dev.berth.testkit.Await;
import dev.berth.testkit.BerthdProcess;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.ProcessRunner;
import dev.berth.testkit.ReferenceDockerd;
import dev.berth.testkit.TempTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Three of Debian's dockerd on one host, each in its own network namespace (with its own address on a bridge of
 * the test's, and its own host name) and its own data and exec roots, as moby's integration tests run several
 * daemons: the machines of a swarm. They are not joined: the tests do that through the app. The namespaces have no
 * route out, so an image pull fails at once and a task runs the image the test loaded into every node.
 */
public final class SwarmCluster implements AutoCloseable {
    public static final int NODES = 3;
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private final String id;
    private final int subnet;
    private final Path dir;
    private final List<Process> daemons = new ArrayList<>();

    private SwarmCluster(String id, int subnet, Path dir) {
        this.id = id;
        this.subnet = subnet;
        this.dir = dir;
    }

    /** Starts the three engines (skipped, with the reason, where that cannot be done). */
    public static SwarmCluster start() {
        assumeTrue(LocalEngineController.runningAsRoot(), "network namespaces and dockerd need root");
        assumeTrue(ReferenceDockerd.installed(), "dockerd is not installed (scripts/install-deps --test installs it)");
        String id = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
        SwarmCluster cluster = new SwarmCluster(id, 100 + ThreadLocalRandom.current().nextInt(150), TempTree.create(
                "berth-swarm-"));
        try {
            cluster.network();
            for (int i = 1; i <= NODES; i++) {
                cluster.startDaemon(i);
            }
            for (int i = 1; i <= NODES; i++) {
                int node = i;
                Await.until("dockerd of node " + node + " answering", Duration.ofSeconds(90),
                        () -> BerthdProcess.pingOk(cluster.socket(node)), () -> cluster.log(node));
            }
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void network() {
        ok("ip", "link", "add", bridge(), "type", "bridge");
        ok("ip", "addr", "add", "10.231." + subnet + ".1/24", "dev", bridge());
        ok("ip", "link", "set", bridge(), "up");
        for (int i = 1; i <= NODES; i++) {
            String ns = netns(i);
            ok("ip", "netns", "add", ns);
            ok("ip", "link", "add", "bsw" + id + "v" + i, "type", "veth", "peer", "name", "eth0", "netns", ns);
            ok("ip", "link", "set", "bsw" + id + "v" + i, "master", bridge(), "up");
            ok("ip", "-n", ns, "addr", "add", address(i) + "/24", "dev", "eth0");
            ok("ip", "-n", ns, "link", "set", "eth0", "up");
            ok("ip", "-n", ns, "link", "set", "lo", "up");
        }
    }

    private void startDaemon(int i) {
        Path node = dir.resolve("node-" + i);
        try {
            Files.createDirectories(node);
            // nsenter enters only the network namespace (ip netns exec would also remount /sys, hiding the
            // cgroups dockerd needs); unshare gives the node a host name of its own, as a machine has.
            daemons.add(new ProcessBuilder("nsenter", "--net=/var/run/netns/" + netns(i), "unshare", "--uts", "sh",
                    "-c", "hostname \"$0\" && exec dockerd --data-root \"$1/data\" --exec-root \"$1/exec\" "
                            + "-H \"unix://$1/docker.sock\" --pidfile \"$1/docker.pid\"",
                    "swarm-node-" + i, node.toString()).redirectErrorStream(true)
                    .redirectOutput(node.resolve("dockerd.log").toFile()).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dockerd " + i, e);
        }
    }

    /** The node's engine address for the app. */
    public String uri(int node) {
        return "unix://" + socket(node);
    }

    public Path socket(int node) {
        return dir.resolve("node-" + node).resolve("docker.sock");
    }

    /** The node's address on the cluster's network. */
    public String address(int node) {
        return "10.231." + subnet + "." + (10 + node);
    }

    /** The node's host name (what Nodes and Tasks show). */
    public static String hostname(int node) {
        return "swarm-node-" + node;
    }

    /** Runs the docker CLI against one node; fails with its output unless it exits 0. */
    public CommandResult docker(int node, String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "-H", uri(node)));
        cmd.addAll(Arrays.asList(args));
        CommandResult r = ProcessRunner.run(cmd, Map.of("DOCKER_CONFIG", dir.toString()), null, COMMAND_TIMEOUT);
        if (r.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " on node " + node + ": " + r);
        }
        return r;
    }

    /** SIGKILLs the node's dockerd, as a machine that lost power (its containers' processes go with it). */
    void kill(int node) {
        Process p = daemons.get(node - 1);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        ProcessRunner.run(List.of("pkill", "-9", "-f", dir.resolve("node-" + node).toString()), Map.of(), null,
                COMMAND_TIMEOUT);
    }

    String log(int node) {
        try {
            return Files.readString(dir.resolve("node-" + node).resolve("dockerd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the engines, then removes their processes, mounts, namespaces, bridge and files. */
    @Override
    public void close() {
        for (Process p : daemons) {
            p.destroy();
        }
        for (Process p : daemons) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        run("pkill", "-9", "-f", dir.toString()); // containerd and shims the engines started
        run("sh", "-c", "grep -o ' " + dir + "[^ ]*' /proc/self/mounts | sort -r | xargs -r -n1 umount -l");
        for (int i = 1; i <= NODES; i++) {
            run("ip", "netns", "del", netns(i));
        }
        run("ip", "link", "del", bridge());
        run("rm", "-rf", dir.toString());
    }

    private String bridge() {
        return "bsw" + id;
    }

    private String netns(int node) {
        return "berth-swarm-" + id + "-" + node;
    }

    private static void ok(String... command) {
        CommandResult r = run(command);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + ": " + r);
        }
    }

    private static CommandResult run(String... command) {
        return ProcessRunner.run(List.of(command), Map.of(), null, COMMAND_TIMEOUT);
    }
}
