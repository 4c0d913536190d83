package dev.berth.runtime.api.volumes;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.runtime.volume.Volume;
import dev.berth.runtime.volume.VolumeUsageData;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** A volume as the API shows it (moby {@code volume.Volume}); {@code UsageData} only in {@code /system/df}. */
public record VolumeJson(
        @JsonProperty("Name") String name,
        @JsonProperty("Driver") String driver,
        @JsonProperty("Mountpoint") String mountpoint,
        @JsonProperty("CreatedAt") String createdAt,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("Scope") String scope,
        @JsonProperty("UsageData") UsageData usageData) {

    /** {@code Size} in bytes (-1 if unknown) and {@code RefCount}, the number of containers using the volume. */
    public record UsageData(@JsonProperty("Size") long size, @JsonProperty("RefCount") long refCount) {}

    /** The API form of {@code v}, without usage data. */
    public static VolumeJson of(Volume v) {
        return new VolumeJson(v.name(), v.driver(), v.mountpoint().toString(), rfc3339(v), v.labels(), v.options(),
                Volume.SCOPE, null);
    }

    /** The API form with {@code UsageData}, as {@code GET /system/df} lists volumes. */
    public static VolumeJson withUsage(VolumeUsageData u) {
        VolumeJson j = of(u.volume());
        return new VolumeJson(j.name, j.driver, j.mountpoint, j.createdAt, j.labels, j.options, j.scope,
                new UsageData(u.size(), u.refCount()));
    }

    // dockerd formats with Go's time.RFC3339 in the daemon's zone: seconds, numeric offset or Z.
    private static String rfc3339(Volume v) {
        return OffsetDateTime.ofInstant(v.createdAt(), ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
