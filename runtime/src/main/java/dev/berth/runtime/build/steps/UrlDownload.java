package dev.berth.runtime.build.steps;

import dev.berth.runtime.errors.InvalidArgumentException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code ADD https://…}: fetches the file into the build's scratch space. The file is named after the URL's last path
 * element, gets mode 0600 and the server's {@code Last-Modified} time, as dockerd does; it is never unpacked. With
 * {@code --checksum=sha256:…} a download with another digest is refused.
 */
final class UrlDownload {
    /** What was downloaded. */
    record Downloaded(Path file, String name, Instant mtime, String sha256) {}

    private UrlDownload() {}

    static boolean isUrl(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }

    static Downloaded fetch(HttpClient http, String url, Path dir, String checksum) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("invalid URL in ADD: " + url);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty()) {
            name = "__unnamed__";
        }
        Path file = dir.resolve("download");
        try {
            HttpResponse<Path> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(file));
            if (r.statusCode() / 100 != 2) {
                throw new InvalidArgumentException(
                        "ADD failed: downloading " + url + " answered HTTP " + r.statusCode());
            }
            Instant mtime = r.headers().firstValue("Last-Modified").map(UrlDownload::httpDate).orElse(Instant.EPOCH);
            String sha = dev.berth.runtime.build.context.BuildContext.sha256(file);
            if (checksum != null && !checksum.equalsIgnoreCase("sha256:" + sha)) {
                throw new InvalidArgumentException(
                        "ADD failed: the digest of " + url + " is sha256:" + sha + ", not " + checksum);
            }
            return new Downloaded(file, name, mtime, sha);
        } catch (IOException e) {
            throw new InvalidArgumentException("ADD failed: cannot download " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidArgumentException("ADD failed: the download of " + url + " was interrupted");
        }
    }

    private static Instant httpDate(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }
}
