package dev.berth.runtime.build.context;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.linux.FileSyscalls;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The build context as it arrived: the tar kept in one file, with an index of its entries built while it streamed
 * in, and each file's SHA-256 computed on the way. Nothing is unpacked: a rebuild whose steps are all cached never
 * writes a context file to disk (creating hundreds of small files is what a context costs on most disks), and a COPY
 * reads its sources straight from the tar. Names are checked as {@code docker cp} checks them (no absolute names, no
 * {@code ..}); an entry under a symlinked directory lands where the link leads inside the tree, as dockerd's chrooted
 * unpack puts it.
 */
public final class TarTree implements SourceTree, AutoCloseable {
    private static final int MAX_LINKS = 40;

    /** An entry and where its content starts in the tar. */
    private record Node(Entry entry, long offset, String digest) {}

    private final Path file;
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, TreeMap<String, Boolean>> children = new HashMap<>();

    private TarTree(Path file) {
        this.file = file;
        nodes.put("", new Node(new Entry("", Kind.DIR, 0755, 0, 0, 0, Instant.EPOCH, null, 0), -1, null));
        children.put("", new TreeMap<>());
    }

    /** Reads a tar stream into {@code file}, indexing and digesting it on the way. */
    public static TarTree read(InputStream tar, Path file) throws IOException {
        TarTree tree = new TarTree(file);
        try (OutputStream copy = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            CountingTee tee = new CountingTee(tar, copy);
            TarArchiveInputStream in = new TarArchiveInputStream(tee, StandardCharsets.UTF_8.name());
            TarArchiveEntry e;
            byte[] buf = new byte[64 * 1024];
            while ((e = in.getNextEntry()) != null) {
                tree.add(e, in, tee.count(), buf);
            }
        }
        return tree;
    }

    /** A tree holding one file, for a body that was a bare Dockerfile. */
    public static TarTree single(String name, InputStream content, Path file) throws IOException {
        TarTree tree = new TarTree(file);
        MessageDigest md = sha256();
        long size;
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                InputStream in = new java.security.DigestInputStream(content, md)) {
            size = in.transferTo(out);
        }
        String path = tree.placeForWrite(ContextPaths.checked(name), name);
        tree.put(new Node(new Entry(path, Kind.FILE, 0644, 0, 0, size, Instant.now(), null, 0), 0,
                HexFormat.of().formatHex(md.digest())));
        return tree;
    }

    /** An empty context. */
    public static TarTree empty(Path file) {
        return new TarTree(file);
    }

    private void add(TarArchiveEntry e, TarArchiveInputStream in, long offset, byte[] buf) throws IOException {
        if (e.isSparse()) {
            throw new InvalidArgumentException(
                    "tar entry " + e.getName() + " is a sparse file, which a build context cannot hold");
        }
        String raw = ContextPaths.checked(e.getName());
        if (raw.isEmpty()) {
            return; // "./": the root itself
        }
        String path = placeForWrite(raw, e.getName());
        Instant mtime = e.getLastModifiedTime().toInstant();
        int perm = e.getMode() & 07777;
        int uid = (int) e.getLongUserId();
        int gid = (int) e.getLongGroupId();
        Node node;
        if (e.isLink()) {
            Node target = nodes.get(lookupPath(ContextPaths.checked(e.getLinkName()), false));
            if (target == null || target.entry().kind() != Kind.FILE) {
                throw new InvalidArgumentException(
                        "hard link " + e.getName() + " points to no file in the archive: " + e.getLinkName());
            }
            Entry t = target.entry();
            node = new Node(new Entry(path, Kind.FILE, t.mode(), t.uid(), t.gid(), t.size(), t.mtime(), null, 0),
                    target.offset(), target.digest());
        } else if (e.isDirectory()) {
            node = new Node(new Entry(path, Kind.DIR, perm, uid, gid, 0, mtime, null, 0), -1, null);
        } else if (e.isSymbolicLink()) {
            node = new Node(new Entry(path, Kind.SYMLINK, 0777, uid, gid, 0, mtime, e.getLinkName(), 0), -1, null);
        } else if (e.isFile()) {
            MessageDigest md = sha256();
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            node = new Node(new Entry(path, Kind.FILE, perm, uid, gid, e.getSize(), mtime, null, 0), offset,
                    HexFormat.of().formatHex(md.digest()));
        } else if (e.isFIFO() || e.isCharacterDevice() || e.isBlockDevice()) {
            int type = e.isFIFO() ? FileSyscalls.S_IFIFO : e.isCharacterDevice() ? FileSyscalls.S_IFCHR
                    : FileSyscalls.S_IFBLK;
            node = new Node(new Entry(path, Kind.OTHER, type | perm, uid, gid, 0, mtime, null,
                    FileSyscalls.makedev(e.getDevMajor(), e.getDevMinor())), -1, null);
        } else {
            throw new InvalidArgumentException(
                    "tar entry " + e.getName() + " has an unsupported type " + (char) e.getLinkFlag());
        }
        put(node);
    }

    /** Adds or replaces a node; a directory replaced by something else takes its contents with it. */
    private void put(Node node) {
        String path = node.entry().path();
        Node old = nodes.get(path);
        if (old != null && old.entry().isDirectory()) {
            if (node.entry().isDirectory()) {
                nodes.put(path, node);
                return;
            }
            remove(path);
        }
        nodes.put(path, node);
        children.get(ContextPaths.parentOf(path)).put(ContextPaths.nameOf(path), Boolean.TRUE);
        if (node.entry().isDirectory()) {
            children.putIfAbsent(path, new TreeMap<>());
        }
    }

    /** Removes {@code path} and everything below it (the Dockerfile or .dockerignore that .dockerignore names). */
    public void remove(String path) {
        Node node = nodes.remove(path);
        if (node == null) {
            return;
        }
        TreeMap<String, Boolean> siblings = children.get(ContextPaths.parentOf(path));
        if (siblings != null) {
            siblings.remove(ContextPaths.nameOf(path));
        }
        TreeMap<String, Boolean> kids = children.remove(path);
        if (kids != null) {
            for (String child : List.copyOf(kids.keySet())) {
                remove(path + "/" + child);
            }
        }
    }

    /**
     * Where an entry named {@code rel} goes: its directories are followed through symlinks inside the tree, and made
     * (0755, root) where the archive names a file in a directory it does not carry.
     */
    private String placeForWrite(String rel, String name) {
        int slash = rel.lastIndexOf('/');
        if (slash < 0) {
            return rel;
        }
        String parent = lookupPath(rel.substring(0, slash), true);
        List<String> made = new ArrayList<>();
        for (String part : parent.isEmpty() ? new String[0] : parent.split("/")) {
            made.add(part);
            String dir = String.join("/", made);
            Node n = nodes.get(dir);
            if (n == null) {
                put(new Node(new Entry(dir, Kind.DIR, 0755, 0, 0, 0, Instant.now(), null, 0), -1, null));
            } else if (!n.entry().isDirectory()) {
                throw new InvalidArgumentException("tar entry " + name + ": its parent " + dir + " is not a directory");
            }
        }
        return (parent.isEmpty() ? "" : parent + "/") + rel.substring(slash + 1);
    }

    /** The path {@code path} leads to, symlinks followed inside the tree (the last element if {@code followLast}). */
    private String lookupPath(String path, boolean followLast) {
        Deque<String> todo = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty() && !p.equals(".")) {
                todo.add(p);
            }
        }
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
            String candidate = done.isEmpty() ? name : String.join("/", done) + "/" + name;
            Node n = nodes.get(candidate);
            if (n != null && n.entry().kind() == Kind.SYMLINK && (!todo.isEmpty() || followLast)) {
                if (++links > MAX_LINKS) {
                    throw new InvalidArgumentException("too many levels of symbolic links in " + path);
                }
                String target = n.entry().linkTarget();
                if (target.startsWith("/")) {
                    done.clear();
                }
                String[] parts = target.split("/");
                for (int i = parts.length - 1; i >= 0; i--) {
                    if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                        todo.addFirst(parts[i]);
                    }
                }
                continue;
            }
            done.add(name);
        }
        return String.join("/", done);
    }

    @Override
    public Optional<Entry> lookup(String path, boolean followLast) {
        Node n = nodes.get(lookupPath(path, followLast));
        return n == null ? Optional.empty() : Optional.of(n.entry());
    }

    @Override
    public List<Entry> children(Entry dir) {
        TreeMap<String, Boolean> names = children.get(dir.path());
        List<Entry> out = new ArrayList<>();
        if (names != null) {
            for (String name : names.keySet()) {
                out.add(nodes.get(dir.path().isEmpty() ? name : dir.path() + "/" + name).entry());
            }
        }
        return out;
    }

    @Override
    public InputStream open(Entry entry) throws IOException {
        Node n = nodes.get(entry.path());
        if (n == null || n.entry().kind() != Kind.FILE) {
            throw new IOException(entry.path() + " is not a file of the context");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new SliceStream(channel, n.offset(), n.entry().size());
    }

    @Override
    public String digest(Entry entry) {
        Node n = nodes.get(entry.path());
        return n == null ? null : n.digest();
    }

    @Override
    public Map<String, byte[]> xattrs(Entry entry) {
        return Map.of();
    }

    @Override
    public Optional<Path> hostPath(Entry entry) {
        return Optional.empty();
    }

    @Override
    public void close() {
        // The tar file goes with the build's directory.
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies what is read to a file and counts it: the count after a header is where the entry's content starts. */
    private static final class CountingTee extends FilterInputStream {
        private final OutputStream copy;
        private long count;

        CountingTee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                copy.write(b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                copy.write(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            int r = read(buf, 0, buf.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** A file's content inside the tar. */
    private static final class SliceStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private long remaining;

        SliceStream(FileChannel channel, long offset, long length) {
            this.channel = channel;
            this.position = offset;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)), position);
            if (n < 0) {
                throw new IOException("the context's tar ended early");
            }
            position += n;
            remaining -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
