package dev.berth.runtime.container.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The seccomp filter of a container. By default it is Docker's own allow-list (the data file
 * {@code seccomp-default.json} beside this class, Docker's published default profile, Apache-2.0): every system call
 * it does not name answers EPERM, including the ones future kernels add (runc answers ENOSYS for calls newer than
 * any the profile names, so libc falls back). Calls that make namespaces, load modules, set clocks and the like are
 * allowed only to containers holding the matching capability, and some only with certain arguments (clone without
 * namespace flags, personality, socket families). {@code --security-opt seccomp=unconfined} and
 * {@code --privileged} (even with a profile, as dockerd) turn filtering off; {@code seccomp=<profile>} (the docker
 * CLI sends the file's JSON) uses a Docker-format profile the same way.
 */
public final class SeccompProfiles {
    private static final String DEFAULT_RESOURCE = "seccomp-default.json";
    private static final JsonNode DEFAULT_PROFILE = readDefault();

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
        return convert(DEFAULT_PROFILE, caps, goArch(), KernelVersion.running());
    }

    /** The default profile's text, as Docker publishes it (what {@code docker info}'s "builtin" stands for). */
    public static String defaultProfileJson() {
        try (InputStream in = SeccompProfiles.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the default seccomp profile is missing from the build", e);
        }
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
        return convert(p, caps, goArch(), KernelVersion.running());
    }

    /**
     * A Docker profile for one container, as dockerd converts it: a rule applies when the container holds every
     * capability its {@code includes} names, none its {@code excludes} names, the architecture is (not) listed, and
     * the kernel is at least {@code includes.minKernel}.
     */
    static RuntimeSpec.Seccomp convert(JsonNode p, Collection<String> caps, String arch, KernelVersion kernel) {
        List<RuntimeSpec.SyscallRule> rules = new ArrayList<>();
        for (JsonNode s : p.path("syscalls")) {
            if (!included(s.path("includes"), caps, arch, kernel) || excluded(s.path("excludes"), caps, arch)) {
                continue;
            }
            List<String> names = new ArrayList<>();
            s.path("names").forEach(n -> names.add(n.asText()));
            if (s.path("name").isTextual()) {
                names.add(s.path("name").asText());
            }
            if (names.isEmpty() || !s.path("action").isTextual()) {
                throw new InvalidArgumentException(
                        "invalid seccomp profile: every syscall rule needs names and an action");
            }
            List<RuntimeSpec.SyscallArg> args = new ArrayList<>();
            for (JsonNode a : s.path("args")) {
                // An omitted valueTwo is 0, as in Go: {"value": MASK, "op": "SCMP_CMP_MASKED_EQ"} means (arg & MASK) == 0.
                args.add(new RuntimeSpec.SyscallArg(a.path("index").asInt(), a.path("value").asLong(),
                        a.path("valueTwo").asLong(0), a.path("op").asText()));
            }
            rules.add(new RuntimeSpec.SyscallRule(names, s.path("action").asText(),
                    s.has("errnoRet") ? s.path("errnoRet").asInt() : null, args.isEmpty() ? null : args));
        }
        return new RuntimeSpec.Seccomp(p.path("defaultAction").asText(),
                p.has("defaultErrnoRet") ? p.path("defaultErrnoRet").asInt() : null, architectures(p, arch), rules);
    }

    private static boolean included(JsonNode block, Collection<String> caps, String arch, KernelVersion kernel) {
        for (JsonNode cap : block.path("caps")) {
            if (!caps.contains(cap.asText())) {
                return false;
            }
        }
        if (!block.path("arches").isEmpty() && !contains(block.path("arches"), arch)) {
            return false;
        }
        String minKernel = block.path("minKernel").asText("");
        return minKernel.isEmpty() || kernel.atLeast(KernelVersion.parse(minKernel));
    }

    private static boolean excluded(JsonNode block, Collection<String> caps, String arch) {
        for (JsonNode cap : block.path("caps")) {
            if (caps.contains(cap.asText())) {
                return true;
            }
        }
        return contains(block.path("arches"), arch);
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode v : list) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> architectures(JsonNode p, String arch) {
        List<String> out = new ArrayList<>();
        p.path("architectures").forEach(a -> out.add(a.asText()));
        String native0 = nativeArchitectures(arch).getFirst();
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
        return nativeArchitectures(goArch());
    }

    private static List<String> nativeArchitectures(String arch) {
        return switch (arch) {
            case "amd64" -> List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
            case "arm64" -> List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
            case "ppc64le" -> List.of("SCMP_ARCH_PPC64LE");
            case "s390x" -> List.of("SCMP_ARCH_S390X", "SCMP_ARCH_S390");
            case "riscv64" -> List.of("SCMP_ARCH_RISCV64");
            default -> List.of("SCMP_ARCH_NATIVE");
        };
    }

    /** The architecture in Go's naming, which Docker profiles use in includes/excludes. */
    static String goArch() {
        String a = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> a;
        };
    }

    private static JsonNode readDefault() {
        try {
            return Json.MAPPER.readTree(defaultProfileJson());
        } catch (IOException e) {
            throw new UncheckedIOException("the default seccomp profile does not parse", e);
        }
    }
}
