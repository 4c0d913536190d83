package dev.berth.runtime.api.images;

import dev.berth.runtime.api.system.TimeArg;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.store.ImageRecord;
import java.util.Set;
import java.util.function.Predicate;

/** {@code POST /images/prune}: dangling images by default, every unused image with {@code dangling=false}. */
final class ImagesPrune implements Handler {
    private static final Set<String> KEYS = Set.of("dangling", "until", "label", "label!");

    private final ImageServices images;

    ImagesPrune(ImageServices images) {
        this.images = images;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        Filters filters = req.filters();
        filters.validate(KEYS);
        boolean all = false;
        for (String d : filters.get("dangling")) {
            switch (d.toLowerCase(java.util.Locale.ROOT)) {
                case "false", "0" -> all = true;
                case "true", "1" -> all = false;
                default -> throw new InvalidArgumentException("invalid filter 'dangling=" + d + "'");
            }
        }
        Predicate<ImageRecord> p = image -> true;
        for (String until : filters.get("until")) {
            long t = TimeArg.parseNanos(until, java.time.Instant.now(), java.time.ZoneId.systemDefault())
                    / 1_000_000_000L;
            p = p.and(image -> ImageViews.epochSeconds(image.created()) < t);
        }
        if (filters.has("label")) {
            p = p.and(image -> filters.matchLabels(ImageFilters.labels(images.configs(), image)));
        }
        for (String negated : filters.get("label!")) {
            p = p.and(image -> !labelMatches(ImageFilters.labels(images.configs(), image), negated));
        }
        res.json(200, images.pruner().prune(all, p));
    }

    private static boolean labelMatches(java.util.Map<String, String> labels, String filter) {
        int eq = filter.indexOf('=');
        return eq < 0 ? labels.containsKey(filter)
                : filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
    }
}
