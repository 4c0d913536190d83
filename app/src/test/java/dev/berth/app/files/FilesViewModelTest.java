package dev.berth.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.app.engine.FileEntry;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.testing.FakeEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesViewModelTest {
    private final FakeEngine engine = new FakeEngine();
    private FilesViewModel vm;

    @BeforeEach
    void setUp() {
        I18n.setLocale(Locale.ENGLISH);
        engine.inside.dir("/etc").file("/etc/hostname", "abc123\n").file("/etc/passwd", "root:x:0:0\n")
                .dir("/etc/ssl").file("/etc/ssl/cert.pem", "---").dir("/usr").dir("/usr/lib");
        engine.inside.symlinks.put("/lib", "usr/lib");
        vm = new FilesViewModel(() -> engine, Async.sameThread(), FileSource.container("c1", "web"));
        vm.refresh();
    }

    private FileEntry entry(String name) {
        return vm.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsOneLevelDirectoriesFirst() {
        assertEquals("/", vm.pathProperty().get());
        assertEquals("etc", vm.entries().getFirst().name());
        assertEquals(FileEntry.Type.SYMLINK, entry("lib").type());
        assertEquals("usr/lib", entry("lib").linkTarget());
        vm.open(entry("etc"));
        assertEquals("/etc", vm.pathProperty().get());
        assertEquals(3, vm.entries().size(), "ssl, hostname, passwd; not ssl/cert.pem");
        assertEquals(7, entry("hostname").size());
    }

    @Test
    void aSymlinkToADirectoryOpensItsTarget() {
        vm.open(entry("lib"));
        assertEquals("/usr/lib", vm.pathProperty().get());
    }

    @Test
    void upStopsAtTheRootAndAMissingPathIsAnError() {
        vm.go("/etc/ssl");
        vm.up();
        assertEquals("/etc", vm.pathProperty().get());
        vm.up();
        vm.up();
        assertEquals("/", vm.pathProperty().get());
        vm.go("/nope");
        assertEquals("/", vm.pathProperty().get(), "the path stays where the listing worked");
        assertTrue(vm.errorProperty().get().startsWith("Could not find the file /nope"), vm.errorProperty().get());
    }

    @Test
    void downloadsAFileAndAFolder(@TempDir Path dir) throws Exception {
        vm.go("/etc");
        vm.download(entry("hostname"), dir);
        assertEquals("abc123\n", Files.readString(dir.resolve("hostname")));
        vm.download(entry("ssl"), dir);
        assertEquals("---", Files.readString(dir.resolve("ssl/cert.pem")));
        assertTrue(vm.noticeProperty().get().startsWith("Downloaded /etc/ssl"));
    }

    @Test
    void uploadsIntoTheCurrentFolder(@TempDir Path dir) throws Exception {
        Path local = dir.resolve("notes.txt");
        Files.writeString(local, "hello 안녕");
        vm.go("/etc");
        vm.upload(local);
        assertEquals("hello 안녕",
                new String(engine.inside.files.get("/etc/notes.txt"), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(vm.entries().stream().anyMatch(e -> e.name().equals("notes.txt")), "listing refreshed");
    }

    @Test
    void aVolumeIsBrowsedThroughAHelperThatIsRemovedAfter() {
        engine.images.add(new dev.berth.app.engine.ImageSummary("sha256:1", java.util.List.of("nginx:1"),
                java.time.Instant.EPOCH, 50));
        engine.images.add(new dev.berth.app.engine.ImageSummary("sha256:2", java.util.List.of("busybox:latest"),
                java.time.Instant.EPOCH, 900));
        engine.containers.add(FakeEngine.container("helper-data", "helper", "running", null));
        VolumeFiles source = VolumeFiles.open(engine, "data");
        assertEquals("helper-data", source.containerId());
        assertTrue(engine.inside.calls.contains("startVolumeHelper data busybox:latest /volume"));
        engine.inside.dir("/volume").file("/volume/db.sqlite", "x");
        var volumeVm = new FilesViewModel(() -> engine, Async.sameThread(), source);
        volumeVm.up();
        volumeVm.refresh();
        assertEquals("/volume", volumeVm.pathProperty().get(), "never above the mount point");
        assertEquals("db.sqlite", volumeVm.entries().getFirst().name());
        volumeVm.close();
        assertTrue(engine.calls.contains("removeContainer helper-data force"), engine.calls.toString());
    }
}
