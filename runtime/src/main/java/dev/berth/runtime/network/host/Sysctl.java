package dev.berth.runtime.network.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kernel parameters under {@code /proc/sys}. */
public final class Sysctl {
    private final Path root;

    public Sysctl(Path root) {
        this.root = root;
    }

    public static Sysctl host() {
        return new Sysctl(Path.of("/proc/sys"));
    }

    /** Writes {@code value} to a key like {@code net/ipv4/ip_forward} unless it already holds it. */
    public void set(String key, String value) {
        Path p = root.resolve(key);
        try {
            if (Files.exists(p) && Files.readString(p).trim().equals(value)) {
                return;
            }
            Files.writeString(p, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set " + key + "=" + value, e);
        }
    }
}
