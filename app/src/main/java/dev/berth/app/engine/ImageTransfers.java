package dev.berth.app.engine;

import static dev.berth.app.engine.DockerJavaMappings.nz;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.ResponseItem;
import java.io.IOException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Pulls and pushes with their progress streams: on a connection Cancel can close ({@link CancellableStream}) where
 * the transport allows, else through docker-java; with the credentials the docker CLI would send.
 */
final class ImageTransfers {
    private final String endpoint;
    private final boolean tls;
    private final DockerClient client;
    private final Supplier<RegistryAuths> auths;
    private final EngineCalls calls;

    ImageTransfers(String endpoint, boolean tls, DockerClient client, Supplier<RegistryAuths> auths,
            EngineCalls calls) {
        this.endpoint = endpoint;
        this.tls = tls;
        this.client = client;
        this.auths = auths;
        this.calls = calls;
    }

    /** Pulls {@code reference}, reporting progress; Cancel really stops it where the transport allows. */
    void pull(String reference, Consumer<PullProgress> progress, Cancellation cancel) {
        ImageReferences.Split ref = split(reference);
        if (CancellableStream.supports(endpoint, tls)) {
            streamCancellably(reference, "/images/create?fromImage=" + query(ref.repository()) + "&tag="
                    + query(ref.tag()), ref.repository(), progress, cancel);
            return;
        }
        // docker-java would add X-Registry-Auth from config.json's own auths only; a credential helper's logins too.
        var cmd = client.pullImageCmd(ref.repository()).withTag(ref.tag());
        auths.get().forRepository(ref.repository()).ifPresent(cmd::withAuthConfig);
        this.<com.github.dockerjava.api.model.PullResponseItem>stream(reference, progress, cancel, cmd::exec);
    }

    /** Pushes {@code reference}, reporting progress; Cancel really stops it where the transport allows. */
    void push(String reference, Consumer<PullProgress> progress, Cancellation cancel) {
        ImageReferences.Split ref = split(reference);
        if (CancellableStream.supports(endpoint, tls)) {
            streamCancellably(reference, "/images/" + ref.repository() + "/push?tag=" + query(ref.tag()),
                    ref.repository(), progress, cancel);
            return;
        }
        var cmd = client.pushImageCmd(ref.repository()).withTag(ref.tag());
        auths.get().forRepository(ref.repository()).ifPresent(cmd::withAuthConfig);
        this.<com.github.dockerjava.api.model.PushResponseItem>stream(reference, progress, cancel, cmd::exec);
    }

    /**
     * A pull or push on a connection Cancel can really close (see {@link CancellableStream}), with the credentials
     * the docker CLI would send: those config.json or its credential helper holds for the repository's registry.
     */
    private void streamCancellably(String reference, String pathAndQuery, String repository,
            Consumer<PullProgress> progress, Cancellation cancel) {
        AtomicReference<String> streamError = new AtomicReference<>();
        String auth;
        try {
            auth = Base64.getUrlEncoder().encodeToString(RawApi.JSON.writeValueAsBytes(
                    auths.get().forRepository(repository).orElseGet(AuthConfig::new)));
        } catch (IOException e) {
            throw new EngineException("Cannot read the saved registry credentials: " + e.getMessage(), 0, e);
        }
        CancellableStream.post(endpoint, pathAndQuery, auth, item -> {
            JsonNode error = item.path("errorDetail").path("message");
            if (!error.isMissingNode() || item.hasNonNull("error")) {
                streamError.set(error.isMissingNode() ? item.path("error").asText() : error.asText());
                return;
            }
            JsonNode detail = item.path("progressDetail");
            progress.accept(new PullProgress(item.path("id").asText(""), item.path("status").asText(""),
                    detail.path("current").asLong(0), detail.path("total").asLong(0)));
        }, cancel);
        finish(reference, cancel, streamError);
    }

    private static String query(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static ImageReferences.Split split(String reference) {
        try {
            return ImageReferences.split(reference);
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), 400, e);
        }
    }

    /**
     * Follows a pull's or push's progress stream until it ends, reporting each line; an error line in the stream
     * (the registry refused, a layer failed) becomes an {@link EngineException}, and so does a cancellation.
     */
    private <I extends ResponseItem> void stream(String reference, Consumer<PullProgress> progress, Cancellation cancel,
            java.util.function.UnaryOperator<ResultCallback.Adapter<I>> exec) {
        AtomicReference<String> streamError = new AtomicReference<>();
        var callback = new ResultCallback.Adapter<I>() {
            @Override
            public void onNext(I item) {
                if (item.getErrorDetail() != null || item.getError() != null) {
                    streamError.set(item.getErrorDetail() != null ? item.getErrorDetail().getMessage()
                            : item.getError());
                    return;
                }
                var detail = item.getProgressDetail();
                progress.accept(new PullProgress(nz(item.getId()), nz(item.getStatus()),
                        detail == null || detail.getCurrent() == null ? 0 : detail.getCurrent(),
                        detail == null || detail.getTotal() == null ? 0 : detail.getTotal()));
            }
        };
        // Closing the callback closes the response stream: the wait below ends and the engine sees us hang up.
        cancel.onCancel(() -> {
            try {
                callback.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        });
        try {
            calls.run(() -> exec.apply(callback).awaitCompletion());
        } catch (EngineException e) {
            if (!cancel.isCancelled()) {
                throw e;
            }
        }
        finish(reference, cancel, streamError);
    }

    /** A cancelled transfer, or one whose stream carried an error, ends in an {@link EngineException}. */
    private static void finish(String reference, Cancellation cancel, AtomicReference<String> streamError) {
        if (cancel.isCancelled()) {
            throw new EngineException("Cancelled: " + reference, 0, null);
        }
        if (streamError.get() != null) {
            throw new EngineException(EngineErrors.engineMessage(streamError.get()), 500, null);
        }
    }
}
