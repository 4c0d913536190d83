package dev.berth.runtime.image.pull;

import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.image.content.ContentStore;
import dev.berth.runtime.image.content.Ingest;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.progress.ProgressMessage;
import dev.berth.runtime.image.progress.ProgressSink;
import dev.berth.runtime.image.progress.TransferReporter;
import dev.berth.runtime.image.registry.RegistrySession;
import dev.berth.runtime.storage.LayerStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;

/** Downloads one layer blob into the content store and unpacks it, reporting each stage by short ID. */
final class LayerDownload {
    private final RegistrySession session;
    private final ContentStore content;
    private final LayerStore layers;
    private final Descriptor blob;
    private final Digest parentChainId;
    private final Digest diffId;
    private final ProgressSink sink;
    private final String shortId;

    LayerDownload(RegistrySession session, ContentStore content, LayerStore layers, Descriptor blob,
            Digest parentChainId, Digest diffId, ProgressSink sink) {
        this.session = session;
        this.content = content;
        this.layers = layers;
        this.blob = blob;
        this.parentChainId = parentChainId;
        this.diffId = diffId;
        this.sink = sink;
        this.shortId = blob.digest().shortHex();
    }

    /** Takes a download slot, saying "Waiting" when none is free right away. */
    void waitForSlot(Semaphore slots) throws InterruptedException {
        if (!slots.tryAcquire()) {
            sink.emit(ProgressMessage.status(shortId, "Waiting"));
            slots.acquire();
        }
    }

    /** Fetches the blob, unless a former, interrupted pull already stored it. */
    void fetch() throws IOException {
        if (!content.contains(blob.digest())) {
            download();
        } else {
            sink.emit(ProgressMessage.status(shortId, "Download complete"));
        }
    }

    /** Unpacks the fetched blob on top of its parent layer. */
    void extract() throws IOException {
        TransferReporter extracting = new TransferReporter(sink, shortId, "Extracting", blob.size());
        try (InputStream in = content.open(blob.digest())) {
            layers.unpack(parentChainId, diffId, in, extracting);
        }
        sink.emit(ProgressMessage.status(shortId, "Pull complete"));
    }

    private void download() throws IOException {
        TransferReporter downloading = new TransferReporter(sink, shortId, "Downloading", blob.size());
        try (Ingest ingest = content.ingest(blob.digest(), blob.size())) {
            session.fetchBlob(blob, ingest, downloading);
            sink.emit(ProgressMessage.status(shortId, "Verifying Checksum"));
            ingest.commit();
        } catch (dev.berth.runtime.digest.DigestMismatchException e) {
            throw new EngineException("failed to verify layer " + blob.digest() + ": " + e.getMessage(), e);
        }
        sink.emit(ProgressMessage.status(shortId, "Download complete"));
    }
}
