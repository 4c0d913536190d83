package dev.berth.runtime.container.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seccomp filter of a container. By default Berth blocks (EPERM) the syscalls Docker's documentation lists as
 * blocked by its default profile — kernel keyrings, modules, clocks, reboot/kexec, mount and namespace calls,
 * bpf/perf, NUMA policy, raw I/O, obsolete calls, io_uring — unless the container holds the capability that
 * makes the call legitimate, as Docker does. Docker's own profile is an allow-list; this one is a deny-list of the
 * same significant calls (simpler to keep right across kernels; the capability set does the rest). Like Docker's,
 * it refuses clone() with namespace flags without CAP_SYS_ADMIN (one rule per flag: seccomp compares masked
 * arguments only for equality) and answers clone3() with ENOSYS, since its flags sit in memory a filter cannot read
 * and libc then falls back to clone().
 * {@code --security-opt seccomp=unconfined} and {@code --privileged} (even with a profile, as dockerd) turn filtering off; {@code seccomp=<profile>}
 * (the docker CLI sends the file's JSON) uses a Docker-format profile, converted to the OCI form here.
 */
public final class SeccompProfiles {
    /** Blocked syscall → the capability that unblocks it (null: always blocked). */
    private static final Map<String, String> BLOCKED = blocked();
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;
    /** CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET. */
    private static final long[] CLONE_NAMESPACE_FLAGS = {0x00020000L, 0x02000000L, 0x04000000L, 0x08000000L,
            0x10000000L, 0x20000000L, 0x40000000L};

    private SeccompProfiles() {}

    /**
     * The filter for a container: {@code option} is the value of {@code seccomp=} from SecurityOpt (null for none),
     * {@code caps} the container's capabilities. Null means no filter.
     */
    public static RuntimeSpec.Seccomp forContainer(String option, Collection<String> caps, boolean privileged) {
        if (privileged || (option != null && option.strip().equals("unconfined"))) {
            return null; // as dockerd: a privileged container gets no filter, even with a profile given
        }
        if (option != null && !option.isBlank() && !option.strip().equals("builtin")) {
            return fromDockerProfile(option, caps);
        }
        List<String> denied = new ArrayList<>();
        BLOCKED.forEach((call, cap) -> {
            if (cap == null || !caps.contains(cap)) {
                denied.add(call);
            }
        });
        List<RuntimeSpec.SyscallRule> rules = new ArrayList<>();
        rules.add(new RuntimeSpec.SyscallRule(List.copyOf(denied), "SCMP_ACT_ERRNO", EPERM, null));
        if (!caps.contains("CAP_SYS_ADMIN")) {
            rules.addAll(namespaceCloneRules());
        }
        return new RuntimeSpec.Seccomp("SCMP_ACT_ALLOW", null, nativeArchitectures(), List.copyOf(rules));
    }

    /** clone() with any CLONE_NEW* flag → EPERM; clone3() → ENOSYS (see the class comment). */
    static List<RuntimeSpec.SyscallRule> namespaceCloneRules() {
        // s390 passes clone()'s flags second; every other architecture first.
        int flagsArg = goArch().startsWith("s390") ? 1 : 0;
        List<RuntimeSpec.SyscallRule> rules = new ArrayList<>();
        for (long flag : CLONE_NAMESPACE_FLAGS) {
            rules.add(new RuntimeSpec.SyscallRule(List.of("clone"), "SCMP_ACT_ERRNO", EPERM,
                    List.of(new RuntimeSpec.SyscallArg(flagsArg, flag, flag, "SCMP_CMP_MASKED_EQ"))));
        }
        rules.add(new RuntimeSpec.SyscallRule(List.of("clone3"), "SCMP_ACT_ERRNO", ENOSYS, null));
        return rules;
    }

    /** Converts a Docker seccomp profile (as `docker run --security-opt seccomp=FILE` sends it) to the OCI form. */
    static RuntimeSpec.Seccomp fromDockerProfile(String json, Collection<String> caps) {
        JsonNode p;
        try {
            p = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidArgumentException("invalid seccomp profile: " + e.getMessage());
        }
        if (p == null || !p.isObject() || !p.path("defaultAction").isTextual()) {
            throw new InvalidArgumentException("invalid seccomp profile: it needs a \"defaultAction\"");
        }
        List<RuntimeSpec.SyscallRule> rules = new ArrayList<>();
        for (JsonNode s : p.path("syscalls")) {
            if (!applies(s.path("includes"), caps, true) || !applies(s.path("excludes"), caps, false)) {
                continue;
            }
            List<String> names = new ArrayList<>();
            s.path("names").forEach(n -> names.add(n.asText()));
            if (s.path("name").isTextual()) {
                names.add(s.path("name").asText());
            }
            if (names.isEmpty() || !s.path("action").isTextual()) {
                throw new InvalidArgumentException("invalid seccomp profile: every syscall rule needs names and an action");
            }
            List<RuntimeSpec.SyscallArg> args = new ArrayList<>();
            for (JsonNode a : s.path("args")) {
                args.add(new RuntimeSpec.SyscallArg(a.path("index").asInt(), a.path("value").asLong(),
                        a.has("valueTwo") ? a.path("valueTwo").asLong() : null, a.path("op").asText()));
            }
            rules.add(new RuntimeSpec.SyscallRule(names, s.path("action").asText(),
                    s.has("errnoRet") ? s.path("errnoRet").asInt() : null, args.isEmpty() ? null : args));
        }
        return new RuntimeSpec.Seccomp(p.path("defaultAction").asText(),
                p.has("defaultErrnoRet") ? p.path("defaultErrnoRet").asInt() : null, architectures(p), rules);
    }

    /** Whether an includes (all must hold) or excludes (none may hold) block lets a rule apply here. */
    private static boolean applies(JsonNode block, Collection<String> caps, boolean include) {
        if (block.isMissingNode() || block.isNull()) {
            return true;
        }
        for (JsonNode cap : block.path("caps")) {
            if (caps.contains(cap.asText()) != include) {
                return false;
            }
        }
        List<String> arches = new ArrayList<>();
        block.path("arches").forEach(a -> arches.add(a.asText()));
        if (!arches.isEmpty() && arches.contains(goArch()) != include) {
            return false;
        }
        return true;
    }

    private static List<String> architectures(JsonNode p) {
        List<String> out = new ArrayList<>();
        p.path("architectures").forEach(a -> out.add(a.asText()));
        String native0 = nativeArchitectures().getFirst();
        for (JsonNode m : p.path("archMap")) {
            if (m.path("architecture").asText().equals(native0)) {
                out.add(native0);
                m.path("subArchitectures").forEach(a -> out.add(a.asText()));
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** This host's seccomp architecture and the ones its processes may also call in (e.g. 32-bit x86 on x86-64). */
    static List<String> nativeArchitectures() {
        return switch (goArch()) {
            case "amd64" -> List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
            case "arm64" -> List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
            case "ppc64le" -> List.of("SCMP_ARCH_PPC64LE");
            case "s390x" -> List.of("SCMP_ARCH_S390X", "SCMP_ARCH_S390");
            case "riscv64" -> List.of("SCMP_ARCH_RISCV64");
            default -> List.of("SCMP_ARCH_NATIVE");
        };
    }

    /** The architecture in Go's naming, which Docker profiles use in includes/excludes. */
    private static String goArch() {
        String a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> a;
        };
    }

    private static Map<String, String> blocked() {
        Map<String, String> m = new LinkedHashMap<>();
        // Not namespaced: the kernel keyring, obsolete and 32-bit-only calls, io_uring (escapes seccomp's view).
        for (String call : List.of("add_key", "request_key", "keyctl", "nfsservctl", "uselib", "ustat", "sysfs",
                "_sysctl", "vm86", "vm86old", "io_uring_setup", "io_uring_enter", "io_uring_register")) {
            m.put(call, null);
        }
        put(m, "CAP_SYS_ADMIN", "mount", "umount", "umount2", "pivot_root", "setns", "unshare", "quotactl",
                "swapon", "swapoff", "lookup_dcookie", "bpf", "perf_event_open", "fanotify_init");
        put(m, "CAP_SYS_MODULE", "create_module", "delete_module", "finit_module", "init_module",
                "get_kernel_syms", "query_module");
        put(m, "CAP_SYS_TIME", "clock_adjtime", "clock_settime", "settimeofday", "stime");
        put(m, "CAP_SYS_BOOT", "reboot", "kexec_load", "kexec_file_load");
        put(m, "CAP_SYS_PACCT", "acct");
        put(m, "CAP_SYS_NICE", "get_mempolicy", "set_mempolicy", "mbind", "move_pages");
        put(m, "CAP_SYS_RAWIO", "ioperm", "iopl");
        put(m, "CAP_SYS_PTRACE", "kcmp", "process_vm_readv", "process_vm_writev", "userfaultfd");
        put(m, "CAP_DAC_READ_SEARCH", "open_by_handle_at", "name_to_handle_at");
        put(m, "CAP_SYSLOG", "syslog");
        put(m, "CAP_SYS_TTY_CONFIG", "vhangup");
        return m;
    }

    private static void put(Map<String, String> m, String cap, String... calls) {
        for (String c : calls) {
            m.put(c, cap);
        }
    }
}
