package dev.berth.machine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The files of one machine on the host: its data disk, its secret token, its console log, a hung accelerator. */
final class MachineFiles {
    private final MachinePaths paths;

    MachineFiles(MachinePaths paths) {
        this.paths = paths;
    }

    /** The data disk: a sparse file of {@code gib} GiB, grown (never shrunk) when the size was raised. */
    void prepareDisk(int gib) throws IOException {
        Files.createDirectories(paths.dir());
        long size = (long) gib << 30;
        try (RandomAccessFile f = new RandomAccessFile(paths.dataDisk().toFile(), "rw")) {
            if (f.length() < size) {
                f.setLength(size);
            }
        }
    }

    /** The VM's secret, made once and kept readable by its owner only. */
    String token() throws IOException {
        Path file = paths.token();
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        Files.writeString(file, token + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Windows: the machine directory is the user's own
        }
        return token;
    }

    /** What the guest printed on its serial console so far, or empty. */
    String console() {
        try {
            return Files.readString(paths.consoleLog());
        } catch (IOException e) {
            return "";
        }
    }

    /** The console's last lines as the end of an error message, or empty. */
    String consoleTail() {
        return tailNote(console());
    }

    static String tailNote(String console) {
        var tail = BootProgress.tail(console, 8);
        return tail.isEmpty() ? "" : "; its console's last lines:\n  " + String.join("\n  ", tail);
    }

    /** The hardware accelerator a VM hung under before (then the next start takes TCG), or empty. */
    String hungAccelerator() {
        try {
            return Files.readString(paths.hungAccelerator()).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Remembers that a VM hung under {@code accelerator}. */
    void rememberHungAccelerator(String accelerator) throws IOException {
        Files.writeString(paths.hungAccelerator(), accelerator);
    }
}
