package dev.berth.machine.provider;

import java.nio.file.Path;
import java.util.Locale;

/** Picks the hypervisor for a machine: the one it names, or for {@code auto} WSL2 on Windows, vfkit on macOS when installed, else QEMU. */
public final class Providers {
    private Providers() {}

    public static VmProvider choose(String name, String osName, Path qemuDir) {
        String os = osName.toLowerCase(Locale.ROOT);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "qemu" -> new QemuProvider(qemuDir);
            case "vfkit" -> new VfkitProvider();
            case "wsl2", "wsl" -> new WslProvider();
            case "auto" -> {
                if (os.contains("win")) {
                    yield new WslProvider();
                }
                if (os.contains("mac") && new VfkitProvider().availability().available()) {
                    yield new VfkitProvider();
                }
                yield new QemuProvider(qemuDir);
            }
            default ->
                throw new IllegalArgumentException("unknown VM provider " + name + " (qemu, vfkit, wsl2 or auto)");
        };
    }
}
