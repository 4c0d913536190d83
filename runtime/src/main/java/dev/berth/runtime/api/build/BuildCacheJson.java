package dev.berth.runtime.api.build;

import dev.berth.runtime.build.cache.CacheMounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code BuildCache} entries of {@code /system/df}: BuildKit's shape, one per RUN cache mount. */
public final class BuildCacheJson {
    private BuildCacheJson() {}

    /** One entry per cache directory. */
    public static List<Object> entries(List<CacheMounts.Usage> usage) {
        List<Object> out = new ArrayList<>();
        for (CacheMounts.Usage u : usage) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ID", u.key().substring(0, 25));
            m.put("Parents", null);
            m.put("Type", "exec.cachemount");
            m.put("Description", "cached mount " + u.id());
            m.put("InUse", u.inUse());
            m.put("Shared", false);
            m.put("Size", u.size());
            m.put("CreatedAt", u.created().toString());
            m.put("LastUsedAt", u.lastUsed().toString());
            m.put("UsageCount", u.usageCount());
            out.add(m);
        }
        return out;
    }
}
