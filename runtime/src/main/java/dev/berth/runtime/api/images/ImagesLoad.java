package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.api.http.ProgressStream;
import dev.berth.runtime.image.ImageServices;
import java.io.IOException;
import java.io.InputStream;

/** {@code POST /images/load}: docker load of a docker-save tar or an OCI layout. */
final class ImagesLoad implements Handler {
    private final ImageServices images;

    ImagesLoad(ImageServices images) {
        this.images = images;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) throws IOException {
        ProgressStream progress = new ProgressStream(res);
        try (InputStream body = req.body()) {
            images.loader().load(body, progress);
            progress.finish();
        } catch (RuntimeException e) {
            progress.failInStream(e);
        }
    }
}
