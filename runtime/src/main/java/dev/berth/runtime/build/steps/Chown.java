package dev.berth.runtime.build.steps;

import dev.berth.runtime.container.run.ContainerPaths;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code COPY --chown=user[:group]}: names are looked up in the image's own {@code /etc/passwd} and {@code
 * /etc/group} (never the host's); numbers are taken as they are; a user without a group uses its UID as the GID,
 * as Docker's documentation says.
 */
final class Chown {
    private Chown() {}

    /** {@code {uid, gid}} for {@code spec} in the file system at {@code root}. */
    static int[] resolve(Path root, String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            throw new InvalidArgumentException("invalid chown string format: " + spec);
        }
        int uid = id(root, parts[0], "/etc/passwd", "user");
        int gid = parts.length == 2 && !parts[1].isEmpty() ? id(root, parts[1], "/etc/group", "group") : uid;
        return new int[]{uid, gid};
    }

    private static int id(Path root, String name, String file, String what) {
        if (name.matches("\\d{1,9}")) {
            return Integer.parseInt(name);
        }
        Path path = ContainerPaths.resolve(root, file, true);
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new InvalidArgumentException(
                    "unable to find " + what + " " + name + ": no " + file + " in the image");
        }
        for (String line : lines) {
            String[] f = line.split(":", -1);
            if (f.length > 2 && f[0].equals(name)) {
                try {
                    return Integer.parseInt(f[2]);
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw new InvalidArgumentException(
                "unable to find " + what + " " + name + ": no matching entries in " + file.substring(5) + " file");
    }
}
