package dev.berth.runtime.api.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Facts about the host berthd runs on, read from {@code /proc}, {@code /sys} and {@code /etc/os-release}
 * the way dockerd reads them for {@code /info} and {@code /version}.
 */
public record HostInfo(String kernelVersion, String operatingSystem, String osVersion, String architecture,
        String goArch, int ncpu, long memTotal, String hostname, String cgroupVersion,
        boolean ipv4Forwarding) {

    /** Reads the current facts from {@code root} ("/" in production). */
    public static HostInfo probe(Path root) {
        Map<String, String> osRelease = osRelease(root);
        String unameMachine = unameMachine(System.getProperty("os.arch", "unknown"));
        return new HostInfo(
                read(root.resolve("proc/sys/kernel/osrelease"), "unknown"),
                osRelease.getOrDefault("PRETTY_NAME", osRelease.getOrDefault("NAME", "Linux")),
                osRelease.getOrDefault("VERSION_ID", ""),
                unameMachine,
                goArch(unameMachine),
                Runtime.getRuntime().availableProcessors(),
                memTotal(root),
                read(root.resolve("proc/sys/kernel/hostname"), "localhost"),
                Files.exists(root.resolve("sys/fs/cgroup/cgroup.controllers")) ? "2" : "1",
                "1".equals(read(root.resolve("proc/sys/net/ipv4/ip_forward"), "0")));
    }

    /** Java's os.arch in {@code uname -m} form (Info.Architecture). */
    static String unameMachine(String javaArch) {
        return switch (javaArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> javaArch;
        };
    }

    /** {@code uname -m} in Go's GOARCH form (Version.Arch). */
    static String goArch(String machine) {
        return switch (machine) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "i686", "i386" -> "386";
            default -> machine;
        };
    }

    static Map<String, String> osRelease(Path root) {
        Map<String, String> out = new HashMap<>();
        for (Path p : List.of(root.resolve("etc/os-release"), root.resolve("usr/lib/os-release"))) {
            try {
                for (String line : Files.readAllLines(p)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        out.putIfAbsent(line.substring(0, eq).trim(), unquote(line.substring(eq + 1).trim()));
                    }
                }
                return out;
            } catch (IOException e) {
                // Try the next location, as os-release(5) says.
            }
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static long memTotal(Path root) {
        try {
            for (String line : Files.readAllLines(root.resolve("proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    String[] parts = line.substring(9).trim().split("\\s+");
                    long kb = Long.parseLong(parts[0]);
                    return parts.length > 1 && parts[1].toLowerCase(Locale.ROOT).equals("kb") ? kb * 1024 : kb;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Fall through: an unknown size is reported as 0, as dockerd does.
        }
        return 0;
    }

    private static String read(Path p, String dflt) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return dflt;
        }
    }
}
