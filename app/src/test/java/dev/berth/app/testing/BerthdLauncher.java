package dev.berth.app.testing;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.testkit.RegistryServer;
import dev.berth.testkit.TestImages;
import java.nio.file.Files;

/**
 * A {@link LiveEngine} on a real berthd: a {@link LocalBerthd} with the testkit's busybox pulled into it through a
 * throw-away local registry. Needs root; hold the engine lock ({@code flock /work/wt/berthd.lock}) around the run.
 */
public final class BerthdLauncher implements LiveEngine {
    private final LocalBerthd berthd;
    private final String image;

    private BerthdLauncher(LocalBerthd berthd, String image) {
        this.berthd = berthd;
        this.image = image;
    }

    /** True when this machine can run berthd (root, a checkout with bin/berthd); ITs assume it. */
    public static boolean available() {
        return "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(dev.berth.testkit.BerthdCommand.checkoutRoot().resolve("bin/berthd"));
    }

    /** Starts berthd and pulls busybox into it. */
    public static BerthdLauncher start() {
        LocalBerthd berthd = LocalBerthd.start();
        try (RegistryServer registry = RegistryServer.open(); DockerJavaEngine engine = new DockerJavaEngine(berthd.uri())) {
            TestImages.busybox().push(registry, "it/busybox", "1");
            String ref = registry.host() + "/it/busybox:1";
            engine.pullImage(ref, x -> { });
            return new BerthdLauncher(berthd, ref);
        } catch (RuntimeException | Error e) {
            berthd.close();
            throw e;
        }
    }

    @Override
    public String uri() {
        return berthd.uri();
    }

    @Override
    public String busyboxImage() {
        return image;
    }

    /** berthd's log so far, for failure messages. */
    public String log() {
        return berthd.log();
    }

    /** Removes the volumes the tests made, then stops berthd as {@link LocalBerthd#close()} does. */
    @Override
    public void close() {
        try (DockerJavaEngine engine = new DockerJavaEngine(uri())) {
            engine.listContainers().forEach(c -> engine.removeContainer(c.id(), true));
            engine.listVolumes().forEach(v -> engine.removeVolume(v.name()));
        } catch (RuntimeException e) {
            System.err.println("cleaning berthd: " + e.getMessage());
        }
        berthd.close();
    }

    /** Runs the real docker CLI against this engine and returns its stdout, stripped. */
    public String docker(String... args) {
        return berthd.docker(args).strip();
    }
}
