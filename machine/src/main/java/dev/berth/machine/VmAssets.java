package dev.berth.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The VM image {@code vm-assets/build} makes: the kernel (uncompressed, for a direct boot), the initramfs, the
 * read-only root (squashfs) and the WSL2 root tarball, with a {@code manifest.json} of their SHA-256s. Checked
 * before each boot, so a missing or damaged image is a clear error rather than a VM that hangs.
 *
 * @param dir  the directory holding the files and the manifest
 * @param arch {@code x86_64} or {@code aarch64}
 */
public record VmAssets(Path dir, String arch) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The assets to use: {@code $BERTH_VM_ASSETS} when set, else {@code <berth home>/vm-assets/out/<arch>} of a checkout
     * or an installation ({@code -Dberth.home}); the architecture is the host's unless {@code $BERTH_VM_ARCH} says.
     */
    public static VmAssets locate(Map<String, String> env, String berthHome) {
        // BERTH_VM_ARCH=aarch64 on an x86_64 host boots the arm64 image under emulation (to try it without a Mac).
        String arch = env.getOrDefault("BERTH_VM_ARCH", "").isBlank() ? hostArch() : env.get("BERTH_VM_ARCH").strip();
        String explicit = env.getOrDefault("BERTH_VM_ASSETS", "");
        if (!explicit.isBlank()) {
            return new VmAssets(Path.of(explicit), arch);
        }
        Path home = berthHome == null || berthHome.isBlank() ? Path.of(".") : Path.of(berthHome);
        return new VmAssets(home.resolve("vm-assets").resolve("out").resolve(arch).toAbsolutePath(), arch);
    }

    /** The host's architecture in the kernel's names. */
    public static String hostArch() {
        String a = System.getProperty("os.arch");
        return a.equals("aarch64") || a.equals("arm64") ? "aarch64" : "x86_64";
    }

    public Path kernel() {
        return dir.resolve(arch.equals("aarch64") ? "Image" : "vmlinux");
    }

    public Path initrd() {
        return dir.resolve("initramfs.img");
    }

    public Path rootfs() {
        return dir.resolve("rootfs.img");
    }

    public Path wslTarball() {
        return dir.resolve("berth-wsl.tar.gz");
    }

    public Path manifest() {
        return dir.resolve("manifest.json");
    }

    /**
     * Checks that every file the manifest names is there with its SHA-256 ({@code wsl} also checks the tarball);
     * throws a {@link MachineException} that says which file is missing or damaged and how to rebuild the image.
     */
    public void verify(boolean wsl) {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(Files.readAllBytes(manifest()));
        } catch (NoSuchFileException e) {
            throw new MachineException("The Berth VM image is missing: there is no " + manifest()
                    + ". Build it with vm-assets/build (or reinstall Berth).");
        } catch (IOException e) {
            throw new MachineException(
                    "The Berth VM image's manifest " + manifest() + " cannot be read: " + e.getMessage());
        }
        Map<String, String> files = new LinkedHashMap<>();
        manifest.path("files").properties().forEach(e -> files.put(e.getKey(), e.getValue().asText()));
        for (Path needed : wsl ? java.util.List.of(wslTarball()) : java.util.List.of(kernel(), initrd(), rootfs())) {
            String name = needed.getFileName().toString();
            String want = files.get(name);
            if (want == null) {
                throw new MachineException(
                        "The Berth VM image's manifest does not list " + name + "; rebuild it with vm-assets/build.");
            }
            if (!Files.isRegularFile(needed)) {
                throw new MachineException("The Berth VM image is incomplete: " + needed
                        + " is missing. Rebuild it with vm-assets/build.");
            }
            String have = sha256(needed);
            if (!have.equals(want)) {
                throw new MachineException("The Berth VM image is damaged: " + needed + " does not match its checksum "
                        + "(sha256 " + have.substring(0, 12) + "…, expected "
                        + want.substring(0, Math.min(12, want.length()))
                        + "…). Rebuild it with vm-assets/build.");
            }
        }
    }

    /** The image's version (the manifest's {@code version}), or empty. */
    public String version() {
        try {
            return JSON.readTree(Files.readAllBytes(manifest())).path("version").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new MachineException("cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
