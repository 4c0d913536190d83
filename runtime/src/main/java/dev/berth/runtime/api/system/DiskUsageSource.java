package dev.berth.runtime.api.system;

import dev.berth.runtime.api.http.ApiVersion;
import java.util.List;

/** What {@code /system/df} reports, section by section, each from the service that owns it. */
public interface DiskUsageSource {
    long layersSize();

    List<Object> images(ApiVersion version);

    List<Object> containers(ApiVersion version);

    List<Object> volumes();

    List<Object> buildCache();
}
