package dev.berth.runtime.container.run;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a path as the container sees it to a host path under the container's root, walking one component
 * at a time and reading symlinks ourselves: an absolute link target restarts at the container root and
 * {@code ..} stops at it, so no link can lead out to the host (the kernel would resolve them against the host root).
 */
public final class ContainerPaths {
    private static final int MAX_LINKS = 40;

    private ContainerPaths() {}

    /**
     * The host path for {@code containerPath} under {@code root}. Symlinks in every component but the last are
     * followed inside the root; the last is followed only if {@code followLast}.
     */
    public static Path resolve(Path root, String containerPath, boolean followLast) {
        Deque<String> todo = new ArrayDeque<>(split(containerPath));
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.pollFirst();
            if (name.equals("..")) {
                if (!done.isEmpty()) {
                    done.removeLast();
                }
                continue;
            }
            Path candidate = join(root, done).resolve(name);
            if ((!todo.isEmpty() || followLast) && Files.isSymbolicLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new InvalidArgumentException("too many levels of symbolic links in " + containerPath);
                }
                String target = readLink(candidate);
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> parts = split(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    todo.addFirst(parts.get(i));
                }
                continue;
            }
            done.add(name);
        }
        return join(root, done);
    }

    /** The container path of a host path under {@code root}, e.g. {@code /etc/hosts}. */
    public static String toContainerPath(Path root, Path hostPath) {
        Path rel = root.relativize(hostPath);
        String s = rel.toString();
        return s.isEmpty() ? "/" : "/" + s;
    }

    /** The non-trivial components of a path: no empty ones, no {@code .}. */
    public static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty() && !p.equals(".")) {
                out.add(p);
            }
        }
        return out;
    }

    private static Path join(Path root, List<String> parts) {
        Path p = root;
        for (String s : parts) {
            p = p.resolve(s);
        }
        return p;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new EngineException("cannot read symlink " + link + ": " + e.getMessage(), e);
        }
    }
}
