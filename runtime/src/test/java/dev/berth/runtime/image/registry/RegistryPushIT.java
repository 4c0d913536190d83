package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.digest.DigestMismatchException;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.MediaTypes;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.testkit.Layer;
import dev.berth.testkit.LayerBuilder;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pushes with our client to a real open registry and reads the result back with both clients. */
class RegistryPushIT {
    @RegisterExtension
    static RegistryExtension registry = RegistryExtension.open();

    private final RegistryClient client = new RegistryClient(
            new RegistryOptions(Set.of(), List.of(), 3, 1, Duration.ofSeconds(10)));

    @Test
    void pushesBlobsAndManifestAndReadsThemBack() {
        TestImage image = TestImage.builder()
                .layer(LayerBuilder.layer().file("hello.txt", "pushed by berth\n").build())
                .layer(LayerBuilder.layer().file("second.txt", "second layer\n").build())
                .cmd("cat", "/hello.txt")
                .build();
        ImageReference ref = ImageReference.parse(registry.host() + "/push/app:1.0");
        RegistrySession session = client.session(ref, Credentials.anonymous(), true);

        for (Layer layer : image.layers()) {
            Descriptor d = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, Digest.parse(layer.digest()), layer.size());
            assertFalse(session.blobExists(d.digest()));
            AtomicLong progress = new AtomicLong();
            AtomicInteger opened = new AtomicInteger();
            session.pushBlob(d, () -> {
                opened.incrementAndGet();
                return new ByteArrayInputStream(layer.bytes());
            }, progress::set);
            assertTrue(session.blobExists(d.digest()));
            assertEquals(layer.size(), progress.get());
            assertEquals(1, opened.get());

            // A second push finds the blob and never opens the content.
            session.pushBlob(d, () -> {
                throw new AssertionError("content must not be read for a blob the registry has");
            }, progress::set);
        }
        Descriptor config = Descriptor.of(MediaTypes.OCI_CONFIG, Digest.parse(image.configDigest()),
                image.configBytes().length);
        session.pushBlob(config, () -> new ByteArrayInputStream(image.configBytes()), null);
        Digest pushed = session.pushManifest("1.0", MediaTypes.OCI_MANIFEST, image.manifestBytes());
        assertEquals(image.manifestDigest(), pushed.toString());

        // Read back with the test kit's independent client...
        var viaKit = registry.server().client().manifest("push/app", "1.0");
        assertEquals(200, viaKit.status());
        assertArrayEquals(image.manifestBytes(), viaKit.body());
        // ...and with ours, by tag and by the digest we got.
        RegistrySession reader = client.session(ref, Credentials.anonymous(), false);
        ResolvedManifest resolved = reader.resolve("1.0", Platform.parse("linux/amd64"));
        assertEquals(pushed, resolved.manifestDigest());
        assertEquals(pushed, reader.resolve(pushed.toString(), null).topDigest());
        assertArrayEquals(image.configBytes(), reader.fetchBlobBytes(resolved.manifest().config()));
    }

    @Test
    void refusesAManifestWhoseBytesDoNotMatchTheDigestItIsPushedUnder() {
        RegistrySession session = client.session(ImageReference.parse(registry.host() + "/push/bad"),
                Credentials.anonymous(), true);
        byte[] bytes = "{\"schemaVersion\":2}".getBytes();
        assertThrows(DigestMismatchException.class,
                () -> session.pushManifest(Digest.sha256("other".getBytes()).toString(), MediaTypes.OCI_MANIFEST,
                        bytes));
        assertThrows(InvalidArgumentException.class,
                () -> session.pushManifest("bad tag", MediaTypes.OCI_MANIFEST, bytes));
    }
}
