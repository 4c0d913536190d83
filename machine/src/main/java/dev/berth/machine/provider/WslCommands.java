package dev.berth.machine.provider;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WSL2 on Windows: the Berth root is imported as a distribution ({@code wsl --import}), berthd started in it as root,
 * stopped with {@code --terminate}, removed with {@code --unregister}. {@code wsl -l -v} prints UTF-16LE (whatever the
 * console's code page), which {@link #parseList} reads. Windows paths of bind mounts are rewritten to the {@code
 * /mnt/<drive>} paths WSL mounts them at ({@link #toLinuxPath}).
 */
public final class WslCommands {
    private WslCommands() {}

    public static List<String> importDistro(String distro, String installDir, String tarball) {
        return List.of("wsl.exe", "--import", distro, installDir, tarball, "--version", "2");
    }

    /** Runs Berth's init as root in the distribution; the command keeps running while berthd does. */
    public static List<String> start(String distro) {
        return List.of("wsl.exe", "-d", distro, "-u", "root", "--", "/sbin/berth-init", "wsl");
    }

    /** Writes the VM token (given on stdin) where the guest's bridge reads it. */
    public static List<String> writeToken(String distro) {
        return List.of("wsl.exe", "-d", distro, "-u", "root", "--", "sh", "-c",
                "mkdir -p /run/berth && umask 077 && cat > /run/berth/vm-token");
    }

    public static List<String> terminate(String distro) {
        return List.of("wsl.exe", "--terminate", distro);
    }

    public static List<String> unregister(String distro) {
        return List.of("wsl.exe", "--unregister", distro);
    }

    public static List<String> list() {
        return List.of("wsl.exe", "-l", "-v");
    }

    /**
     * The distributions {@code wsl -l -v} lists and their states ({@code Running}, {@code Stopped}), from its raw
     * output: UTF-16LE, with a header line, a {@code *} before the default one.
     */
    public static Map<String, String> parseList(byte[] raw) {
        // UTF-16LE shows as a byte-order mark (FF FE) or as zero high bytes after ASCII letters.
        boolean bom = raw.length > 1 && (raw[0] & 0xff) == 0xFF && (raw[1] & 0xff) == 0xFE;
        boolean utf16 = bom || raw.length > 1 && raw[1] == 0;
        String text = new String(raw, utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8).replace("\uFEFF", "");
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).replace("*", " ").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length >= 2) {
                out.put(f[0], f[1]);
            }
        }
        return out;
    }

    /** {@code C:\Users\me\src} → {@code /mnt/c/Users/me/src}; a path already in Linux form stays as it is. */
    public static String toLinuxPath(String path) {
        if (path.length() >= 2 && Character.isLetter(path.charAt(0)) && path.charAt(1) == ':') {
            String rest = path.substring(2).replace('\\', '/');
            return "/mnt/" + Character.toLowerCase(path.charAt(0)) + (rest.startsWith("/") ? rest : "/" + rest);
        }
        return path;
    }
}
