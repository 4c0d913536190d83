package dev.berth.runtime.network.ipam;

import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file a network's leases live in (IPv4 and IPv6 alike): address → owner and the last address handed out,
 * rewritten atomically, so that what is on disk is always a whole state.
 */
final class LeaseFile {
    /** What is on disk. */
    record State(Map<String, String> leases, String last) {
        State {
            leases = leases == null ? Map.of() : new TreeMap<>(leases);
        }
    }

    private final Path file;

    LeaseFile(Path file) {
        this.file = file;
    }

    /** The state on disk; empty when there is no file yet. */
    State read() {
        if (!Files.exists(file)) {
            return new State(Map.of(), null);
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), State.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read address leases " + file, e);
        }
    }

    void write(Map<String, String> leases, String last) {
        try {
            AtomicFiles.writeJson(file, new State(leases, last));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write address leases " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
