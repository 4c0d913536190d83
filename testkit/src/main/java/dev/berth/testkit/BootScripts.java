package dev.berth.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scripts that boot a real systemd in private namespaces for a test: a module's own script, written out next to
 * testkit's {@code quiet-boot.sh}, which it sources for what every such boot shares (the quiet target, masked units,
 * cgroups of its own).
 */
public final class BootScripts {
    private BootScripts() {}

    /** Writes {@code owner}'s resource {@code name} and {@code quiet-boot.sh} into {@code dir}; returns the first. */
    public static Path write(Class<?> owner, String name, Path dir) throws IOException {
        copy(owner.getResourceAsStream(name), dir.resolve(name));
        copy(BootScripts.class.getResourceAsStream("quiet-boot.sh"), dir.resolve("quiet-boot.sh"));
        return dir.resolve(name);
    }

    private static void copy(InputStream resource, Path file) throws IOException {
        if (resource == null) {
            throw new IOException("no such script on the class path: " + file.getFileName());
        }
        try (InputStream in = resource) {
            Files.copy(in, file);
        }
    }
}
