package dev.berth.runtime.build.context;

import dev.berth.runtime.container.run.ContainerPaths;
import dev.berth.runtime.linux.FileSyscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A {@link SourceTree} over a directory on the host: a stage's or an image's files mounted for reading. */
public final class DirectoryTree implements SourceTree {
    private final Path root;
    private final FileSyscalls sys;
    private final Map<String, String> digests = new ConcurrentHashMap<>();

    public DirectoryTree(Path root, FileSyscalls sys) {
        this.root = root;
        this.sys = sys;
    }

    @Override
    public Optional<Entry> lookup(String path, boolean followLast) {
        Path host = ContainerPaths.resolve(root, path, followLast);
        return entry(host);
    }

    private Optional<Entry> entry(Path host) {
        try {
            FileSyscalls.Stat st = sys.lstat(host);
            String rel = root.relativize(host).toString();
            Kind kind = st.isDirectory() ? Kind.DIR : st.isRegularFile() ? Kind.FILE : st.isSymlink() ? Kind.SYMLINK
                    : Kind.OTHER;
            return Optional
                    .of(new Entry(rel, kind, kind == Kind.OTHER ? st.mode() : st.permissions(), st.uid(), st.gid(),
                            st.size(), st.mtime(),
                            kind == Kind.SYMLINK ? Files.readSymbolicLink(host).toString() : null, st.rdev()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            throw new UncheckedIOException("cannot read " + host, e);
        }
    }

    @Override
    public List<Entry> children(Entry dir) {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve(dir.path()))) {
            for (Path p : s.sorted().toList()) {
                entry(p).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.path(), e);
        }
        return out;
    }

    @Override
    public InputStream open(Entry file) throws IOException {
        return Files.newInputStream(root.resolve(file.path()), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public String digest(Entry file) {
        return digests.computeIfAbsent(file.path(), p -> BuildContext.sha256(root.resolve(p)));
    }

    @Override
    public Map<String, byte[]> xattrs(Entry entry) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Path p = root.resolve(entry.path());
        for (String name : sys.llistxattr(p)) {
            if (!name.startsWith("trusted.")) {
                sys.lgetxattr(p, name).ifPresent(v -> out.put(name, v));
            }
        }
        return out;
    }

    @Override
    public Optional<Path> hostPath(Entry entry) {
        return Optional.of(root.resolve(entry.path()));
    }
}
