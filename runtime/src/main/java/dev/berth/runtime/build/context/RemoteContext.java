package dev.berth.runtime.build.context;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code POST /build?remote=URL}: the context comes from an http(s) URL — a tar (any compression), or a plain
 * Dockerfile, as dockerd takes them. Git repositories are refused with a clear error: berthd has no git client.
 */
public final class RemoteContext {
    private final java.util.function.Supplier<HttpClient> http;
    private final ContextReader reader;

    public RemoteContext(java.util.function.Supplier<HttpClient> http, ContextReader reader) {
        this.http = http;
        this.reader = reader;
    }

    /** Downloads {@code url} into {@code workDir} and unpacks it. */
    public BuildContext fetch(String url, Path workDir, String dockerfileName) throws InterruptedException {
        if (isGit(url)) {
            throw new InvalidArgumentException(
                    "building from a git repository (" + url + ") is not supported by berthd: "
                            + "clone it and build the folder, or send a tar URL");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("invalid remote context URL " + url + ": " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidArgumentException(
                    "unsupported remote context " + url + ": only http and https URLs are fetched");
        }
        try {
            Files.createDirectories(workDir);
            Path download = workDir.resolve("remote-context");
            HttpResponse<Path> response = http.get().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(download));
            if (response.statusCode() / 100 != 2) {
                throw new InvalidArgumentException(
                        "downloading the remote context " + url + " failed: HTTP " + response.statusCode());
            }
            try (InputStream in = Files.newInputStream(download)) {
                return reader.read(in, workDir, dockerfileName);
            } finally {
                Files.deleteIfExists(download);
            }
        } catch (IOException e) {
            throw new InvalidArgumentException("downloading the remote context " + url + " failed: " + e.getMessage(),
                    e);
        }
    }

    /** moby's {@code urlutil.IsGitURL}: git schemes, {@code git@}, github.com paths and {@code .git} URLs. */
    static boolean isGit(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("git://") || u.startsWith("git@") || u.startsWith("github.com/") || u.startsWith("git+")
                || u.matches("^https?://.*\\.git(#.*)?$");
    }
}
