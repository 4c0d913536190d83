package dev.berth.runtime.api.containers;

import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.container.ContainerServices;
import dev.berth.runtime.container.model.Container;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** {@code POST /containers/prune}: removes every stopped container (filters: until, label, label!). */
final class ContainersPrune {
    private static final Set<String> KEYS = Set.of("until", "label", "label!");

    private final ContainerServices containers;

    ContainersPrune(ContainerServices containers) {
        this.containers = containers;
    }

    Map<String, Object> prune(Filters filters) {
        filters.validate(KEYS);
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (Container c : containers.store().list()) {
            if (c.state().isRunning() || !matches(c, filters)) {
                continue;
            }
            long size = sizeOf(containers.store().dir(c.id()));
            try {
                containers.lifecycle().remove(c.id(), false, false);
                deleted.add(c.id());
                reclaimed += size;
            } catch (RuntimeException e) {
                // changed state meanwhile: leave it
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ContainersDeleted", deleted);
        out.put("SpaceReclaimed", reclaimed);
        return out;
    }

    private static boolean matches(Container c, Filters f) {
        for (String until : f.get("until")) {
            Instant t;
            try {
                t = until.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(until)) : Instant.parse(until);
            } catch (RuntimeException e) {
                throw new InvalidArgumentException("invalid filter 'until=" + until + "'");
            }
            if (!Instant.parse(c.created()).isBefore(t)) {
                return false;
            }
        }
        if (f.has("label") && !f.matchLabels(c.configView().labels())) {
            return false;
        }
        return true;
    }

    static long sizeOf(Path dir) {
        try (Stream<Path> s = Files.walk(dir.resolve("upper"))) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (Exception e) {
            return 0;
        }
    }
}
