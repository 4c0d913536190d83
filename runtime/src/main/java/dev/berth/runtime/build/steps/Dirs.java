package dev.berth.runtime.build.steps;

import dev.berth.runtime.container.run.ContainerPaths;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.linux.FileSyscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code mkdir -p} inside an image's root: each element resolved inside the root, new ones 0755 with the given owner. */
final class Dirs {
    private Dirs() {}

    /** The host path of directory {@code path} under {@code root}, made as needed. */
    static Path mkdirs(FileSyscalls sys, Path root, String path, int[] owner) throws IOException {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        Path dir = root;
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            prefix.append('/').append(part);
            dir = ContainerPaths.resolve(root, prefix.toString(), true);
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir);
                sys.lchown(dir, owner[0], owner[1]);
                sys.chmod(dir, 0755);
            } else if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidArgumentException("cannot copy to non-directory: " + prefix);
            }
        }
        return dir;
    }
}
