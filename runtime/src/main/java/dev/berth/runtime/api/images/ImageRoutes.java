package dev.berth.runtime.api.images;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.image.ImageServices;
import java.nio.file.Path;

/** Registers Docker's image endpoints ({@code /images/…}, {@code /auth}); one handler class per operation. */
public final class ImageRoutes implements Routes {
    private final ImageServices images;
    private final RegistryAuth auth;

    /** {@code dockerConfigJson} is where credentials are looked up when a client sends none. */
    public ImageRoutes(ImageServices images, Path dockerConfigJson) {
        this.images = images;
        this.auth = new RegistryAuth(dockerConfigJson);
    }

    @Override
    public void register(Router r) {
        ImageViews views = new ImageViews(images.configs(), images.layers());
        // Literal paths first: "{name:.*}" would otherwise swallow "json", "get", "load" and "prune".
        r.add("GET", "/images/json", new ImagesList(images, views));
        r.add("POST", "/images/create", new ImagesCreate(images, auth));
        r.add("POST", "/images/load", new ImagesLoad(images));
        r.add("GET", "/images/get", new ImagesSave(images, false));
        r.add("POST", "/images/prune", new ImagesPrune(images));
        r.add("POST", "/auth", new AuthLogin(images));
        r.add("GET", "/images/{name:.*}/json", (req, res) -> res.json(200,
                views.inspect(images.resolver().resolve(req.pathParam("name")), req.version())));
        r.add("GET", "/images/{name:.*}/history",
                (req, res) -> res.json(200, views.history(images.resolver().resolve(req.pathParam("name")))));
        r.add("GET", "/images/{name:.*}/get", new ImagesSave(images, true));
        r.add("POST", "/images/{name:.*}/tag", new ImagesTag(images));
        r.add("POST", "/images/{name:.*}/push", new ImagesPush(images, auth));
        r.add("GET", "/distribution/{name:.*}/json", new DistributionInspect(images, auth));
        r.add("DELETE", "/images/{name:.*}", (req, res) -> res.json(200, images.remover().remove(req.pathParam("name"),
                req.queryBool("force", false), req.queryBool("noprune", false))));
    }
}
