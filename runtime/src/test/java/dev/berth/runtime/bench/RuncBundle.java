package dev.berth.runtime.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A minimal OCI bundle (busybox-static root, `runc spec` defaults running `true`) for the bare-runc yardstick. */
final class RuncBundle {
    private RuncBundle() {}

    static Path create(Path dir) throws Exception {
        Path rootfs = dir.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
        Files.createSymbolicLink(rootfs.resolve("bin/true"), Path.of("busybox"));
        Files.createSymbolicLink(rootfs.resolve("bin/sh"), Path.of("busybox"));
        run(dir, List.of("runc", "spec"));
        Path config = dir.resolve("config.json");
        // Not a terminal, and the command `true`; everything else stays runc's default.
        String json = Files.readString(config).replace("\"terminal\": true", "\"terminal\": false").replace("\"sh\"",
                "\"true\"");
        Files.writeString(config, json);
        return dir;
    }

    /** Wall time of one `runc run` to completion. */
    static long runOnce(Path bundle, String id) throws Exception {
        long start = System.nanoTime();
        run(bundle, List.of("runc", "--root", bundle.resolve("state").toString(), "run", "--bundle", bundle.toString(),
                id));
        return System.nanoTime() - start;
    }

    private static void run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
