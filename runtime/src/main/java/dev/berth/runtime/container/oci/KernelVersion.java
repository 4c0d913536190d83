package dev.berth.runtime.container.oci;

import java.util.Locale;

/** A Linux kernel's version as seccomp profiles compare it ({@code minKernel}): major and minor, the rest ignored. */
record KernelVersion(int major, int minor) {
    /** Parses "6.1", "6.1.0-28-amd64", "5.15.0-rc1"; anything unreadable is an error in the profile. */
    static KernelVersion parse(String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split("[.\\-+]");
        try {
            return new KernelVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
        } catch (NumberFormatException e) {
            throw new dev.berth.runtime.errors.InvalidArgumentException(
                    "invalid kernel version in seccomp profile: " + text);
        }
    }

    /** The kernel this engine runs on. */
    static KernelVersion running() {
        return parse(System.getProperty("os.version", "0.0"));
    }

    boolean atLeast(KernelVersion other) {
        return major != other.major ? major > other.major : minor >= other.minor;
    }
}
