package dev.berth.runtime.api.images;

import dev.berth.runtime.api.system.TimeArg;

import dev.berth.runtime.api.http.Filters;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.image.ImageConfigs;
import dev.berth.runtime.image.ImageResolver;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.ImageRecord;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The filters of {@code docker images} and {@code docker image prune} as one predicate. */
final class ImageFilters {
    private static final Set<String> LIST_KEYS = Set.of("dangling", "reference", "label", "before", "since", "until");

    private ImageFilters() {}

    static Predicate<ImageRecord> forList(Filters filters, ImageResolver resolver, ImageConfigs configs) {
        filters.validate(LIST_KEYS);
        Predicate<ImageRecord> p = image -> true;
        for (String d : filters.get("dangling")) {
            boolean dangling = parseBool(d, "dangling");
            p = p.and(image -> image.repoTags().isEmpty() == dangling);
        }
        if (filters.has("reference")) {
            Set<String> patterns = filters.get("reference");
            p = p.and(image -> patterns.stream().anyMatch(pattern -> matchesReference(image, pattern)));
        }
        if (filters.has("label")) {
            p = p.and(image -> filters.matchLabels(labels(configs, image)));
        }
        for (String before : filters.get("before")) {
            long t = ImageViews.epochSeconds(resolver.resolve(before).created());
            p = p.and(image -> ImageViews.epochSeconds(image.created()) < t);
        }
        for (String since : filters.get("since")) {
            long t = ImageViews.epochSeconds(resolver.resolve(since).created());
            p = p.and(image -> ImageViews.epochSeconds(image.created()) > t);
        }
        for (String until : filters.get("until")) {
            long t = TimeArg.parseNanos(until, java.time.Instant.now(), java.time.ZoneId.systemDefault())
                    / 1_000_000_000L;
            p = p.and(image -> ImageViews.epochSeconds(image.created()) < t);
        }
        return p;
    }

    static Map<String, String> labels(ImageConfigs configs, ImageRecord image) {
        var run = configs.get(image.id()).config();
        return run == null || run.labels() == null ? Map.of() : run.labels();
    }

    /** docker's reference filter: a glob against each tag, or against the repository when the glob has no tag. */
    private static boolean matchesReference(ImageRecord image, String pattern) {
        return image.repoTags().stream().anyMatch(tag -> tagMatches(tag, pattern));
    }

    private static boolean tagMatches(String tag, String pattern) {
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return glob.matches(Path.of(tag)) || glob.matches(Path.of(ImageReference.parse(tag).familiarRepository()));
    }

    /**
     * The image as a reference-filtered list shows it: only the tags (and digests of the repositories) the filter
     * matched, as dockerd does, so {@code docker images REPO} lists that repository's tags and not every other name
     * the same image has.
     */
    static ImageRecord withMatchingReferencesOnly(ImageRecord image, java.util.Set<String> patterns) {
        List<String> tags = image.repoTags().stream().filter(t -> patterns.stream().anyMatch(p -> tagMatches(t, p)))
                .toList();
        java.util.Set<String> repos = new java.util.HashSet<>();
        tags.forEach(t -> repos.add(ImageReference.parse(t).familiarRepository()));
        List<String> digests = image.repoDigests().stream()
                .filter(d -> repos.contains(d.contains("@") ? d.substring(0, d.indexOf('@')) : d)).toList();
        return image.withRepoTags(tags).withRepoDigests(digests);
    }

    private static boolean parseBool(String value, String key) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new InvalidArgumentException("invalid filter '" + key + "=" + value + "'");
        };
    }
}
