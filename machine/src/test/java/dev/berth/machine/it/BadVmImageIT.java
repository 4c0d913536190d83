package dev.berth.machine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VM image that is missing, damaged on disk, or intact by its checksums but not a system image at all: each start
 * fails with the reason in words (the last one from the guest's own console), and nothing is left running.
 */
class BadVmImageIT {
    @TempDir
    Path dir;

    @BeforeAll
    static void image() {
        BerthVm.buildAssets();
    }

    private static Path built() {
        return BerthVm.checkout().resolve("vm-assets/out/x86_64");
    }

    /** A copy of the built image in {@code to}: the kernel and initramfs linked, the rest copied. */
    private static Path copy(Path to) throws IOException {
        Files.createDirectories(to);
        for (String f : new String[]{"vmlinux", "initramfs.img"}) {
            Files.createSymbolicLink(to.resolve(f), built().resolve(f));
        }
        Files.copy(built().resolve("rootfs.img"), to.resolve("rootfs.img"));
        Files.copy(built().resolve("manifest.json"), to.resolve("manifest.json"));
        return to;
    }

    @Test
    void aMissingImageIsNamedWithHowToBuildIt() throws IOException {
        BerthVm vm = new BerthVm(dir, "missing").with("BERTH_VM_ASSETS", dir.resolve("no-such-image").toString());
        Run start = vm.start();
        assertEquals(1, start.status(), start.toString());
        assertTrue(
                start.stderr().contains("The Berth VM image is missing") && start.stderr().contains("vm-assets/build"),
                start.toString());
        assertTrue(vm.state().contains("\"failed\""), vm.state());
    }

    @Test
    void aDamagedSystemImageIsCaughtByItsChecksum() throws IOException {
        Path image = copy(dir.resolve("image"));
        try (var f = new java.io.RandomAccessFile(image.resolve("rootfs.img").toFile(), "rw")) {
            f.seek(4096);
            f.write(new byte[]{1, 2, 3, 4});
        }
        BerthVm vm = new BerthVm(dir, "damaged").with("BERTH_VM_ASSETS", image.toString());
        Run start = vm.start();
        assertEquals(1, start.status(), start.toString());
        assertTrue(start.stderr().contains("is damaged") && start.stderr().contains("rootfs.img"), start.toString());
    }

    @Test
    void aSystemImageThatIsNoFileSystemFailsInTheGuestWithItsReason() throws Exception {
        Path image = copy(dir.resolve("image"));
        // Same size, all zeros, and a manifest that vouches for it: only the guest can tell it is no system.
        long size = Files.size(image.resolve("rootfs.img"));
        Files.delete(image.resolve("rootfs.img"));
        try (var f = new java.io.RandomAccessFile(image.resolve("rootfs.img").toFile(), "rw")) {
            f.setLength(size);
        }
        String manifest = Files.readString(image.resolve("manifest.json"));
        String good = manifest.replaceAll("(?s).*\"rootfs.img\": \"([0-9a-f]{64})\".*", "$1");
        Files.writeString(image.resolve("manifest.json"), manifest.replace(good, sha256(image.resolve("rootfs.img"))));
        BerthVm vm = new BerthVm(dir, "zeros").with("BERTH_VM_ASSETS", image.toString()).with("BERTH_VM_ACCEL", "tcg");
        Run start = vm.machine(Duration.ofMinutes(3), "start");
        assertEquals(1, start.status(), start.toString());
        assertTrue(start.stderr().contains("cannot be mounted") && start.stderr().contains("damaged"),
                start.toString());
        assertTrue(vm.console().contains("berth-init: error"), vm.console());
        Run status = vm.machine(Duration.ofMinutes(1), "status");
        assertTrue(status.stdout().contains("failed"), status.toString());
        assertTrue(!Files.exists(vm.machineDir().resolve("qemu.pid"))
                || ProcessHandle.of(Long.parseLong(Files.readString(vm.machineDir().resolve("qemu.pid")).strip()))
                        .map(p -> !p.isAlive()).orElse(true),
                "no VM is left running");
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
