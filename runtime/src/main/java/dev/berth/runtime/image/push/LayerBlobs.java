package dev.berth.runtime.image.push;

import dev.berth.runtime.image.content.LayerCompression;
import dev.berth.runtime.image.content.ContentStore;
import dev.berth.runtime.image.content.Ingest;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.MediaTypes;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.ImageStore;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.storage.LayerStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Gives every layer of an image as a blob: the compressed blob it was pulled or loaded with when the
 * content store still has it, otherwise a gzip of the unpacked layer (committed or built layers),
 * which is then remembered in the image record so it is made only once.
 */
public final class LayerBlobs {
    private final ContentStore content;
    private final LayerStore layers;
    private final ImageStore images;

    public LayerBlobs(ContentStore content, LayerStore layers, ImageStore images) {
        this.content = content;
        this.layers = layers;
        this.images = images;
    }

    /** One descriptor per layer, bottom first, each blob present in the content store. */
    public synchronized List<Descriptor> compressedLayers(ImageRecord image) throws IOException {
        List<Descriptor> out = new ArrayList<>();
        List<LayerRef> refs = new ArrayList<>();
        boolean changed = false;
        for (LayerRef ref : image.layers()) {
            if (ref.blob() != null && content.contains(ref.blob().digest())) {
                out.add(ref.blob());
                refs.add(ref);
                continue;
            }
            Descriptor made = gzipLayer(ref.chainId());
            out.add(made);
            refs.add(new LayerRef(ref.diffId(), ref.chainId(), made, ref.unpackedSize()));
            changed = true;
        }
        if (changed) {
            images.put(image.withLayers(refs));
        }
        return out;
    }

    /** The layer's uncompressed tar (its DiffID content): the stored blob decompressed, or an export of the layer. */
    public InputStream openUncompressed(LayerRef ref) throws IOException {
        if (ref.blob() != null && content.contains(ref.blob().digest())) {
            return LayerCompression.decompress(content.open(ref.blob().digest()));
        }
        java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 16);
        java.io.PipedOutputStream pipe = new java.io.PipedOutputStream(in);
        Thread.ofVirtual().name("layer-export").start(() -> {
            try (pipe) {
                layers.exportTar(ref.chainId(), pipe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return in;
    }

    private Descriptor gzipLayer(Digest chainId) throws IOException {
        try (Ingest ingest = content.ingest(null, -1)) {
            GzipParameters params = new GzipParameters();
            params.setCompressionLevel(Deflater.BEST_SPEED);
            try (OutputStream gz = new GzipCompressorOutputStream(nonClosing(ingest.output()), params)) {
                layers.exportTar(chainId, gz);
            }
            long size = ingest.written();
            Digest digest = ingest.commit();
            return Descriptor.of(MediaTypes.DOCKER_LAYER_GZIP, digest, size);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
