package dev.berth.runtime.build.steps;

import dev.berth.runtime.image.oci.Platform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The build's ARG values: what the client passed ({@code --build-arg}), the proxy variables Docker lets through
 * undeclared, and BuildKit's automatic platform ARGs ({@code TARGETARCH}, {@code BUILDPLATFORM}, …), which Dockerfiles
 * written for BuildKit use in FROM lines. Tracks which passed values an ARG consumed, for dockerd's warning about
 * the rest.
 */
public final class BuildArgs {
    /** moby's builtin args: usable in RUN without an ARG and never reported as unused. */
    static final Set<String> PROXIES = Set.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY",
            "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");

    private final Map<String, String> given;
    private final Map<String, String> automatic;
    private final Set<String> referenced = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public BuildArgs(Map<String, String> given, Platform target) {
        this.given = new LinkedHashMap<>(given);
        Platform build = Platform.host();
        Map<String, String> auto = new LinkedHashMap<>();
        put(auto, "TARGET", target);
        put(auto, "BUILD", build);
        this.automatic = Map.copyOf(auto);
    }

    private static void put(Map<String, String> out, String prefix, Platform p) {
        out.put(prefix + "PLATFORM", p.display());
        out.put(prefix + "OS", p.os());
        out.put(prefix + "ARCH", p.architecture());
        out.put(prefix + "VARIANT", p.variant() == null ? "" : p.variant());
    }

    /** The value an {@code ARG name[=dflt]} takes: the client's, else the default, else the automatic one. */
    String resolve(String name, String dflt) {
        referenced.add(name);
        String v = given.get(name);
        if (v != null) {
            return v;
        }
        return dflt != null ? dflt : automatic.get(name);
    }

    /** Whether the client passed a value for {@code name}. */
    boolean given(String name) {
        return given.get(name) != null;
    }

    /** The automatic ARGs, visible to FROM lines without a declaration. */
    Map<String, String> automatic() {
        return automatic;
    }

    /** The proxy values the client passed; RUN sees them without an ARG (and they stay out of the cache key). */
    Map<String, String> proxies() {
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (PROXIES.contains(k) && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Passed values no ARG took, sorted (dockerd's "were not consumed" warning). */
    public List<String> unused() {
        Set<String> out = new TreeSet<>();
        for (String k : given.keySet()) {
            if (!referenced.contains(k) && !PROXIES.contains(k)) {
                out.add(k);
            }
        }
        return List.copyOf(out);
    }
}
