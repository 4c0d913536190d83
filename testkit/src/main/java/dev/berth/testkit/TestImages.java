package dev.berth.testkit;

import java.util.SplittableRandom;

/**
 * Ready-made images. {@link #busybox()} is a small runnable image exercising whiteouts, an opaque directory
 * and a full run configuration; {@link #busyboxV2()} shares its layers and adds one; {@link #large} is for
 * pull benchmarks.
 */
public final class TestImages {

    /** Contents of {@code /etc/motd} in {@link #busybox()}. */
    public static final String MOTD = "Welcome to a Berth test image\n";

    private TestImages() {}

    /** The busybox layers, built once per JVM (the busybox binary makes the base layer ~1 MB of gzip). */
    private static final class Layers {
        static final Layer BASE = LayerBuilder.busyboxBase().build();

        // /opt/app/remove-me.txt is deleted by a whiteout above; /opt/cache is made opaque above.
        static final Layer APP = LayerBuilder.layer()
                .file("etc/motd", MOTD)
                .dir("opt", 0755)
                .dir("opt/app", 0755)
                .file("opt/app/hello.sh", "#!/bin/sh\necho hello from berth\n".getBytes(), 0755)
                .file("opt/app/config.txt", "mode=test\n")
                .file("opt/app/remove-me.txt", "a lower layer file that an upper layer deletes\n")
                .dir("opt/cache", 0755)
                .file("opt/cache/stale-1", "stale\n")
                .file("opt/cache/stale-2", "stale\n")
                .build();

        static final Layer CHANGES = LayerBuilder.layer()
                .dir("opt", 0755)
                .dir("opt/app", 0755)
                .whiteout("opt/app/remove-me.txt")
                .dir("opt/cache", 0755)
                .opaque("opt/cache")
                .file("opt/cache/fresh", "fresh\n")
                .build();

        static final Layer V2 = LayerBuilder.layer()
                .dir("opt", 0755)
                .dir("opt/app", 0755)
                .file("opt/app/VERSION", "2\n")
                .build();
    }

    /**
     * Three layers: busybox base; {@code /etc/motd}, {@code /opt/app/{hello.sh,config.txt,remove-me.txt}},
     * {@code /opt/cache/{stale-1,stale-2}}; then a whiteout of {@code remove-me.txt} and {@code /opt/cache} made
     * opaque with a new {@code fresh} file. Env PATH and GREETING, Cmd {@code ["sh"]}, Entrypoint null,
     * WorkingDir {@code /opt/app}, port 80/tcp, volume {@code /data}, two labels. OCI media types, linux/amd64.
     */
    public static TestImage busybox() {
        return busyboxBuilder().build();
    }

    /** The builder behind {@link #busybox()}, to vary platform, media types or configuration. */
    public static TestImage.Builder busyboxBuilder() {
        return TestImage.builder()
                .layer(Layers.BASE, "ADD busybox-static /bin/busybox")
                .layer(Layers.APP, "COPY app /opt/app")
                .history("ENV GREETING=hello")
                .layer(Layers.CHANGES, "RUN rm /opt/app/remove-me.txt && rm -rf /opt/cache/* && touch /opt/cache/fresh")
                .history("CMD [\"sh\"]")
                .env("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "GREETING=hello")
                .cmd("sh")
                .workingDir("/opt/app")
                .exposedPort("80/tcp")
                .volume("/data")
                .label("org.opencontainers.image.title", "berth-busybox")
                .label("dev.berth.test", "true");
    }

    /** {@link #busybox()}'s three layers plus one with {@code /opt/app/VERSION}: pulls show "Already exists". */
    public static TestImage busyboxV2() {
        return busyboxBuilder()
                .layer(Layers.V2, "COPY VERSION /opt/app/VERSION")
                .label("org.opencontainers.image.version", "2")
                .build();
    }

    /**
     * {@code layers} layers of incompressible random bytes, {@code totalBytes} in all, each one file
     * {@code /data/part-N}, gzip. The same arguments give the same digests (the random source is seeded).
     * Building 100 MB takes several seconds (random bytes, tar, gzip, two sha256 passes): build once per class.
     */
    public static TestImage large(long totalBytes, int layers) {
        return large(totalBytes, layers, Compression.GZIP);
    }

    /** {@link #large(long, int)} with the given layer compression ({@code NONE} builds fastest). */
    public static TestImage large(long totalBytes, int layers, Compression compression) {
        if (layers < 1 || totalBytes < layers) {
            throw new IllegalArgumentException("need at least one layer and one byte per layer");
        }
        long perLayer = totalBytes / layers;
        if (perLayer > Integer.MAX_VALUE - 1024) {
            throw new IllegalArgumentException("layers are built in memory: at most 2 GB each");
        }
        SplittableRandom random = new SplittableRandom(totalBytes * 31 + layers);
        TestImage.Builder image = TestImage.builder();
        for (int i = 0; i < layers; i++) {
            long size = i == layers - 1 ? totalBytes - perLayer * (layers - 1) : perLayer;
            byte[] data = new byte[(int) size];
            random.nextBytes(data);
            image.layer(LayerBuilder.layer().dir("data", 0755).file("data/part-" + i, data, 0644).build(compression),
                    "ADD part-" + i + " /data/");
        }
        return image.label("dev.berth.test", "large").build();
    }
}
