package dev.berth.runtime.container.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default profile is Docker's allow-list, shaped by capabilities, architecture and kernel; Docker profiles convert. */
class SeccompProfilesTest {
    private static final List<String> DEFAULT_CAPS = List.of("CAP_CHOWN", "CAP_KILL", "CAP_SETUID", "CAP_SETGID",
            "CAP_NET_BIND_SERVICE");

    /** Every name the filter allows unconditionally. */
    private static java.util.Set<String> allowed(RuntimeSpec.Seccomp s) {
        java.util.Set<String> out = new java.util.HashSet<>();
        s.syscalls().stream().filter(r -> r.action().equals("SCMP_ACT_ALLOW") && r.args() == null)
                .forEach(r -> out.addAll(r.names()));
        return out;
    }

    private static RuntimeSpec.Seccomp defaultFor(List<String> caps, String arch, String kernel) {
        com.fasterxml.jackson.databind.JsonNode profile;
        try {
            profile = dev.berth.runtime.common.Json.MAPPER.readTree(SeccompProfiles.defaultProfileJson());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return SeccompProfiles.convert(profile, caps, arch, KernelVersion.parse(kernel));
    }

    private static List<String> with(String... more) {
        List<String> caps = new java.util.ArrayList<>(DEFAULT_CAPS);
        caps.addAll(List.of(more));
        return caps;
    }

    @Test
    void theDefaultIsAnAllowListThatAnswersEpermToEverythingElse() {
        RuntimeSpec.Seccomp s = SeccompProfiles.forContainer(null, DEFAULT_CAPS, false);
        assertEquals("SCMP_ACT_ERRNO", s.defaultAction());
        assertEquals(1, s.defaultErrnoRet());
        java.util.Set<String> allowed = allowed(s);
        for (String call : List.of("read", "write", "openat", "execve", "ptrace", "adjtimex", "uname")) {
            assertTrue(allowed.contains(call), call);
        }
        for (String call : List.of("keyctl", "add_key", "mount", "umount2", "unshare", "setns", "init_module",
                "clock_settime", "reboot", "kexec_load", "bpf", "perf_event_open", "open_by_handle_at",
                "io_uring_setup", "syslog", "acct", "sethostname", "chroot")) {
            assertFalse(allowed.contains(call), call);
        }
    }

    @Test
    void aCapabilityAllowsItsCalls() {
        java.util.Set<String> allowed = allowed(
                SeccompProfiles.forContainer(null, with("CAP_SYS_ADMIN", "CAP_SYS_TIME"), false));
        for (String call : List.of("mount", "umount2", "unshare", "setns", "clock_settime", "bpf", "clone", "clone3")) {
            assertTrue(allowed.contains(call), call);
        }
        assertFalse(allowed.contains("keyctl"), "the keyring is not namespaced: refused whatever the caps");
        assertFalse(allowed.contains("init_module"), "CAP_SYS_MODULE is not held");
        assertTrue(allowed(SeccompProfiles.forContainer(null, with("CAP_SYS_MODULE"), false)).contains("init_module"));
    }

    @Test
    void cloneIsAllowedOnlyWithoutNamespaceFlagsAndClone3AnswersEnosys() {
        List<RuntimeSpec.SyscallRule> rules = SeccompProfiles.forContainer(null, DEFAULT_CAPS, false).syscalls();
        List<RuntimeSpec.SyscallRule> clone = rules.stream().filter(r -> r.names().contains("clone")).toList();
        assertEquals(1, clone.size());
        RuntimeSpec.SyscallArg arg = clone.getFirst().args().getFirst();
        assertEquals("SCMP_CMP_MASKED_EQ", arg.op());
        assertEquals(0, arg.index(), "flags are clone's first argument on x86-64");
        assertEquals(0x7E020000L, arg.value(), "every CLONE_NEW* flag");
        assertEquals(0L, arg.valueTwo(), "(flags & CLONE_NEW*) == 0");
        assertTrue(
                rules.stream()
                        .anyMatch(r -> r.names().equals(List.of("clone3")) && Integer.valueOf(38).equals(r.errnoRet())),
                "clone3 answers ENOSYS so libc falls back to clone");
        assertTrue(SeccompProfiles.forContainer(null, with("CAP_SYS_ADMIN"), false).syscalls().stream()
                .noneMatch(r -> "SCMP_ACT_ERRNO".equals(r.action())), "CAP_SYS_ADMIN may make namespaces");
    }

    @Test
    void argumentConditionsComeThrough() {
        List<RuntimeSpec.SyscallRule> rules = SeccompProfiles.forContainer(null, DEFAULT_CAPS, false).syscalls();
        List<Long> personalities = rules.stream().filter(r -> r.names().equals(List.of("personality")))
                .map(r -> r.args().getFirst().value()).toList();
        assertEquals(List.of(0L, 8L, 131072L, 131080L, 4294967295L), personalities);
        assertTrue(rules.stream().filter(r -> r.names().equals(List.of("socket")))
                .allMatch(r -> r.args() != null && r.args().getFirst().index() == 0), "socket: by address family only");
    }

    @Test
    void architectureAndKernelChooseRules() {
        RuntimeSpec.Seccomp amd64 = defaultFor(DEFAULT_CAPS, "amd64", "6.1.0-28-amd64");
        assertEquals(List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"), amd64.architectures());
        assertTrue(allowed(amd64).contains("arch_prctl"));
        assertFalse(allowed(amd64).contains("arm_fadvise64_64"));
        RuntimeSpec.Seccomp arm64 = defaultFor(DEFAULT_CAPS, "arm64", "6.1");
        assertEquals(List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"), arm64.architectures());
        assertTrue(allowed(arm64).contains("arm_fadvise64_64"));
        assertFalse(allowed(arm64).contains("arch_prctl"));
        assertTrue(allowed(amd64).contains("process_vm_readv"), "allowed from kernel 4.8 on");
        assertFalse(allowed(defaultFor(DEFAULT_CAPS, "amd64", "4.4.0")).contains("process_vm_readv"));
        assertTrue(allowed(defaultFor(with("CAP_SYS_PTRACE"), "amd64", "4.4.0")).contains("process_vm_readv"));
    }

    @Test
    void kernelVersionsCompareByMajorThenMinor() {
        assertTrue(KernelVersion.parse("6.1.0-28-amd64").atLeast(KernelVersion.parse("4.8")));
        assertTrue(KernelVersion.parse("4.8").atLeast(KernelVersion.parse("4.8")));
        assertFalse(KernelVersion.parse("4.10").atLeast(KernelVersion.parse("5.0")));
        assertTrue(KernelVersion.parse("5.15.153.1-microsoft-standard-WSL2").atLeast(KernelVersion.parse("5.9")));
        assertThrows(InvalidArgumentException.class, () -> KernelVersion.parse("latest"));
    }

    @Test
    void unconfinedAndPrivilegedHaveNoFilter() {
        assertNull(SeccompProfiles.forContainer("unconfined", DEFAULT_CAPS, false));
        assertNull(SeccompProfiles.forContainer(null, DEFAULT_CAPS, true));
        assertNull(SeccompProfiles.forContainer("{\"defaultAction\":\"SCMP_ACT_ERRNO\"}", DEFAULT_CAPS, true));
    }

    @Test
    void dockerProfileConvertsWithIncludesAndArgs() {
        String profile = """
                {"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1,
                 "archMap": [{"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86"]},
                             {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}],
                 "syscalls": [
                   {"names": ["read", "write"], "action": "SCMP_ACT_ALLOW"},
                   {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
                   {"names": ["personality"], "action": "SCMP_ACT_ALLOW",
                    "args": [{"index": 0, "value": 8, "op": "SCMP_CMP_EQ"}]}]}""";
        RuntimeSpec.Seccomp s = SeccompProfiles.fromDockerProfile(profile, DEFAULT_CAPS);
        assertEquals("SCMP_ACT_ERRNO", s.defaultAction());
        assertEquals(1, s.defaultErrnoRet());
        assertEquals(SeccompProfiles.nativeArchitectures().getFirst(), s.architectures().getFirst());
        assertEquals(2, s.syscalls().size(), "mount needs CAP_SYS_ADMIN, which the container lacks");
        assertEquals(List.of("read", "write"), s.syscalls().get(0).names());
        assertEquals(new RuntimeSpec.SyscallArg(0, 8, 0L, "SCMP_CMP_EQ"), s.syscalls().get(1).args().getFirst());
    }

    @Test
    void aBrokenProfileIsAClearError() {
        assertThrows(InvalidArgumentException.class,
                () -> SeccompProfiles.forContainer("{not json", DEFAULT_CAPS, false));
        assertThrows(InvalidArgumentException.class,
                () -> SeccompProfiles.forContainer("{\"syscalls\": []}", DEFAULT_CAPS, false));
        assertThrows(InvalidArgumentException.class, () -> SeccompProfiles.forContainer(
                "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"action\": \"SCMP_ACT_ERRNO\"}]}",
                DEFAULT_CAPS, false));
    }
}
