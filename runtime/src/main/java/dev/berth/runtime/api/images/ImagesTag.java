package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.ImageRecord;

/** {@code POST /images/{name}/tag?repo=&tag=}: docker tag; answers 201. */
final class ImagesTag implements Handler {
    private final ImageServices images;

    ImagesTag(ImageServices images) {
        this.images = images;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        ImageRecord image = images.resolver().resolve(req.pathParam("name"));
        String repo = req.query("repo");
        if (repo == null || repo.isEmpty()) {
            throw new InvalidArgumentException("repository name (repo) is required");
        }
        ImageReference target = ImageReference.parse(repo);
        String tag = req.query("tag");
        if (tag != null && !tag.isEmpty()) {
            if (target.tag() != null || target.digest() != null) {
                throw new InvalidArgumentException("refusing to create an ambiguous tag using digest reference");
            }
            target = target.withTag(tag);
        }
        if (target.digest() != null) {
            throw new InvalidArgumentException("refusing to create a tag with a digest reference");
        }
        images.registrar().tag(image.id(), target.withDefaultTag());
        res.status(201);
    }
}
