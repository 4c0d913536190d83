package dev.berth.runtime.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * posix_spawn(3) from the JVM, for children that need more than ProcessBuilder gives: extra inherited fds
 * (opened in the child at fixed numbers) and no JVM spawn helper in between. glibc spawns with
 * CLONE_VFORK, so a launch costs about a millisecond; a bash trampoline doing the same cost ~10 ms.
 * The JVM does not reap children it did not start, so {@link #await} may waitpid() on the pid. Needs glibc 2.34+
 * (posix_spawn_file_actions_addclosefrom_np).
 */
public final class Spawn {
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int O_CREAT = 0100;
    private static final int O_TRUNC = 01000;
    private static final int WNOHANG = 1;
    /** glibc's posix_spawn_file_actions_t is 80 bytes on 64-bit; more is harmless. */
    private static final int FILE_ACTIONS_SIZE = 256;

    /** An fd the child gets: {@code path} opened at {@code fd}, for writing ({@code write}) or reading. */
    public record ChildFd(int fd, Path path, boolean write) {}

    /** The glibc calls used here. posix_spawn returns an errno instead of setting it. */
    interface C extends Library {
        int posix_spawn_file_actions_init(Pointer actions);
        int posix_spawn_file_actions_addopen(Pointer actions, int fd, String path, int flags, int mode);
        int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);
        int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

        int posix_spawn_file_actions_addchdir_np(Pointer actions, String path);
        int posix_spawn_file_actions_destroy(Pointer actions);
        int posix_spawn(int[] pid, String path, Pointer actions, Pointer attr, String[] argv, String[] envp);
        int waitpid(int pid, int[] status, int options) throws LastErrorException;
        String strerror(int errnum);
    }

    private static final class Holder {
        static final C C = Native.load("c", C.class);
    }

    private Spawn() {}

    /**
     * Starts {@code argv} (argv[0] an absolute path) with {@code env} added to this process's environment,
     * stdin from /dev/null, stdout and stderr to {@code output}, {@code fds} opened in the child, in {@code workDir}.
     */
    public static int start(List<String> argv, Map<String, String> env, List<ChildFd> fds, Path output, Path workDir)
            throws IOException {
        C c = Holder.C;
        Memory actions = new Memory(FILE_ACTIONS_SIZE);
        check(c, "posix_spawn_file_actions_init", c.posix_spawn_file_actions_init(actions));
        try {
            check(c, "addopen", c.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", O_RDONLY, 0));
            check(c, "addopen", c.posix_spawn_file_actions_addopen(actions, 1, output.toString(),
                    O_WRONLY | O_CREAT | O_TRUNC, 0600));
            check(c, "adddup2", c.posix_spawn_file_actions_adddup2(actions, 1, 2));
            // The JVM opens many fds without O_CLOEXEC (ProcessBuilder closes them in its helper): close them all,
            // or a long-lived child would hold the engine's sockets, lock file and log files.
            check(c, "addclosefrom_np", c.posix_spawn_file_actions_addclosefrom_np(actions, 3));
            for (ChildFd f : fds) {
                check(c, "addopen", c.posix_spawn_file_actions_addopen(actions, f.fd(), f.path().toString(),
                        f.write() ? O_WRONLY : O_RDONLY, 0));
            }
            // The child's own directory, not the engine's: conmon writes files (an "oom" marker) into its cwd.
            check(c, "addchdir_np", c.posix_spawn_file_actions_addchdir_np(actions, workDir.toString()));
            int[] pid = new int[1];
            int rc = c.posix_spawn(pid, argv.getFirst(), actions, null, argv.toArray(String[]::new), environment(env));
            if (rc != 0) {
                throw new IOException("cannot run " + argv.getFirst() + ": " + c.strerror(rc));
            }
            return pid[0];
        } finally {
            c.posix_spawn_file_actions_destroy(actions);
        }
    }

    /** The exit status of child {@code pid} (128+signal if killed), or empty if it did not end within {@code timeout}. */
    public static OptionalInt await(int pid, Duration timeout) throws IOException {
        C c = Holder.C;
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        int[] status = new int[1];
        while (true) {
            int done;
            try {
                done = c.waitpid(pid, status, WNOHANG);
            } catch (LastErrorException e) {
                throw new IOException("waitpid " + pid + ": " + c.strerror(e.getErrorCode()), e);
            }
            if (done == pid) {
                int s = status[0];
                return OptionalInt.of((s & 0x7f) == 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f));
            }
            if (System.nanoTime() > deadline) {
                return OptionalInt.empty();
            }
            // Fine-grained at first: the children waited for here (conmon's first process) end within milliseconds.
            boolean early = System.nanoTime() - begin < 200_000_000L;
            try {
                Thread.sleep(early ? Duration.ofNanos(500_000) : Duration.ofMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for " + pid, e);
            }
        }
    }

    private static String[] environment(Map<String, String> extra) {
        List<String> env = new ArrayList<>();
        System.getenv().forEach((k, v) -> {
            if (!extra.containsKey(k)) {
                env.add(k + "=" + v);
            }
        });
        extra.forEach((k, v) -> env.add(k + "=" + v));
        return env.toArray(String[]::new);
    }

    private static void check(C c, String call, int rc) throws IOException {
        if (rc != 0) {
            throw new IOException(call + ": " + c.strerror(rc));
        }
    }
}
