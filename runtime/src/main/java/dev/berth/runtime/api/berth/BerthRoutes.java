package dev.berth.runtime.api.berth;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.api.system.BerthVersion;
import dev.berth.runtime.container.xray.ContainerXRay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /berth/v1/info} (what Berth's own API offers, so clients can detect it) and
 * {@code GET /berth/v1/containers/{id}/xray} (404 unknown container, 409 not running).
 */
public final class BerthRoutes implements Routes {
    /** The version of Berth's own API; a client that finds it may call every endpoint listed in {@code Features}. */
    public static final String API_VERSION = "1";
    static final String XRAY = "/berth/v1/containers/{id}/xray";

    private final ContainerXRay xray;

    public BerthRoutes(ContainerXRay xray) {
        this.xray = xray;
    }

    @Override
    public void register(Router r) {
        r.add("GET", "/berth/v1/info", (req, res) -> res.json(200, info()));
        r.add("GET", XRAY, (req, res) -> res.json(200, xray.of(req.pathParam("id"))));
    }

    static Map<String, Object> info() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", "berthd");
        body.put("Version", BerthVersion.version());
        body.put("ApiVersion", API_VERSION);
        body.put("Features", List.of("xray"));
        body.put("Endpoints", List.of("GET /berth/v1/info", "GET " + XRAY));
        return body;
    }
}
