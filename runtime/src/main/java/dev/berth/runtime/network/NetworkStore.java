package dev.berth.runtime.network;

import dev.berth.runtime.common.AtomicFiles;
import dev.berth.runtime.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files under {@code <data-root>/networks/}: {@code records/<id>.json} per network, {@code endpoints/<container>.json}
 * per attached container and {@code leases/<id>.json} per address pool. Every write is atomic.
 */
public final class NetworkStore {
    private final Path root;
    private final Path records;
    private final Path endpoints;
    private final Path leases;

    public NetworkStore(Path dataRoot) {
        this.root = dataRoot.resolve("networks");
        this.records = root.resolve("records");
        this.endpoints = root.resolve("endpoints");
        this.leases = root.resolve("leases");
        try {
            Files.createDirectories(records);
            Files.createDirectories(endpoints);
            Files.createDirectories(leases);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }

    /** This data root's engine tag (created on first use). */
    public EngineTag engineTag() {
        return EngineTag.loadOrCreate(root);
    }

    public List<Network> loadNetworks() {
        return loadAll(records, Network.class);
    }

    public List<Attachment> loadAttachments() {
        return loadAll(endpoints, Attachment.class);
    }

    public void save(Network n) {
        write(records.resolve(n.id() + ".json"), n);
    }

    public void delete(Network n) {
        deleteFile(records.resolve(n.id() + ".json"));
    }

    public void save(Attachment a) {
        write(endpoints.resolve(a.containerId() + ".json"), a);
    }

    public void deleteAttachment(String containerId) {
        deleteFile(endpoints.resolve(containerId + ".json"));
    }

    /** Where the leases of network {@code id} live. */
    public Path leaseFile(String networkId) {
        return leases.resolve(networkId + ".json");
    }

    /** Lease files of networks that have no record any more (crash between the two deletes). */
    public List<Path> leaseFiles() {
        try (Stream<Path> s = Files.list(leases)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> loadAll(Path dir, Class<T> type) {
        List<T> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(Json.MAPPER.readValue(p.toFile(), type));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read records in " + dir, e);
        }
        return out;
    }

    private static void write(Path p, Object value) {
        try {
            AtomicFiles.writeJson(p, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }

    private static void deleteFile(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }
}
