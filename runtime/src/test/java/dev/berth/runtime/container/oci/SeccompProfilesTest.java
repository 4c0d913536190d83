package dev.berth.runtime.container.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default deny-list follows the container's capabilities; Docker profiles convert to the OCI form. */
class SeccompProfilesTest {
    private static final List<String> DEFAULT_CAPS = List.of("CAP_CHOWN", "CAP_KILL", "CAP_SETUID", "CAP_SETGID", "CAP_NET_BIND_SERVICE");

    private static List<String> denied(RuntimeSpec.Seccomp s) {
        assertEquals("SCMP_ACT_ALLOW", s.defaultAction());
        assertEquals("SCMP_ACT_ERRNO", s.syscalls().getFirst().action());
        assertNull(s.syscalls().getFirst().args(), "the deny-list holds whatever the arguments");
        assertEquals(1, s.syscalls().getFirst().errnoRet());
        return s.syscalls().getFirst().names();
    }

    @Test
    void defaultBlocksKeyringMountsModulesAndClocks() {
        List<String> denied = denied(SeccompProfiles.forContainer(null, DEFAULT_CAPS, false));
        for (String call : List.of("keyctl", "add_key", "mount", "umount2", "unshare", "setns", "init_module",
                "clock_settime", "reboot", "kexec_load", "bpf", "perf_event_open", "open_by_handle_at", "io_uring_setup")) {
            assertTrue(denied.contains(call), call);
        }
        for (String call : List.of("read", "clone", "ptrace", "adjtimex", "sethostname")) {
            assertFalse(denied.contains(call), call);
        }
    }

    @Test
    void cloneWithANamespaceFlagIsRefusedWithoutSysAdmin() {
        List<RuntimeSpec.SyscallRule> rules = SeccompProfiles.forContainer(null, DEFAULT_CAPS, false).syscalls();
        List<RuntimeSpec.SyscallRule> clone = rules.stream().filter(r -> r.names().equals(List.of("clone"))).toList();
        assertEquals(7, clone.size(), "one rule per CLONE_NEW* flag");
        for (RuntimeSpec.SyscallRule r : clone) {
            RuntimeSpec.SyscallArg arg = r.args().getFirst();
            assertEquals("SCMP_CMP_MASKED_EQ", arg.op());
            assertEquals(arg.value(), arg.valueTwo(), "the flag is set: (flags & FLAG) == FLAG");
            assertEquals(1, Long.bitCount(arg.value()));
            assertEquals(1, r.errnoRet());
        }
        assertTrue(clone.stream().anyMatch(r -> r.args().getFirst().value() == 0x10000000L), "CLONE_NEWUSER");
        assertTrue(rules.stream().anyMatch(r -> r.names().equals(List.of("clone3")) && r.errnoRet() == 38),
                "clone3 answers ENOSYS so libc falls back to clone");

        List<String> caps = new java.util.ArrayList<>(DEFAULT_CAPS);
        caps.add("CAP_SYS_ADMIN");
        assertEquals(1, SeccompProfiles.forContainer(null, caps, false).syscalls().size(),
                "CAP_SYS_ADMIN may make namespaces");
    }

    @Test
    void aCapabilityUnblocksItsCalls() {
        List<String> caps = new java.util.ArrayList<>(DEFAULT_CAPS);
        caps.addAll(List.of("CAP_SYS_ADMIN", "CAP_SYS_TIME"));
        List<String> denied = denied(SeccompProfiles.forContainer(null, caps, false));
        assertFalse(denied.contains("mount"));
        assertFalse(denied.contains("clock_settime"));
        assertTrue(denied.contains("keyctl"), "the keyring is not namespaced: blocked whatever the caps");
        assertTrue(denied.contains("init_module"));
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
        assertEquals(new RuntimeSpec.SyscallArg(0, 8, null, "SCMP_CMP_EQ"), s.syscalls().get(1).args().getFirst());
    }

    @Test
    void aBrokenProfileIsAClearError() {
        assertThrows(InvalidArgumentException.class, () -> SeccompProfiles.forContainer("{not json", DEFAULT_CAPS, false));
        assertThrows(InvalidArgumentException.class, () -> SeccompProfiles.forContainer("{\"syscalls\": []}", DEFAULT_CAPS, false));
        assertThrows(InvalidArgumentException.class, () -> SeccompProfiles.forContainer(
                "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"action\": \"SCMP_ACT_ERRNO\"}]}", DEFAULT_CAPS, false));
    }
}
