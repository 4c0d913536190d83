package dev.berth.runtime.image.registry;

import dev.berth.runtime.common.Json;
import dev.berth.runtime.errors.EngineException;
import dev.berth.runtime.errors.InvalidArgumentException;
import dev.berth.runtime.digest.DigestMismatchException;
import dev.berth.runtime.image.content.Ingest;
import dev.berth.runtime.image.oci.Descriptor;
import dev.berth.runtime.image.oci.ImageConfig;
import dev.berth.runtime.digest.Digest;
import dev.berth.runtime.image.oci.ImageIndex;
import dev.berth.runtime.image.oci.ImageManifest;
import dev.berth.runtime.image.oci.MediaTypes;
import dev.berth.runtime.image.oci.Platform;
import dev.berth.runtime.image.reference.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Registry operations on one repository with one set of credentials (distribution-spec "pull" and "push"
 * endpoints). Everything read is verified against its digest before it is returned, except streamed blobs,
 * which the content store's {@link Ingest} verifies when the caller commits them.
 */
public final class RegistrySession {
    /** Manifests and configs are small; a larger answer is a misbehaving registry (containerd uses 4 MiB too). */
    static final long MAX_MANIFEST_BYTES = 4L * 1024 * 1024;
    static final long MAX_SMALL_BLOB_BYTES = 32L * 1024 * 1024;
    private static final int COPY_BUFFER = 64 * 1024;

    private final ImageReference repository;
    private final RegistryHttp http;
    private final RegistryErrors.Context context;

    RegistrySession(ImageReference repository, RegistryHttp http, RegistryErrors.Context context) {
        this.repository = repository;
        this.http = http;
        this.context = context;
    }

    /** The repository this session works on (no tag or digest). */
    public ImageReference repository() {
        return repository;
    }

    /**
     * Resolves a tag or digest to a verified single-platform manifest, choosing {@code platform} (the host's
     * when null) from an index. Schema1 manifests are refused, as docker 28 does.
     */
    public ResolvedManifest resolve(String tagOrDigest, Platform platform) {
        String reference = requireReference(tagOrDigest);
        Platform wanted = platform == null ? Platform.host() : platform;
        Fetched top = fetchManifest(reference);
        Digest expected = Digest.isDigest(reference) ? Digest.parse(reference) : top.headerDigest();
        Digest topDigest = verify(top.bytes(), expected, -1, "manifest " + familiar(reference));
        String topType = ManifestMediaTypes.detect(top.contentType(), top.bytes());
        rejectSchema1(topType, reference);
        if (MediaTypes.isManifest(topType)) {
            return new ResolvedManifest(topDigest, topType, null, topDigest, topType, top.bytes(),
                    ManifestChecks.checked(parse(top.bytes(), ImageManifest.class, reference), reference));
        }
        if (!MediaTypes.isIndex(topType)) {
            throw new EngineException("unsupported manifest media type \"" + topType + "\" for " + familiar(reference));
        }
        ImageIndex index = ManifestChecks.checked(parse(top.bytes(), ImageIndex.class, reference), reference);
        Descriptor chosen = PlatformSelector.select(index, wanted);
        Fetched child = fetchManifest(chosen.digest().toString());
        Digest childDigest = verify(child.bytes(), chosen.digest(), chosen.size(),
                "manifest " + chosen.digest() + " of " + familiar(reference));
        String childType = ManifestMediaTypes.detect(child.contentType(), child.bytes());
        rejectSchema1(childType, reference);
        if (!MediaTypes.isManifest(childType)) {
            throw new EngineException("unsupported manifest media type \"" + childType + "\" for " + wanted.display()
                    + " in " + familiar(reference) + ": expected an image manifest");
        }
        return new ResolvedManifest(topDigest, topType, top.bytes(), childDigest, childType, child.bytes(),
                ManifestChecks.checked(parse(child.bytes(), ImageManifest.class, reference), reference));
    }

    /** What a reference names in the registry: its manifest or index, and the platforms it offers. */
    public record Distribution(String mediaType, Digest digest, long size, List<Platform> platforms) {}

    /**
     * Describes {@code tagOrDigest} without choosing a platform ({@code GET /distribution/{name}/json}): an index lists
     * its manifests' platforms (attestation entries, "unknown/unknown", left out), a single manifest the platform in
     * its image config.
     */
    public Distribution describe(String tagOrDigest) {
        String reference = requireReference(tagOrDigest);
        Fetched top = fetchManifest(reference);
        Digest expected = Digest.isDigest(reference) ? Digest.parse(reference) : top.headerDigest();
        Digest digest = verify(top.bytes(), expected, -1, "manifest " + familiar(reference));
        String type = ManifestMediaTypes.detect(top.contentType(), top.bytes());
        rejectSchema1(type, reference);
        List<Platform> platforms = new java.util.ArrayList<>();
        if (MediaTypes.isIndex(type)) {
            for (Descriptor d : ManifestChecks.checked(parse(top.bytes(), ImageIndex.class, reference), reference)
                    .manifests()) {
                if (d.platform() != null && !"unknown".equals(d.platform().os())) {
                    platforms.add(d.platform());
                }
            }
        } else if (MediaTypes.isManifest(type)) {
            ImageManifest manifest = ManifestChecks.checked(parse(top.bytes(), ImageManifest.class, reference),
                    reference);
            ImageConfig config = parse(fetchBlobBytes(manifest.config()), ImageConfig.class, reference);
            platforms.add(new Platform(config.architecture(), config.os(), config.osVersion(), null, config.variant()));
        } else {
            throw new EngineException("unsupported manifest media type \"" + type + "\" for " + familiar(reference));
        }
        return new Distribution(type, digest, top.bytes().length, List.copyOf(platforms));
    }

    /** A small blob (an image config) in memory, verified against digest and size. */
    public byte[] fetchBlobBytes(Descriptor descriptor) {
        if (descriptor.size() > MAX_SMALL_BLOB_BYTES) {
            throw new InvalidArgumentException("blob " + descriptor.digest() + " is too large to fetch into memory ("
                    + descriptor.size() + " bytes)");
        }
        HttpResponse<InputStream> response = http.send(RegistryRequest.get(blobUri(descriptor.digest()), Map.of()));
        expect(response, 200, context);
        try {
            byte[] bytes = RegistryHttp.readBody(response, Math.max(descriptor.size(), 0));
            verify(bytes, descriptor.digest(), descriptor.size(), "blob " + descriptor.digest());
            return bytes;
        } catch (IOException e) {
            throw RegistryHttp.unreachable(http.endpoint().host(),
                    RegistryRequest.get(blobUri(descriptor.digest()), Map.of()), e);
        }
    }

    /**
     * Streams a blob into {@code target.output()}, reporting bytes received so far to {@code progress} (it starts
     * again from 0 after a retry). A transient failure while streaming resets the ingest and starts over after a
     * backoff. The caller commits the ingest, which verifies the digest.
     */
    public void fetchBlob(Descriptor descriptor, Ingest target, LongConsumer progress) {
        RegistryRequest request = RegistryRequest.get(blobUri(descriptor.digest()), Map.of());
        int maxRetries = http.clientOptions().maxRetries();
        for (int retry = 0;; retry++) {
            HttpResponse<InputStream> response = http.send(request);
            expect(response, 200, context);
            try {
                if (target.written() > 0) {
                    target.reset();
                }
                copy(response, target.output(), descriptor, progress);
                return;
            } catch (IOException e) {
                if (retry >= maxRetries) {
                    throw new EngineException("downloading " + descriptor.digest() + " from " + http.endpoint().host()
                            + " failed after " + (retry + 1) + " attempts: " + RegistryHttp.describe(e), e);
                }
                resetQuietly(target, descriptor);
                http.backoff().sleep(retry, null);
            }
        }
    }

    private static void copy(HttpResponse<InputStream> response, OutputStream out, Descriptor descriptor,
            LongConsumer progress) throws IOException {
        long total = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                total += n;
                if (descriptor.size() > 0 && total > descriptor.size()) {
                    // More than announced: a broken or hostile registry; stop before filling the disk.
                    throw new DigestMismatchException("blob " + descriptor.digest() + " is larger than its announced "
                            + descriptor.size() + " bytes");
                }
                if (progress != null) {
                    progress.accept(total);
                }
            }
        }
        out.flush();
        if (descriptor.size() > 0 && total < descriptor.size()) {
            // A connection cut mid-body can look like a clean end of stream: treat it as transient.
            throw new java.io.EOFException("connection closed after " + total + " of " + descriptor.size() + " bytes");
        }
    }

    private static void resetQuietly(Ingest target, Descriptor descriptor) {
        try {
            target.reset();
        } catch (IOException e) {
            throw new EngineException("cannot reset the partial download of " + descriptor.digest() + ": "
                    + e.getMessage(), e);
        }
    }

    /** True if the repository has the blob ({@code HEAD /v2/<name>/blobs/<digest>}). */
    public boolean blobExists(Digest digest) {
        HttpResponse<InputStream> response = http.send(RegistryRequest.head(blobUri(digest)));
        int status = response.statusCode();
        RegistryHttp.discard(response);
        if (status == 200) {
            return true;
        }
        if (status == 404) {
            return false;
        }
        throw RegistryErrors.toException(status, new byte[0], "HEAD", blobUri(digest), context);
    }

    /**
     * Uploads a blob unless the repository has it already: {@code POST} to open an upload, then a monolithic
     * {@code PUT ?digest=}. {@code content} is asked for a fresh stream on every attempt.
     */
    public void pushBlob(Descriptor descriptor, IOSupplier<InputStream> content, LongConsumer progress) {
        if (blobExists(descriptor.digest())) {
            if (progress != null) {
                progress.accept(descriptor.size());
            }
            return;
        }
        URI uploads = http.endpoint().resolve("/v2/" + repository.path() + "/blobs/uploads/");
        HttpResponse<InputStream> started = http.send(new RegistryRequest("POST", uploads,
                Map.of(), () -> HttpRequest.BodyPublishers.noBody(), false));
        expect(started, 202, context);
        String location = started.headers().firstValue("Location").orElseThrow(() -> new EngineException(
                "registry " + http.endpoint().host() + " opened an upload without a Location"));
        RegistryHttp.discard(started);
        URI target = withQuery(http.endpoint().resolve(location),
                "digest=" + urlEncode(descriptor.digest().toString()));
        HttpResponse<InputStream> done = http.send(new RegistryRequest("PUT", target,
                RegistryHttp.headers("Content-Type", "application/octet-stream"),
                () -> HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> counting(content, progress)), descriptor.size()),
                false));
        expect(done, 201, context);
        checkDigestHeader(done, descriptor.digest(), "blob");
        RegistryHttp.discard(done);
    }

    /** Uploads a manifest under a tag or digest and returns its digest (verified against the registry's answer). */
    public Digest pushManifest(String tagOrDigest, String mediaType, byte[] bytes) {
        String reference = requireReference(tagOrDigest);
        Digest digest = Digest.sha256(bytes);
        if (Digest.isDigest(reference) && !Digest.parse(reference).equals(digest)) {
            throw new DigestMismatchException("manifest bytes hash to " + digest + ", not " + reference);
        }
        URI uri = manifestUri(reference);
        HttpResponse<InputStream> response = http.send(new RegistryRequest("PUT", uri,
                RegistryHttp.headers("Content-Type", mediaType), () -> HttpRequest.BodyPublishers.ofByteArray(bytes),
                false));
        expect(response, 201, context.forManifest(familiar(reference)));
        checkDigestHeader(response, digest, "manifest");
        RegistryHttp.discard(response);
        return digest;
    }

    /** Raw manifest bytes with their Content-Type and Docker-Content-Digest. */
    private record Fetched(byte[] bytes, String contentType, Digest headerDigest) {}

    /** The repository's tags, every page of them ({@code GET /v2/<name>/tags/list}). */
    public List<String> tags() {
        return RegistryTags.list(http, repository, context);
    }

    private Fetched fetchManifest(String reference) {
        URI uri = manifestUri(reference);
        HttpResponse<InputStream> response = http.send(RegistryRequest.get(uri,
                RegistryHttp.headers("Accept", MediaTypes.MANIFEST_ACCEPT)));
        expect(response, 200, context.forManifest(familiar(reference)));
        try {
            byte[] bytes = RegistryHttp.readBody(response, MAX_MANIFEST_BYTES);
            String header = response.headers().firstValue("Docker-Content-Digest").orElse(null);
            Digest headerDigest = header != null && Digest.isDigest(header.strip()) ? Digest.parse(header.strip())
                    : null;
            return new Fetched(bytes, response.headers().firstValue("Content-Type").orElse(null), headerDigest);
        } catch (IOException e) {
            throw RegistryHttp.unreachable(http.endpoint().host(), RegistryRequest.get(uri, Map.of()), e);
        }
    }

    /**
     * Hashes {@code bytes} with the expected digest's algorithm (sha256 when nothing is expected) and checks
     * digest and size; returns the digest.
     */
    static Digest verify(byte[] bytes, Digest expected, long expectedSize, String what) {
        if (expectedSize >= 0 && bytes.length != expectedSize) {
            throw new DigestMismatchException(what + " has " + bytes.length + " bytes, expected " + expectedSize);
        }
        if (expected == null) {
            return Digest.sha256(bytes);
        }
        MessageDigest hasher = expected.newHasher();
        Digest actual = Digest.fromHash(expected.algorithm(), hasher.digest(bytes));
        if (!actual.equals(expected)) {
            throw new DigestMismatchException(what + " has digest " + actual + ", expected " + expected);
        }
        return actual;
    }

    private void checkDigestHeader(HttpResponse<?> response, Digest expected, String what) {
        String header = response.headers().firstValue("Docker-Content-Digest").orElse(null);
        if (header != null && Digest.isDigest(header.strip()) && !Digest.parse(header.strip()).equals(expected)) {
            throw new DigestMismatchException("registry stored the " + what + " as " + header.strip()
                    + ", but we sent " + expected);
        }
    }

    private void rejectSchema1(String mediaType, String reference) {
        if (ManifestMediaTypes.isSchema1(mediaType)) {
            throw new EngineException("Docker Image manifest version 2, schema 1 is not supported: "
                    + familiar(reference)
                    + " uses it. Ask its author to push it in the OCI format or Docker Image manifest v2, schema 2"
                    + " (https://docs.docker.com/go/deprecated-image-specs/)");
        }
    }

    private void expect(HttpResponse<InputStream> response, int status, RegistryErrors.Context errorContext) {
        if (response.statusCode() != status && !(status == 201 && response.statusCode() == 200)) {
            throw RegistryHttp.failure(response, errorContext);
        }
    }

    private static <T> T parse(byte[] bytes, Class<T> type, String reference) {
        try {
            return Json.MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new EngineException("invalid " + type.getSimpleName() + " for " + reference + ": "
                    + e.getMessage(), e);
        }
    }

    private static String requireReference(String tagOrDigest) {
        if (tagOrDigest == null || !(ImageReference.isValidTag(tagOrDigest) || Digest.isDigest(tagOrDigest))) {
            throw new InvalidArgumentException("invalid tag or digest \"" + tagOrDigest + "\"");
        }
        return tagOrDigest;
    }

    /** {@code name:tag} or {@code name@digest} in docker's short form, for messages. */
    private String familiar(String reference) {
        return repository.familiarRepository() + (Digest.isDigest(reference) ? "@" : ":") + reference;
    }

    private URI manifestUri(String reference) {
        return http.endpoint().resolve("/v2/" + repository.path() + "/manifests/" + reference);
    }

    private URI blobUri(Digest digest) {
        return http.endpoint().resolve("/v2/" + repository.path() + "/blobs/" + digest);
    }

    private static URI withQuery(URI uri, String param) {
        String s = uri.toString();
        return URI.create(s + (uri.getRawQuery() == null ? "?" : "&") + param);
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static InputStream counting(IOSupplier<InputStream> content, LongConsumer progress) {
        try {
            InputStream in = content.get();
            return progress == null ? in : new ProgressInputStream(in, progress);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
