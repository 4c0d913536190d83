package dev.berth.runtime.daemon;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * Prepares a socket path before binding: a live server there is an error (we connect to find out), a
 * stale socket file left by a crash is removed. After binding, sets the socket to 0660 root:berth.
 */
final class SocketGuard {
    private static final System.Logger LOG = System.getLogger("berth.daemon");

    private SocketGuard() {}

    static void prepare(Path socket) throws StartupException {
        try {
            Files.createDirectories(socket.getParent());
        } catch (IOException e) {
            throw new StartupException("cannot create " + socket.getParent() + ": " + e.getMessage(), e);
        }
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(socket, LinkOption.NOFOLLOW_LINKS)) {
            throw new StartupException("cannot listen on " + socket + ": it is a directory");
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            throw new StartupException("cannot listen on unix://" + socket
                    + ": another daemon is already serving on it (stop it, or pass -H unix://OTHER_PATH)");
        } catch (IOException refused) {
            // Nobody answers: a stale socket (or file) from an earlier run.
            try {
                Files.delete(socket);
                LOG.log(System.Logger.Level.INFO, "removed stale socket " + socket);
            } catch (IOException e) {
                throw new StartupException("cannot remove stale socket " + socket + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * 0660, group {@code berth} where that group exists, so members can use the API without sudo — which also
     * needs the socket's directory to be searchable: berthd's own {@code /run/berth} is opened to 0755 (older
     * versions made it 0700 as the exec root), any other directory only gets a warning.
     */
    static void restrict(Path socket) throws StartupException {
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
            try {
                GroupPrincipal group = socket.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByGroupName("berth");
                Files.getFileAttributeView(socket, PosixFileAttributeView.class).setGroup(group);
                openDirectory(socket.getParent());
            } catch (UserPrincipalNotFoundException e) {
                // No berth group on this machine: root only.
            }
        } catch (IOException e) {
            throw new StartupException("cannot set permissions of " + socket + ": " + e.getMessage(), e);
        }
    }

    private static void openDirectory(Path dir) throws IOException {
        var perms = Files.getPosixFilePermissions(dir);
        if (perms.contains(PosixFilePermission.GROUP_EXECUTE) && perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            return;
        }
        if (dir.equals(DaemonConfig.DEFAULT_SOCKET.getParent())) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
            LOG.log(System.Logger.Level.WARNING, "members of the berth group cannot reach the socket: " + dir
                    + " is not searchable by them");
        }
    }
}
