package dev.berth.runtime.build.steps;

import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.storage.Layer;
import dev.berth.runtime.storage.LayerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes from a RUN step's changes the empty files and directories that only exist as mount points: the OCI runtime
 * creates them in the container's root for {@code /etc/hosts}, {@code RUN --mount} targets and the like when the
 * image lacks them. dockerd keeps those in an init layer; without this they would land in every RUN layer.
 */
final class MountStubs {
    /** Where berthd mounts files and file systems into every container. */
    static final List<String> ALWAYS = List.of("/etc/hosts", "/etc/hostname", "/etc/resolv.conf", "/proc", "/sys",
            "/dev");

    private MountStubs() {}

    /** Deletes each of {@code targets} (and {@link #ALWAYS}) from {@code upper} if it is empty and no lower layer has it. */
    static void remove(Path upper, List<String> targets, List<LayerRef> layers, LayerStore store) {
        List<Path> lowers = new ArrayList<>();
        for (LayerRef ref : layers) {
            store.get(ref.chainId()).map(Layer::diffDir).ifPresent(lowers::add);
        }
        List<String> all = new ArrayList<>(ALWAYS);
        all.addAll(targets);
        for (String target : all) {
            String rel = target.replaceAll("^/+", "").replaceAll("/+$", "");
            if (rel.isEmpty() || !removeIfStub(upper.resolve(rel), rel, lowers, false)) {
                continue;
            }
            // The stub's directories were copied up (or made) only to hold it: drop them too if nothing else changed.
            for (int slash = rel.lastIndexOf('/'); slash > 0; slash = rel.lastIndexOf('/')) {
                rel = rel.substring(0, slash);
                if (!removeIfStub(upper.resolve(rel), rel, lowers, true)) {
                    break;
                }
            }
        }
    }

    /** Removes an empty file or directory that no lower layer has, or (a parent) that only a copy-up made. */
    private static boolean removeIfStub(Path p, String rel, List<Path> lowers, boolean parent) {
        try {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Path lower = inLowers(rel, lowers);
            if (lower != null && !(parent && sameDirectory(p, lower))) {
                return false;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> children = Files.list(p)) {
                    if (children.findAny().isPresent()) {
                        return false;
                    }
                }
            } else if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) != 0) {
                return false;
            }
            Files.delete(p);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The topmost lower layer's copy of {@code rel}, or null. */
    private static Path inLowers(String rel, List<Path> lowers) {
        for (Path lower : lowers.reversed()) {
            Path p = lower.resolve(rel);
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
        return null;
    }

    /** Both directories, with the same mode and owner: a copy-up that changed nothing but the time. */
    private static boolean sameDirectory(Path upper, Path lower) throws IOException {
        if (!Files.isDirectory(upper, LinkOption.NOFOLLOW_LINKS)
                || !Files.isDirectory(lower, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        var a = Files.readAttributes(upper, java.nio.file.attribute.PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        var b = Files.readAttributes(lower, java.nio.file.attribute.PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        return a.permissions().equals(b.permissions()) && a.owner().equals(b.owner()) && a.group().equals(b.group());
    }
}
