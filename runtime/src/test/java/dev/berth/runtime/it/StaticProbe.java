package dev.berth.runtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A C probe from this package's resources, compiled static with the host's gcc so any container image can run it. */
final class StaticProbe {
    private StaticProbe() {}

    /** Compiles {@code name}.c into {@code dir}/bin/{@code name}; returns the binary. */
    static Path compile(String name, Path dir) throws Exception {
        Path source = dir.resolve(name + ".c");
        try (InputStream in = StaticProbe.class.getResourceAsStream(name + ".c")) {
            Files.copy(in, source);
        }
        Path binary = Files.createDirectories(dir.resolve("bin")).resolve(name);
        Process gcc = new ProcessBuilder("gcc", "-static", "-O2", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String out = new String(gcc.getInputStream().readAllBytes());
        assertEquals(0, gcc.waitFor(), "gcc (scripts/install-deps --test installs gcc and libc6-dev): " + out);
        return binary;
    }
}
