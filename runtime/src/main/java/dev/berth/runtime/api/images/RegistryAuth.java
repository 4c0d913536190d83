package dev.berth.runtime.api.images;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.image.reference.ImageReference;
import dev.berth.runtime.image.registry.Credentials;
import dev.berth.runtime.image.registry.DockerConfigCredentials;
import java.nio.file.Path;

/** Finds the credentials for a registry request: the client's X-Registry-Auth, else root's docker config. */
final class RegistryAuth {
    private final DockerConfigCredentials fallback;

    RegistryAuth(Path dockerConfigJson) {
        this.fallback = new DockerConfigCredentials(dockerConfigJson);
    }

    Credentials credentialsFor(ApiRequest req, ImageReference ref) {
        Credentials fromHeader = Credentials.fromRegistryAuthHeader(req.header("X-Registry-Auth"));
        return fromHeader.isAnonymous() ? fallback.lookup(ref.domain()) : fromHeader;
    }
}
