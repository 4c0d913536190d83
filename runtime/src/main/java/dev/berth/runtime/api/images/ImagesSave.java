package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.archive.ImageSaver;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /images/{name}/get} and {@code GET /images/get?names=…}: docker save as a tar stream. */
final class ImagesSave implements Handler {
    private final ImageServices images;
    private final boolean namedInPath;

    /** {@code namedInPath}: the route is {@code /images/{name}/get} rather than {@code /images/get?names=}. */
    ImagesSave(ImageServices images, boolean namedInPath) {
        this.images = images;
        this.namedInPath = namedInPath;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) throws Exception {
        List<String> names = new ArrayList<>();
        if (namedInPath) {
            names.add(req.pathParam("name"));
        }
        names.addAll(req.queryAll("names"));
        if (names.isEmpty()) {
            throw new InvalidArgumentException("no image names given to save");
        }
        // Resolve everything before the first byte, so an unknown name is a clean 404.
        List<ImageSaver.Selection> selection = images.saver().select(names);
        try (OutputStream out = res.stream(200, "application/x-tar")) {
            images.saver().write(selection, out);
        }
    }
}
