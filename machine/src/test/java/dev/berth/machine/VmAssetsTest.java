package dev.berth.machine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VM image is checked against its manifest before a boot: missing and damaged files are named. */
class VmAssetsTest {
    @TempDir
    Path dir;

    private VmAssets image() throws IOException {
        StringBuilder files = new StringBuilder();
        for (String name : new String[]{"vmlinux", "initramfs.img", "rootfs.img", "berth-wsl.tar.gz"}) {
            Files.writeString(dir.resolve(name), "contents of " + name);
            files.append(files.isEmpty() ? "" : ",").append('"').append(name).append("\": \"")
                    .append(VmAssets.sha256(dir.resolve(name))).append('"');
        }
        Files.writeString(dir.resolve("manifest.json"),
                "{\"arch\": \"x86_64\", \"version\": \"abc123\", \"files\": {" + files + "}}");
        return new VmAssets(dir, "x86_64");
    }

    @Test
    void aCompleteImagePasses() throws IOException {
        VmAssets assets = image();
        assertDoesNotThrow(() -> assets.verify(false));
        assertDoesNotThrow(() -> assets.verify(true));
        assertEquals("abc123", assets.version());
    }

    @Test
    void aMissingImageSaysHowToGetOne() {
        MachineException e = assertThrows(MachineException.class,
                () -> new VmAssets(dir.resolve("none"), "x86_64").verify(false));
        assertTrue(
                e.getMessage().contains("The Berth VM image is missing") && e.getMessage().contains("vm-assets/build"),
                e.getMessage());
    }

    @Test
    void aDamagedOrMissingFileIsNamed() throws IOException {
        VmAssets assets = image();
        Files.writeString(dir.resolve("rootfs.img"), "flipped");
        MachineException damaged = assertThrows(MachineException.class, () -> assets.verify(false));
        assertTrue(damaged.getMessage().contains("is damaged") && damaged.getMessage().contains("rootfs.img"),
                damaged.getMessage());
        Files.delete(dir.resolve("vmlinux"));
        MachineException missing = assertThrows(MachineException.class, () -> assets.verify(false));
        assertTrue(missing.getMessage().contains("vmlinux is missing"), missing.getMessage());
    }

    @Test
    void theImageIsFoundBesideTheInstallationOrWhereTheEnvironmentSays() {
        assertEquals(Path.of("/opt/vm"), VmAssets.locate(Map.of("BERTH_VM_ASSETS", "/opt/vm"), "/ignored").dir());
        assertEquals(Path.of("/opt/berth/vm-assets/out").resolve(VmAssets.hostArch()),
                VmAssets.locate(Map.of(), "/opt/berth").dir());
    }
}
