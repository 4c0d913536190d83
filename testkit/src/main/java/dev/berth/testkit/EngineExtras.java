package dev.berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a test berthd may have beside it: TLS material and port, a registry with a pushed image. */
final class EngineExtras {
    boolean tls;
    String imageRepoTag;
    private TlsMaterial tlsMaterial;
    private int tlsPort;
    private RegistryServer registry;

    void open(Path dir) {
        try {
            if (tls) {
                tlsMaterial = TlsMaterial.create(Files.createDirectories(dir.resolve("tls")));
                try (var free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    tlsPort = free.getLocalPort();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (imageRepoTag != null) {
            registry = RegistryServer.open();
            int colon = imageRepoTag.lastIndexOf(':');
            TestImages.busybox().push(registry, imageRepoTag.substring(0, colon), imageRepoTag.substring(colon + 1));
        }
    }

    List<String> tlsArgs() {
        return tlsMaterial == null ? List.of() : List.of("-H", tlsUri(), "--tlsverify", "--tlscacert",
                tlsMaterial.caCert().toString(), "--tlscert", tlsMaterial.serverCert().toString(), "--tlskey",
                tlsMaterial.serverKey().toString());
    }

    String tlsUri() {
        return "tcp://127.0.0.1:" + tlsPort;
    }

    TlsMaterial tls() {
        if (tlsMaterial == null) {
            throw new IllegalStateException("berthd was not started withTls()");
        }
        return tlsMaterial;
    }

    RegistryServer registry() {
        if (registry == null) {
            throw new IllegalStateException("berthd was not started withImage(…)");
        }
        return registry;
    }

    String image() {
        return registry().host() + "/" + imageRepoTag;
    }

    void close() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }
}
