package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.store.ImageRecord;
import java.util.Comparator;
import java.util.List;

/** {@code GET /images/json}: docker images, newest first, with docker's filters. */
final class ImagesList implements Handler {
    private final ImageServices images;
    private final ImageViews views;

    ImagesList(ImageServices images, ImageViews views) {
        this.images = images;
        this.views = views;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        var filter = ImageFilters.forList(req.filters(), images.resolver(), images.configs());
        List<ImageRecord> all = images.store().list();
        // As dockerd: an untagged image that is the parent of another (a build step's) shows only with -a.
        boolean showAll = req.queryBool("all", false);
        java.util.Set<dev.berth.runtime.digest.Digest> parents = new java.util.HashSet<>();
        all.forEach(i -> {
            if (i.parent() != null) {
                parents.add(i.parent());
            }
        });
        List<ImageDtos.Summary> out = all.stream()
                .filter(i -> showAll || !i.dangling() || !i.repoDigests().isEmpty() || !parents.contains(i.id()))
                .filter(filter)
                .sorted(Comparator.comparing((ImageRecord i) -> ImageViews.epochSeconds(i.created())).reversed())
                .map(i -> req.filters().has("reference")
                        ? ImageFilters.withMatchingReferencesOnly(i, req.filters().get("reference")) : i)
                .map(i -> views.summary(i, req.version()))
                .toList();
        res.json(200, out);
    }
}
