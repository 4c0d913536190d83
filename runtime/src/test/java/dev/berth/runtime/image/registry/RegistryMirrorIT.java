package dev.berth.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.testkit.RegistryExtension;
import dev.berth.testkit.TestImage;
import dev.berth.testkit.TestImages;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Docker Hub pulls through a configured mirror (Docker Hub itself is unreachable here, so success proves the mirror was used). */
class RegistryMirrorIT {
    @RegisterExtension
    static RegistryExtension mirror = RegistryExtension.open();

    @Test
    void pullsDockerHubNamesFromTheFirstMirrorThatAnswers() throws Exception {
        TestImage image = TestImages.busybox();
        image.push(mirror, "library/busybox", "1.36");
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        RegistryClient client = new RegistryClient(new RegistryOptions(Set.of(),
                List.of("http://127.0.0.1:" + deadPort, "http://" + mirror.host()), 3, 1, Duration.ofSeconds(5)));
        RegistrySession session = client.session(ImageReference.parse("busybox:1.36"), Credentials.anonymous(), false);
        ResolvedManifest resolved = session.resolve("1.36", Platform.parse("linux/amd64"));
        assertEquals(image.manifestDigest(), resolved.manifestDigest().toString());
    }
}
