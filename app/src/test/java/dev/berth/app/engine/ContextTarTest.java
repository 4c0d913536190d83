package dev.berth.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTarTest {
    @TempDir
    Path dir;

    @Test
    void dockerignoreLeavesFilesOutButNeverTheDockerfile() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n");
        Files.writeString(dir.resolve(".dockerignore"), "*.log\nbuild\n!build/keep.txt\nDockerfile\n.dockerignore\n");
        Files.writeString(dir.resolve("app.log"), "x");
        Files.writeString(dir.resolve("main.c"), "int main;");
        Files.createDirectories(dir.resolve("build/out"));
        Files.writeString(dir.resolve("build/out/a.o"), "o");
        Files.writeString(dir.resolve("build/keep.txt"), "kept");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("main.c"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContextTar.write(dir, "Dockerfile", out);
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                names.add(e.getName() + (e.isSymbolicLink() ? " -> " + e.getLinkName() : "") + " " + e.getLongUserId());
            }
        }
        assertEquals(List.of(".dockerignore 0", "Dockerfile 0", "build/keep.txt 0", "link -> main.c 0", "main.c 0"),
                names);
    }
}
