package dev.berth.runtime.container.files;

import dev.berth.runtime.linux.FileSyscalls;
import dev.berth.runtime.linux.FileSyscalls.Stat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes one file or directory tree as a tar whose entries start with {@code rebaseName} (moby's
 * {@code TarResourceRebase}): {@code /etc} becomes {@code etc/...}, {@code /etc/.} becomes {@code ./...}.
 * Symlinks are archived as links, never followed, so nothing outside the tree is read.
 */
public final class PathArchiver {
    private final FileSyscalls sys;

    public PathArchiver(FileSyscalls sys) {
        this.sys = sys;
    }

    private record InodeKey(long dev, long ino) {}

    /** Streams the tar into {@code out}, which stays open. */
    public void archive(Path source, String rebaseName, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosing(out), StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        write(tar, source, rebaseName, new HashMap<>());
        tar.finish();
        tar.flush();
    }

    private void write(TarArchiveOutputStream tar, Path path, String name, Map<InodeKey, String> seen)
            throws IOException {
        Stat st = sys.lstat(path);
        if (st.isDirectory()) {
            tar.putArchiveEntry(entry(name + "/", TarConstants.LF_DIR, st));
            tar.closeArchiveEntry();
            List<Path> children;
            try (Stream<Path> list = Files.list(path)) {
                children = list.sorted().toList();
            }
            for (Path child : children) {
                write(tar, child, name + "/" + child.getFileName(), seen);
            }
        } else if (st.isSymlink()) {
            TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK, st);
            e.setLinkName(Files.readSymbolicLink(path).toString());
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        } else if (st.isRegularFile()) {
            String first = st.nlink() > 1 ? seen.putIfAbsent(new InodeKey(st.dev(), st.ino()), name) : null;
            if (first != null) {
                TarArchiveEntry e = entry(name, TarConstants.LF_LINK, st);
                e.setLinkName(first);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
                return;
            }
            TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, st);
            e.setSize(st.size());
            tar.putArchiveEntry(e);
            try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
                // Copies exactly the announced size, even if the file grows meanwhile (a live container writes).
                BoundedOutput exact = new BoundedOutput(tar, st.size());
                in.transferTo(exact);
                exact.close();
            }
            tar.closeArchiveEntry();
        } else if (st.type() == FileSyscalls.S_IFCHR || st.type() == FileSyscalls.S_IFBLK
                || st.type() == FileSyscalls.S_IFIFO) {
            byte flag = st.type() == FileSyscalls.S_IFCHR ? TarConstants.LF_CHR
                    : st.type() == FileSyscalls.S_IFBLK ? TarConstants.LF_BLK : TarConstants.LF_FIFO;
            TarArchiveEntry e = entry(name, flag, st);
            if (flag != TarConstants.LF_FIFO) {
                e.setDevMajor((int) FileSyscalls.major(st.rdev()));
                e.setDevMinor((int) FileSyscalls.minor(st.rdev()));
            }
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        }
        // Sockets are skipped, as tar does.
    }

    private static TarArchiveEntry entry(String name, byte flag, Stat st) {
        TarArchiveEntry e = new TarArchiveEntry(name, flag, true);
        e.setMode(st.permissions());
        e.setUserId(st.uid());
        e.setGroupId(st.gid());
        e.setUserName("");
        e.setGroupName("");
        e.setModTime(FileTime.from(st.mtime()));
        return e;
    }

    /** Writes at most {@code limit} bytes and pads with zeros to exactly {@code limit} when closed short. */
    private static final class BoundedOutput extends OutputStream {
        private final OutputStream out;
        private long remaining;

        BoundedOutput(OutputStream out, long limit) {
            this.out = out;
            this.remaining = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (remaining > 0) {
                out.write(b);
                remaining--;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, remaining);
            if (n > 0) {
                out.write(b, off, n);
                remaining -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            // A file that shrank while read: pad so the tar stays well-formed.
            while (remaining > 0) {
                int n = (int) Math.min(8192, remaining);
                out.write(new byte[n]);
                remaining -= n;
            }
        }
    }

    /** Lets the tar stream finish without closing the response it writes into. */
    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
