package dev.berth.runtime.container.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.linux.FileSyscalls;
import dev.berth.runtime.linux.FileSyscalls.Stat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * What {@code HEAD /containers/{id}/archive} reports about a path, in moby's {@code ContainerPathStat} shape; the
 * mode is a Go {@code os.FileMode} (type bits high, permission bits low), which the docker CLI decodes.
 */
public record PathStat(String name, long size, long mode, Instant mtime, String linkTarget) {
    private static final long MODE_DIR = 1L << 31;
    private static final long MODE_SYMLINK = 1L << 27;
    private static final long MODE_DEVICE = 1L << 26;
    private static final long MODE_NAMED_PIPE = 1L << 25;
    private static final long MODE_SOCKET = 1L << 24;
    private static final long MODE_SETUID = 1L << 23;
    private static final long MODE_SETGID = 1L << 22;
    private static final long MODE_CHAR_DEVICE = 1L << 21;
    private static final long MODE_STICKY = 1L << 20;

    /** The header the docker CLI reads the stat from. */
    public static final String HEADER = "X-Docker-Container-Path-Stat";

    public static PathStat of(String name, Stat st, String linkTarget) {
        return new PathStat(name, st.size(), goMode(st), st.mtime(), linkTarget == null ? "" : linkTarget);
    }

    public boolean isDirectory() {
        return (mode & MODE_DIR) != 0;
    }

    public boolean isSymlink() {
        return (mode & MODE_SYMLINK) != 0;
    }

    /** Base64 of the JSON, as the header carries it. */
    public String headerValue() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("name", name);
        n.put("size", size);
        n.put("mode", mode);
        n.put("mtime", mtime.toString());
        n.put("linkTarget", linkTarget);
        return Base64.getEncoder().encodeToString(n.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Converts a Unix {@code st_mode} to Go's FileMode bits. */
    static long goMode(Stat st) {
        long m = st.mode() & 0777;
        m |= switch (st.type()) {
            case FileSyscalls.S_IFDIR -> MODE_DIR;
            case FileSyscalls.S_IFLNK -> MODE_SYMLINK;
            case FileSyscalls.S_IFBLK -> MODE_DEVICE;
            case FileSyscalls.S_IFCHR -> MODE_DEVICE | MODE_CHAR_DEVICE;
            case FileSyscalls.S_IFIFO -> MODE_NAMED_PIPE;
            case FileSyscalls.S_IFSOCK -> MODE_SOCKET;
            default -> 0L;
        };
        if ((st.mode() & 04000) != 0) {
            m |= MODE_SETUID;
        }
        if ((st.mode() & 02000) != 0) {
            m |= MODE_SETGID;
        }
        if ((st.mode() & 01000) != 0) {
            m |= MODE_STICKY;
        }
        return m;
    }
}
