package dev.berth.runtime.container.create;

import dev.berth.runtime.container.model.Container;
import java.util.LinkedHashMap;
import java.util.Map;

/** The attributes dockerd puts on container events: the container's labels, its image and name. */
public final class ContainerEvents {
    private ContainerEvents() {}

    public static Map<String, String> attributes(Container c) {
        Map<String, String> attrs = new LinkedHashMap<>(c.configView().labels());
        attrs.put("image", c.imageRef());
        attrs.put("name", c.name());
        return attrs;
    }

    /** Attributes plus one more (exitCode on die, signal on kill). */
    public static Map<String, String> attributes(Container c, String key, String value) {
        Map<String, String> attrs = attributes(c);
        attrs.put(key, value);
        return attrs;
    }
}
