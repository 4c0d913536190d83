package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiVersion;
import dev.berth.runtime.image.ImageConfigs;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageConfig;
import dev.berth.runtime.image.store.ImageRecord;
import dev.berth.runtime.image.store.LayerRef;
import dev.berth.runtime.storage.Layer;
import dev.berth.runtime.storage.LayerStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the API's views of an image (summary, inspect, history) from its record and config. */
final class ImageViews {
    private final ImageConfigs configs;
    private final LayerStore layers;

    ImageViews(ImageConfigs configs, LayerStore layers) {
        this.configs = configs;
        this.layers = layers;
    }

    ImageDtos.Summary summary(ImageRecord image, ApiVersion version) {
        ImageConfig config = configs.get(image.id());
        Map<String, String> labels = config.config() == null || config.config().labels() == null ? Map.of()
                : config.config().labels();
        boolean legacy = !version.atLeast("1.44");
        return new ImageDtos.Summary(image.id().toString(), image.parent() == null ? "" : image.parent().toString(),
                legacyTags(image.repoTags(), legacy, "<none>:<none>"),
                legacyTags(image.repoDigests(), legacy, "<none>@<none>"),
                epochSeconds(image.created()), image.size(), -1, legacy ? image.size() : null, labels, -1);
    }

    /** Before API 1.44 a dangling image listed {@code <none>:<none>}; newer clients expect an empty list. */
    private static List<String> legacyTags(List<String> refs, boolean legacy, String none) {
        return refs.isEmpty() && legacy ? List.of(none) : refs;
    }

    ImageDtos.Inspect inspect(ImageRecord image, ApiVersion version) {
        ImageConfig config = configs.get(image.id());
        ImageConfig.RunConfig run = config.config();
        ImageDtos.ContainerConfig empty = new ImageDtos.ContainerConfig("", "", "", false, false, false, null, false,
                false, false, null, null, null, "", null, "", null, null, null, null, null);
        ImageDtos.ContainerConfig cc = run == null
                ? empty
                : new ImageDtos.ContainerConfig("", "", nz(run.user()), false, false, false, run.exposedPorts(), false,
                        false, false,
                        run.env(), run.cmd(), run.healthcheck(), "", run.volumes(), nz(run.workingDir()),
                        run.entrypoint(), run.onBuild(),
                        run.labels(), run.stopSignal(), run.shell());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("LastTagTime",
                image.lastTagTime() == null ? "0001-01-01T00:00:00Z" : image.lastTagTime().toString());
        return new ImageDtos.Inspect(image.id().toString(), image.repoTags(), image.repoDigests(),
                image.parent() == null ? "" : image.parent().toString(), nz(config.comment()), nz(config.created()),
                // API 1.45 dropped the builder's container and its config, but docker-compose 1.29 (still what Debian
                // ships) asks with the server's newest version and then reads ContainerConfig to recreate a service:
                // against dockerd 25+ it fails with KeyError. Berth keeps sending both, empty (an image from a
                // registry has no builder container); newer clients ignore them.
                "", empty, nz(config.dockerVersion()), nz(config.author()), cc, config.architecture(), config.variant(),
                config.os(),
                config.osVersion(), image.size(), version.atLeast("1.44") ? null : image.size(), graphDriver(image),
                new ImageDtos.RootFs("layers", config.diffIds().stream().map(Digest::toString).toList()), metadata);
    }

    private ImageDtos.GraphDriver graphDriver(ImageRecord image) {
        List<String> dirs = new ArrayList<>();
        for (LayerRef ref : image.layers().reversed()) {
            layers.get(ref.chainId()).map(Layer::diffDir).ifPresent(p -> dirs.add(p.toString()));
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (!dirs.isEmpty()) {
            data.put("UpperDir", dirs.getFirst());
            if (dirs.size() > 1) {
                data.put("LowerDir", String.join(":", dirs.subList(1, dirs.size())));
            }
        }
        return new ImageDtos.GraphDriver("overlay2", data);
    }

    /** Build steps newest first; each step that made a layer gets that layer's size. */
    List<ImageDtos.HistoryItem> history(ImageRecord image) {
        ImageConfig config = configs.get(image.id());
        List<ImageConfig.History> steps = config.history() == null ? List.of() : config.history();
        List<ImageDtos.HistoryItem> items = new ArrayList<>();
        int layerIndex = 0;
        if (steps.isEmpty()) {
            for (LayerRef layer : image.layers()) {
                items.add(new ImageDtos.HistoryItem("<missing>", epochSeconds(image.created()), "", null,
                        layer.unpackedSize(), ""));
            }
        }
        for (ImageConfig.History step : steps) {
            long size = 0;
            if (!Boolean.TRUE.equals(step.emptyLayer()) && layerIndex < image.layers().size()) {
                size = image.layers().get(layerIndex++).unpackedSize();
            }
            items.add(new ImageDtos.HistoryItem("<missing>", epochSeconds(step.created()), nz(step.createdBy()), null,
                    size, nz(step.comment())));
        }
        List<ImageDtos.HistoryItem> newestFirst = new ArrayList<>(items.reversed());
        if (!newestFirst.isEmpty()) {
            ImageDtos.HistoryItem top = newestFirst.getFirst();
            newestFirst.set(0, new ImageDtos.HistoryItem(image.id().toString(), top.created(), top.createdBy(),
                    image.repoTags(), top.size(), top.comment()));
        }
        return newestFirst;
    }

    /** Seconds since the epoch of an RFC 3339 time; 0 when absent or unreadable. */
    static long epochSeconds(String rfc3339) {
        if (rfc3339 == null || rfc3339.isEmpty()) {
            return 0;
        }
        try {
            return Instant.parse(rfc3339).getEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(rfc3339).toEpochSecond();
            } catch (DateTimeParseException unreadable) {
                return 0; // an image config with a malformed date still lists
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
