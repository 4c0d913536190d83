package dev.berth.app.testing;

import dev.berth.app.engine.DockerJavaEngine;
import dev.berth.testkit.BerthdExtension;
import java.nio.file.Files;

/**
 * A {@link LiveEngine} on a real berthd: testkit's {@link BerthdExtension} with its busybox pulled into it from the
 * registry beside it. Needs root; hold the engine lock ({@code flock /work/wt/berthd.lock}) around the run.
 */
public final class BerthdLauncher implements LiveEngine {
    private final BerthdExtension berthd;

    private BerthdLauncher(BerthdExtension berthd) {
        this.berthd = berthd;
    }

    /** True when this machine can run berthd (root, a checkout with bin/berthd); ITs assume it. */
    public static boolean available() {
        return "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(dev.berth.testkit.BerthdCommand.checkoutRoot().resolve("bin/berthd"));
    }

    /** Starts berthd and pulls busybox into it. */
    public static BerthdLauncher start() {
        BerthdExtension berthd = BerthdExtension.fromCheckout().withImage("it/busybox:1").startNow();
        try (DockerJavaEngine engine = new DockerJavaEngine(berthd.dockerHost())) {
            engine.pullImage(berthd.image(), x -> {});
            return new BerthdLauncher(berthd);
        } catch (RuntimeException | Error e) {
            berthd.close();
            throw e;
        }
    }

    @Override
    public String uri() {
        return berthd.dockerHost();
    }

    @Override
    public String busyboxImage() {
        return berthd.image();
    }

    /** berthd's log so far, for failure messages. */
    public String log() {
        return berthd.log();
    }

    /** Removes the volumes the tests made, then stops berthd as {@link BerthdExtension#close()} does. */
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
        return berthd.dockerOk(args).stdout().strip();
    }
}
