package dev.berth.runtime.container.oci;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a program on the PATH the way a shell would. */
public final class Executables {
    private Executables() {}

    /** The first executable called {@code name} on PATH, else {@code /usr/bin/<name>} (whose absence the probe reports). */
    public static Path find(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return Path.of("/usr/bin", name);
    }
}
