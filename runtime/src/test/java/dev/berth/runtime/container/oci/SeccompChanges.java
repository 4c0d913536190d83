package dev.berth.runtime.container.oci;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/** The system calls whose rules Docker changed since 20.10 (seccomp/changes-since-docker-20.10.txt), by name. */
public final class SeccompChanges {
    private SeccompChanges() {}

    public static Set<String> names() {
        try (InputStream in = SeccompChanges.class.getResourceAsStream("/seccomp/changes-since-docker-20.10.txt")) {
            Set<String> names = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip().split("\\s+")[0]);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
