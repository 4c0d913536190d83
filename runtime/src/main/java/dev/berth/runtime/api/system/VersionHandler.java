package dev.berth.runtime.api.system;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.ApiVersion;
import dev.berth.runtime.api.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /version}: the engine's version, API range, and the platform it runs on. */
final class VersionHandler implements Handler {
    private final Supplier<HostInfo> host;

    VersionHandler(Supplier<HostInfo> host) {
        this.host = host;
    }

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        res.json(200, describe(host.get(), BerthVersion.buildTime()));
    }

    static VersionResponse describe(HostInfo h, String buildTime) {
        Map<String, String> engine = new LinkedHashMap<>();
        engine.put("ApiVersion", ApiVersion.MAX.toString());
        engine.put("Arch", h.goArch());
        engine.put("BuildTime", buildTime);
        engine.put("Experimental", "false");
        engine.put("GitCommit", BerthVersion.gitCommit());
        engine.put("GoVersion", BerthVersion.javaVersion());
        engine.put("KernelVersion", h.kernelVersion());
        engine.put("MinAPIVersion", ApiVersion.MIN.toString());
        engine.put("Os", "linux");
        Map<String, String> berth = Map.of("GitCommit", BerthVersion.gitCommit());
        return new VersionResponse(
                new VersionResponse.Platform("Berth " + BerthVersion.version()),
                List.of(new VersionResponse.Component("Engine", BerthVersion.ENGINE_COMPAT_VERSION, engine),
                        new VersionResponse.Component("berthd", BerthVersion.version(), berth)),
                BerthVersion.ENGINE_COMPAT_VERSION, ApiVersion.MAX.toString(), ApiVersion.MIN.toString(),
                BerthVersion.gitCommit(), BerthVersion.javaVersion(), "linux", h.goArch(), h.kernelVersion(),
                buildTime);
    }
}
