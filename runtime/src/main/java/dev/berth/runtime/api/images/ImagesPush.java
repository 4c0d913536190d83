package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.api.http.ProgressStream;
import dev.berth.runtime.errors.NotFoundException;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.store.ImageRecord;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /images/{name}/push?tag=}: docker push of one tag, or of every tag of the repository. */
final class ImagesPush implements Handler {
    private final ImageServices images;
    private final RegistryAuth auth;

    ImagesPush(ImageServices images, RegistryAuth auth) {
        this.images = images;
        this.auth = auth;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        ImageReference repo = ImageReference.parse(req.pathParam("name"));
        String tag = req.query("tag");
        List<ImageReference> targets = new ArrayList<>();
        if (tag != null && !tag.isEmpty()) {
            targets.add(repo.withTag(tag));
        } else if (repo.tag() != null) {
            targets.add(repo);
        } else {
            for (ImageRecord image : images.store().list()) {
                for (String t : image.repoTags()) {
                    ImageReference r = ImageReference.parse(t);
                    if (r.repository().equals(repo.repository())) {
                        targets.add(r);
                    }
                }
            }
        }
        if (targets.isEmpty()) {
            throw new NotFoundException("An image does not exist locally with the tag: " + repo.familiarRepository());
        }
        targets.forEach(t -> images.resolver().resolve(t.familiarString()));
        ProgressStream progress = new ProgressStream(res);
        try {
            for (ImageReference target : targets) {
                images.pusher().push(target, auth.credentialsFor(req, target), progress);
            }
            progress.finish();
        } catch (RuntimeException e) {
            progress.fail(e);
        }
    }
}
