package dev.berth.runtime.build.steps;

import dev.berth.runtime.linux.FileSyscalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The digest of a file or a tree as a copy step sees it: every entry's relative name, type, permission bits, size,
 * link target and content (and owner, for sources whose owners are kept), in name order — but not the times, so a
 * {@code touch} keeps a cached step and a {@code chmod} does not (moby's classic builder hashes the same fields).
 */
final class TreeDigest {
    private final FileSyscalls sys;
    private final Function<Path, String> contentDigest;

    TreeDigest(FileSyscalls sys, Function<Path, String> contentDigest) {
        this.sys = sys;
        this.contentDigest = contentDigest;
    }

    /** Hex SHA-256 of {@code path} (a file, link or directory tree), owners included when {@code withOwner}. */
    String of(Path path, boolean withOwner) {
        MessageDigest md = sha256();
        try {
            add(md, path, ".", withOwner);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private void add(MessageDigest md, Path p, String rel, boolean withOwner) throws IOException {
        FileSyscalls.Stat st = sys.lstat(p);
        StringBuilder line = new StringBuilder(rel).append('\0').append(Integer.toOctalString(st.mode()));
        if (withOwner) {
            line.append('\0').append(st.uid()).append(':').append(st.gid());
        }
        if (st.isRegularFile()) {
            line.append('\0').append(st.size()).append('\0').append(contentDigest.apply(p));
        } else if (st.isSymlink()) {
            line.append('\0').append(Files.readSymbolicLink(p));
        } else if (!st.isDirectory()) {
            line.append('\0').append(st.rdev());
        }
        md.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        if (st.isDirectory()) {
            List<Path> children;
            try (Stream<Path> s = Files.list(p)) {
                children = s.sorted().toList();
            }
            for (Path child : children) {
                add(md, child, rel + "/" + child.getFileName(), withOwner);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
