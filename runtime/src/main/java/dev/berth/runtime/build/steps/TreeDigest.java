package dev.berth.runtime.build.steps;

import dev.berth.runtime.build.context.SourceTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest of a file or a tree as a copy step sees it: every entry's relative name, type, permission bits, size,
 * link target and content (and owner, for sources whose owners are kept), in name order — but not the times, so a
 * {@code touch} keeps a cached step and a {@code chmod} does not (moby's classic builder hashes the same fields).
 */
final class TreeDigest {
    private TreeDigest() {}

    /** Hex SHA-256 of {@code entry} in {@code tree} (a file, link or directory tree), owners included when {@code withOwner}. */
    static String of(SourceTree tree, SourceTree.Entry entry, boolean withOwner) {
        MessageDigest md = sha256();
        add(md, tree, entry, ".", withOwner);
        return HexFormat.of().formatHex(md.digest());
    }

    private static void add(MessageDigest md, SourceTree tree, SourceTree.Entry e, String rel, boolean withOwner) {
        StringBuilder line = new StringBuilder(rel).append('\0').append(e.kind()).append('\0')
                .append(Integer.toOctalString(e.mode()));
        if (withOwner) {
            line.append('\0').append(e.uid()).append(':').append(e.gid());
        }
        switch (e.kind()) {
            case FILE -> line.append('\0').append(e.size()).append('\0').append(tree.digest(e));
            case SYMLINK -> line.append('\0').append(e.linkTarget());
            case OTHER -> line.append('\0').append(e.rdev());
            case DIR -> {
            }
        }
        md.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        if (e.isDirectory()) {
            for (SourceTree.Entry child : tree.children(e)) {
                add(md, tree, child, rel + "/" + child.name(), withOwner);
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
