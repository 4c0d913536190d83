package dev.berth.runtime.linux;

import java.io.IOException;
import java.nio.file.Path;

/** {@code mount(2)} and {@code umount2(2)}, behind an interface so mount logic is testable without root. */
public interface MountSyscalls {
    /** umount2 flag: detach now, clean up once the mount is no longer busy. */
    int MNT_DETACH = 2;

    /** {@code mount(source, target, fsType, flags, data)}; failures carry the errno ({@link FileSyscallsException}). */
    void mount(String source, Path target, String fsType, long flags, String data) throws IOException;

    /** {@code umount2(target, flags)}; failures carry the errno ({@link FileSyscallsException}). */
    void umount2(Path target, int flags) throws IOException;
}
