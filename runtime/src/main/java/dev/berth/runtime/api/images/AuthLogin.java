package dev.berth.runtime.api.images;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.image.ImageServices;
import dev.berth.runtime.image.registry.Credentials;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /auth}: docker login checks the credentials against the registry and answers "Login Succeeded". */
final class AuthLogin implements Handler {
    private final ImageServices images;

    AuthLogin(ImageServices images) {
        this.images = images;
    }

    /** The body docker login sends (moby registry.AuthConfig). */
    record AuthConfig(@JsonProperty("username") String username, @JsonProperty("password") String password,
            @JsonProperty("serveraddress") String serverAddress, @JsonProperty("identitytoken") String identityToken,
            @JsonProperty("registrytoken") String registryToken) {}

    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        AuthConfig body = req.bodyJson(AuthConfig.class);
        if (body == null) {
            throw new InvalidArgumentException("login needs a JSON body with username, password and serveraddress");
        }
        String server = body.serverAddress() == null || body.serverAddress().isBlank() ? "docker.io"
                : body.serverAddress();
        String token = images.registry().login(server,
                new Credentials(body.username(), body.password(), body.identityToken(), body.registryToken()));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Status", "Login Succeeded");
        out.put("IdentityToken", token == null ? "" : token);
        res.json(200, out);
    }
}
