package dev.berth.runtime.it;

import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Containers run under a seccomp filter by default, shaped by their capabilities; profiles and opt-outs as docker's. */
class SeccompCliIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("seccomp/busybox:1");

    private static String image;

    @BeforeAll
    static void pushImage() {
        image = berthd.image();
        assertEquals(0, berthd.docker("pull", image).exitCode());
    }

    private static CommandResult run(List<String> options, String script) {
        List<String> argv = new ArrayList<>(List.of("run", "--rm"));
        argv.addAll(options);
        argv.addAll(List.of(image, "sh", "-c", script));
        return berthd.docker(argv.toArray(String[]::new));
    }

    private static String seccompMode(List<String> options) {
        CommandResult r = run(options, "grep '^Seccomp:' /proc/self/status | tr -d ' \\t' | cut -d: -f2");
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().trim();
    }

    @Test
    void filteredByDefaultNotWhenUnconfinedOrPrivileged() {
        assertEquals("2", seccompMode(List.of()), "mode 2 = a seccomp filter");
        assertEquals("0", seccompMode(List.of("--security-opt", "seccomp=unconfined")));
        assertEquals("0", seccompMode(List.of("--privileged")));
        CommandResult info = berthd.docker("info", "--format", "{{json .SecurityOptions}}");
        assertTrue(info.stdout().contains("name=seccomp,profile=builtin"), info.stdout() + info.stderr());
    }

    @Test
    void namespaceCallsNeedSysAdmin() {
        CommandResult plain = run(List.of(), "unshare -m true");
        assertNotEquals(0, plain.exitCode());
        assertTrue(plain.stderr().contains("Operation not permitted"), plain.stderr());
        CommandResult admin = run(List.of("--cap-add", "SYS_ADMIN"), "unshare -m true && echo ok");
        assertEquals(0, admin.exitCode(), admin.stderr());
        assertEquals("ok", admin.stdout().trim());
    }

    @Test
    void cloneMakesNoNamespacesWithoutSysAdmin(@TempDir Path dir) throws Exception {
        Path probe = StaticProbe.compile("clone-probe", dir);
        List<String> mount = List.of("-v", probe.getParent() + ":/probe:ro");
        assertEquals("ok", probeSays(mount, "clone", "0"), "a plain fork works");
        assertEquals("Operation not permitted", probeSays(mount, "clone", "0x10000000"), "CLONE_NEWUSER");
        assertEquals("Operation not permitted", probeSays(mount, "clone", "0x40000000"), "CLONE_NEWNET");
        assertEquals("Function not implemented", probeSays(mount, "clone3"), "libc falls back to clone");
        List<String> unconfined = new ArrayList<>(mount);
        unconfined.addAll(List.of("--security-opt", "seccomp=unconfined"));
        assertEquals("ok", probeSays(unconfined, "clone3"), "the kernel has clone3: the filter answered ENOSYS");
    }

    private static String probeSays(List<String> options, String... args) {
        List<String> argv = new ArrayList<>(List.of("run", "--rm"));
        argv.addAll(options);
        argv.add(image);
        argv.add("/probe/clone-probe");
        argv.addAll(List.of(args));
        CommandResult r = berthd.docker(argv.toArray(String[]::new));
        return r.stdout().trim();
    }

    @Test
    void aProfileFileIsApplied(@TempDir Path dir) throws Exception {
        Path profile = Files.writeString(dir.resolve("no-mkdir.json"), """
                {"defaultAction": "SCMP_ACT_ALLOW",
                 "syscalls": [{"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1}]}""");
        CommandResult r = run(List.of("--security-opt", "seccomp=" + profile), "mkdir /tmp/x");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("Operation not permitted"), r.stderr());
        assertEquals(0, run(List.of(), "mkdir /tmp/x").exitCode(), "the default profile allows mkdir");
    }

    @Test
    void aBrokenProfileIsRefusedAndTheEngineGoesOn(@TempDir Path dir) throws Exception {
        Path profile = Files.writeString(dir.resolve("broken.json"), "{\"syscalls\": []}");
        CommandResult r = run(List.of("--security-opt", "seccomp=" + profile), "true");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("seccomp"), r.stderr());
        assertEquals(0, run(List.of(), "true").exitCode());
    }
}
