package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.testkit.ReferenceDockerd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default seccomp filter, call by call, against dockerd's: a static probe (syscall-probe.c) makes ~90 system
 * calls in a container on berthd and on the reference dockerd on this machine, with the default capabilities and
 * with {@code --cap-add SYS_ADMIN}; every call gets the same verdict (allowed / EPERM / ENOSYS) on both, except the
 * calls Docker changed since the reference's 20.10 (seccomp/changes-since-docker-20.10.txt).
 */
class SeccompProbeIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("seccomp/probe:1");

    private static ReferenceDockerd dockerd;
    private static String image;
    private static Path probeDir;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(ReferenceDockerd.installed(),
                "needs dockerd as the reference (scripts/install-deps --test installs docker.io)");
        image = berthd.image();
        probeDir = StaticProbe.compile("syscall-probe", Files.createTempDirectory("berth-seccomp-probe")).getParent();
        dockerd = ReferenceDockerd.start();
        assertEquals(0, berthd.docker("pull", image).exitCode());
        ReferenceDockerd.CliResult pulled = dockerd.docker("pull", image);
        assertEquals(0, pulled.exitCode(), pulled.stderr());
    }

    @AfterAll
    static void tearDown() {
        if (dockerd != null) {
            dockerd.close();
        }
    }

    private static List<String> runArgs(List<String> options) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "none", "-v", probeDir + ":/probe:ro"));
        args.addAll(options);
        args.addAll(List.of(image, "/probe/syscall-probe"));
        return args;
    }

    /** Probe line → verdict, in the probe's order. */
    private static Map<String, String> verdicts(int exitCode, String stdout, String stderr, String engine) {
        assertEquals(0, exitCode, engine + ": " + stderr);
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : stdout.strip().split("\n")) {
            String[] parts = line.strip().split(" ");
            out.put(parts[0], parts[1]);
        }
        assertTrue(out.size() > 80, engine + " ran the whole probe: " + stdout);
        return out;
    }

    private static Map<String, String> onBerthd(List<String> options) {
        CommandResult r = berthd.docker(runArgs(options).toArray(String[]::new));
        return verdicts(r.exitCode(), r.stdout(), r.stderr(), "berthd");
    }

    private static Map<String, String> onDockerd(List<String> options) {
        ReferenceDockerd.CliResult r = dockerd.docker(runArgs(options).toArray(String[]::new));
        return verdicts(r.exitCode(), r.stdout(), r.stderr(), "dockerd");
    }

    /** Whether Docker changed this call's rules since 20.10, so dockerd 20.10 may answer it differently. */
    private static boolean changedSince2010(String probe, Set<String> changed) {
        if (probe.startsWith("socket_")) {
            return probe.equals("socket_alg") || probe.equals("socket_vsock");
        }
        String call = probe.replaceFirst("_(query|uname26|plain|newuser|newnet|newns)$", "");
        return changed.contains(call);
    }

    private static void assertSameVerdicts(List<String> options) throws Exception {
        Map<String, String> ours = onBerthd(options);
        Map<String, String> theirs = onDockerd(options);
        assertEquals(theirs.keySet(), ours.keySet());
        Set<String> changed = dev.berth.runtime.container.oci.SeccompChanges.names();
        StringBuilder table = new StringBuilder();
        List<String> differing = new ArrayList<>();
        for (String call : ours.keySet()) {
            boolean expectedSame = !changedSince2010(call, changed);
            table.append(String.format("%-26s berthd %-8s dockerd %-8s%s%n", call, ours.get(call), theirs.get(call),
                    expectedSame ? "" : " (changed since 20.10)"));
            if (expectedSame && !ours.get(call).equals(theirs.get(call))) {
                differing.add(call);
            }
        }
        assertEquals(List.of(), differing, "verdicts that differ from dockerd's " + options + ":\n" + table);
    }

    @Test
    void theDefaultFilterAnswersEveryCallAsDockerdDoes() throws Exception {
        assertSameVerdicts(List.of());
        Map<String, String> ours = onBerthd(List.of());
        for (String unlisted : List.of("keyctl", "add_key", "request_key", "uselib", "create_module", "io_uring_setup",
                "socket_vsock", "personality_uname26")) {
            assertEquals("EPERM", ours.get(unlisted), unlisted + " is not on Docker's list: refused");
        }
        assertEquals("ENOSYS", ours.get("clone3"), "libc falls back to clone");
        assertEquals("EPERM", ours.get("clone_newuser"));
        assertEquals("allowed", ours.get("clone_plain"));
        assertEquals("allowed", ours.get("process_vm_readv"), "Docker allows it from kernel 4.8 on");
    }

    @Test
    void withSysAdminTheSameCallsOpenAsOnDockerd() throws Exception {
        List<String> admin = List.of("--cap-add", "SYS_ADMIN");
        assertSameVerdicts(admin);
        Map<String, String> ours = onBerthd(admin);
        for (String opened : List.of("mount", "unshare", "setns", "clone_newuser", "clone3", "bpf", "fsopen")) {
            assertEquals("allowed", ours.get(opened), opened + " with CAP_SYS_ADMIN");
        }
        assertEquals("EPERM", ours.get("keyctl"), "no capability opens the keyring");
    }
}
