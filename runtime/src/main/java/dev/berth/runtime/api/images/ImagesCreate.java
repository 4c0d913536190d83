package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.api.http.ProgressStream;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.reference.ImageReference;

/** {@code POST /images/create?fromImage=&tag=&platform=}: docker pull, streaming docker's progress lines. */
final class ImagesCreate implements Handler {
    private static final System.Logger LOG = System.getLogger("berth.api");
    private final ImageServices images;
    private final RegistryAuth auth;

    ImagesCreate(ImageServices images, RegistryAuth auth) {
        this.images = images;
        this.auth = auth;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        String from = req.query("fromImage");
        if (req.query("fromSrc") != null) {
            new ImageImport(images).handle(req, res);
            return;
        }
        if (from == null || from.isBlank()) {
            throw new InvalidArgumentException("fromImage is required");
        }
        ImageReference parsed = ImageReference.parse(from);
        String tag = req.query("tag");
        boolean allTags = (tag == null || tag.isEmpty()) && parsed.tag() == null && parsed.digest() == null;
        ImageReference ref = allTags ? parsed : withTag(parsed, tag);
        String platformText = req.query("platform");
        Platform platform = platformText == null || platformText.isBlank() ? null : Platform.parse(platformText);
        ProgressStream progress = new ProgressStream(res);
        // A client that hangs up (Ctrl+C on docker pull, Cancel in the app) cancels its pull, as with dockerd:
        // the registry reads are interrupted. Layers already stored stay and a later pull reuses them.
        PullCancellation cancellation = new PullCancellation(Thread.currentThread());
        res.onClientGone(cancellation::clientGone);
        try {
            if (allTags) {
                images.puller().pullAllTags(ref, platform, auth.credentialsFor(req, ref), progress);
            } else {
                images.puller().pull(ref, platform, auth.credentialsFor(req, ref), progress);
            }
            progress.finish();
        } catch (RuntimeException e) {
            if (cancellation.cancelled()) {
                LOG.log(System.Logger.Level.INFO,
                        "pull of " + ref.familiarString() + " cancelled: the client went away");
            } else {
                progress.fail(e);
            }
        } finally {
            cancellation.finished();
        }
    }

    /** The {@code tag} parameter is a tag or a digest (empty, with none in fromImage, means "all tags"). */
    private static ImageReference withTag(ImageReference ref, String tag) {
        if (tag == null || tag.isEmpty()) {
            return ref;
        }
        return Digest.isDigest(tag) ? ref.withoutTagOrDigest().withDigest(Digest.parse(tag)) : ref.withTag(tag);
    }
}
