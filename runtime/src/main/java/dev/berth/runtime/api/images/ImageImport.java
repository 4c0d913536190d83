package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.ProgressStream;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.progress.ProgressMessage;
import dev.berth.runtime.image.reference.ImageReference;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /images/create?fromSrc=-|URL&repo=&tag=&changes=&message=}: docker import of a root filesystem tarball
 * from the request body or an http(s) URL; the stream ends with the new image's ID as its status, which the CLI prints.
 */
final class ImageImport {
    private final ImageServices images;

    ImageImport(ImageServices images) {
        this.images = images;
    }

    void handle(ApiRequest req, ApiResponse res) {
        String source = req.query("fromSrc");
        ImageReference tag = tag(req.query("repo"), req.query("tag"));
        String platformText = req.query("platform");
        Platform platform = platformText == null || platformText.isBlank() ? null : Platform.parse(platformText);
        ProgressStream progress = new ProgressStream(res);
        try (InputStream tarball = open(source, req, progress)) {
            Digest id = images.importer().importTarball(tarball, source, tag, req.queryAll("changes"),
                    req.query("message"),
                    platform);
            progress.emit(ProgressMessage.status(id.toString()));
        } catch (RuntimeException e) {
            progress.fail(e);
        } catch (IOException e) {
            progress.fail(new EngineException("cannot import from " + source + ": " + e.getMessage(), e));
        }
    }

    private InputStream open(String source, ApiRequest req, ProgressStream progress) throws IOException {
        if (source.equals("-")) {
            return req.body();
        }
        progress.emit(ProgressMessage.status("Downloading from " + source));
        return images.importer().download(source);
    }

    /** {@code repo} may carry its tag ({@code name:1}) or leave it to {@code tag}; no repo means an untagged image. */
    private static ImageReference tag(String repo, String tag) {
        if (repo == null || repo.isBlank()) {
            return null;
        }
        ImageReference ref = ImageReference.parse(repo);
        if (ref.digest() != null) {
            throw new InvalidArgumentException("cannot import to a digest reference: " + repo);
        }
        return tag != null && !tag.isBlank() ? ref.withTag(tag) : ref.withDefaultTag();
    }
}
