package dev.berth.app.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns the JSON of the endpoints docker-java does not cover into the app's records. */
public final class ApiJson {
    private ApiJson() {}

    /** The body of {@code /berth/v1/containers/{id}/xray}. */
    public static XRayReport xray(JsonNode body) {
        try {
            return RawApi.JSON.treeToValue(body, XRayReport.class);
        } catch (JsonProcessingException e) {
            throw new EngineException("The engine's X-ray could not be read: " + e.getOriginalMessage(), 0, e);
        }
    }

    /** The body of {@code /berth/v1/info}. */
    public static BerthFeatures berthFeatures(JsonNode body) {
        List<String> features = new ArrayList<>();
        body.path("Features").forEach(f -> features.add(f.asText()));
        return new BerthFeatures(true, body.path("Version").asText(""), features);
    }

    /** {@code /images/{id}/history} (newest first) as entries oldest first. */
    public static List<ImageLayers.HistoryEntry> history(JsonNode body) {
        List<ImageLayers.HistoryEntry> out = new ArrayList<>();
        for (JsonNode h : body) {
            out.add(new ImageLayers.HistoryEntry(Instant.ofEpochSecond(h.path("Created").asLong(0)),
                    h.path("CreatedBy").asText(""), h.path("Size").asLong(0), h.path("Comment").asText("")));
        }
        return out.reversed();
    }

    /**
     * {@code /system/df} summed as {@code docker system df} does. An image's reclaimable bytes are those no other
     * image shares ({@code Size - SharedSize}) when no container uses it; a container's are its writable layer when
     * it is not running; a volume's its size when no container mounts it; build cache entries not in use.
     */
    /**
     * What an image prune would free, from {@code /system/df}'s images the way {@code docker system df} counts
     * reclaimable space: the bytes of unused images that no other image shares. With {@code danglingOnly}, only
     * untagged images count ({@code docker image prune}); else every unused one ({@code docker image prune -a}).
     */
    public static long imageReclaim(JsonNode df, boolean danglingOnly) {
        long bytes = 0;
        for (JsonNode i : df.path("Images")) {
            boolean dangling = i.path("RepoTags").isEmpty() || (i.path("RepoTags").size() == 1
                    && i.path("RepoTags").get(0).asText("").equals("<none>:<none>"));
            if (i.path("Containers").asLong(0) > 0 || (danglingOnly && !dangling)) {
                continue;
            }
            bytes += Math.max(0, i.path("Size").asLong(0) - Math.max(0, i.path("SharedSize").asLong(0)));
        }
        return bytes;
    }

    public static DiskUsage diskUsage(JsonNode df) {
        int images = 0;
        int activeImages = 0;
        long imageReclaim = 0;
        for (JsonNode i : df.path("Images")) {
            images++;
            if (i.path("Containers").asLong(0) > 0) {
                activeImages++;
            } else {
                long shared = Math.max(0, i.path("SharedSize").asLong(0));
                imageReclaim += Math.max(0, i.path("Size").asLong(0) - shared);
            }
        }
        long layers = df.path("LayersSize").asLong(0);
        int containers = 0;
        int running = 0;
        long rw = 0;
        long rwReclaim = 0;
        for (JsonNode c : df.path("Containers")) {
            containers++;
            long size = c.path("SizeRw").asLong(0);
            rw += size;
            if (c.path("State").asText("").equals("running")) {
                running++;
            } else {
                rwReclaim += size;
            }
        }
        int volumes = 0;
        int usedVolumes = 0;
        long volumeBytes = 0;
        long volumeReclaim = 0;
        for (JsonNode v : df.path("Volumes")) {
            volumes++;
            long size = Math.max(0, v.at("/UsageData/Size").asLong(0));
            volumeBytes += size;
            if (v.at("/UsageData/RefCount").asLong(0) > 0) {
                usedVolumes++;
            } else {
                volumeReclaim += size;
            }
        }
        int cache = 0;
        int cacheInUse = 0;
        long cacheBytes = 0;
        long cacheReclaim = 0;
        for (JsonNode b : df.path("BuildCache")) {
            cache++;
            long size = b.path("Size").asLong(0);
            cacheBytes += size;
            if (b.path("InUse").asBoolean(false)) {
                cacheInUse++;
            } else if (!b.path("Shared").asBoolean(false)) {
                cacheReclaim += size;
            }
        }
        return new DiskUsage(new DiskUsage.Category(images, activeImages, layers, Math.min(imageReclaim, layers)),
                new DiskUsage.Category(containers, running, rw, rwReclaim),
                new DiskUsage.Category(volumes, usedVolumes, volumeBytes, volumeReclaim),
                new DiskUsage.Category(cache, cacheInUse, cacheBytes, cacheReclaim));
    }

    /**
     * CPU percent as {@code docker stats} computes it: the container's share of all CPU time between the previous
     * and this reading, times the number of CPUs (so one busy core reads 100 %). Memory excludes the page cache
     * ({@code inactive_file}), as the CLI does.
     */
    public static ContainerLoad load(String id, JsonNode stats) {
        int cpus = stats.at("/cpu_stats/online_cpus").asInt(0);
        if (cpus == 0) {
            cpus = Math.max(1, stats.at("/cpu_stats/cpu_usage/percpu_usage").size());
        }
        JsonNode memory = stats.at("/memory_stats/stats");
        long cache = memory.has("inactive_file") ? memory.path("inactive_file").asLong(0)
                : memory.path("total_inactive_file").asLong(0);
        ContainerStats c = ContainerStats.compute(
                stats.at("/cpu_stats/cpu_usage/total_usage").asLong(0),
                stats.at("/precpu_stats/cpu_usage/total_usage").asLong(0),
                stats.at("/cpu_stats/system_cpu_usage").asLong(0), stats.at("/precpu_stats/system_cpu_usage").asLong(0),
                cpus, stats.at("/memory_stats/usage").asLong(0), cache, stats.at("/memory_stats/limit").asLong(0));
        return new ContainerLoad(id, c.cpuPercent(), c.memoryBytes(), c.memoryLimitBytes());
    }
}
