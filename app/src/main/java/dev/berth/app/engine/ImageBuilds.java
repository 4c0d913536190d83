package dev.berth.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker build} for the app: the folder is streamed as a tar ({@link ContextTar}) to {@code POST /build}, on a
 * connection Cancel really closes (unix socket and plain TCP, see {@link CancellableStream}), so the engine stops the
 * build; engines behind TLS go through docker-java, where Cancel only stops waiting. Credentials for base images
 * travel as {@code X-Registry-Config}, from the same docker config the CLI uses.
 */
final class ImageBuilds {
    private static final Pattern BUILT = Pattern.compile("Successfully built ([0-9a-f]{12,64})");

    private final String endpoint;
    private final boolean tls;
    private final DockerClient client;
    private final RegistryAuths auths;

    ImageBuilds(String endpoint, boolean tls, DockerClient client, RegistryAuths auths) {
        this.endpoint = endpoint;
        this.tls = tls;
        this.client = client;
        this.auths = auths;
    }

    /** What one build's stream said: the image ID it ended with, or its error. */
    private static final class Outcome {
        final AtomicReference<String> imageId = new AtomicReference<>("");
        final AtomicReference<String> error = new AtomicReference<>();

        void accept(BuildMessage m, Consumer<BuildMessage> out) {
            if (!m.imageId().isEmpty()) {
                imageId.set(m.imageId());
            }
            Matcher built = BUILT.matcher(m.stream());
            if (built.find() && imageId.get().isEmpty()) {
                imageId.set(built.group(1));
            }
            out.accept(m);
        }
    }

    String build(BuildSpec spec, Consumer<BuildMessage> out, Cancellation cancel) {
        Outcome outcome = new Outcome();
        InputStream context = context(spec);
        if (CancellableStream.supports(endpoint, tls)) {
            CancellableStream.post(endpoint, path(spec), Map.of("Content-Type", "application/x-tar",
                    "X-Registry-Config", registryConfig()), context, item -> {
                        JsonNode error = item.path("errorDetail").path("message");
                        if (!error.isMissingNode() || item.hasNonNull("error")) {
                            outcome.error.set(error.isMissingNode() ? item.path("error").asText() : error.asText());
                            return;
                        }
                        outcome.accept(new BuildMessage(item.path("stream").asText(""),
                                status(item.path("status").asText(""),
                                        item.path("id").asText(""), item.path("progress").asText("")),
                                item.path("aux").path("ID").asText("")), out);
                    }, cancel);
        } else {
            viaDockerJava(spec, context, outcome, out, cancel);
        }
        if (cancel.isCancelled()) {
            throw new EngineException("Cancelled", 0, null);
        }
        if (outcome.error.get() != null) {
            throw new EngineException(EngineErrors.engineMessage(outcome.error.get()), 0, null);
        }
        return outcome.imageId.get();
    }

    private void viaDockerJava(BuildSpec spec, InputStream context, Outcome outcome, Consumer<BuildMessage> out,
            Cancellation cancel) {
        var cmd = client.buildImageCmd(context).withDockerfilePath(spec.dockerfileOrDefault())
                .withNoCache(spec.noCache())
                .withPull(spec.pull()).withRemove(true).withForcerm(true);
        if (!spec.tags().isEmpty()) {
            cmd = cmd.withTags(new java.util.HashSet<>(spec.tags()));
        }
        if (!spec.target().isEmpty()) {
            cmd = cmd.withTarget(spec.target());
        }
        for (var arg : spec.buildArgs().entrySet()) {
            cmd = cmd.withBuildArg(arg.getKey(), arg.getValue());
        }
        var callback = new ResultCallback.Adapter<BuildResponseItem>() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.isErrorIndicated()) {
                    outcome.error
                            .set(item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : item.getError());
                    return;
                }
                outcome.accept(
                        new BuildMessage(item.getStream(), status(item.getStatus(), item.getId(), item.getProgress()),
                                item.getImageId() == null ? "" : item.getImageId()),
                        out);
            }
        };
        cancel.onCancel(() -> {
            try {
                callback.close();
            } catch (IOException ignored) {
                // already closed
            }
        });
        try {
            cmd.exec(callback).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!cancel.isCancelled()) {
                throw EngineErrors.translate(e, endpoint);
            }
        }
    }

    /** A pull's status line about a base image, as the CLI prints it. */
    private static String status(String status, String id, String progress) {
        if (status == null || status.isEmpty()) {
            return "";
        }
        return (id == null || id.isEmpty() ? "" : id + ": ") + status
                + (progress == null || progress.isEmpty() ? "" : " " + progress);
    }

    /** The context tar, written by a thread of its own as the upload reads it. */
    private static InputStream context(BuildSpec spec) {
        PipedInputStream in = new PipedInputStream(256 * 1024);
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new EngineException("Cannot prepare the build context: " + e.getMessage(), 0, e);
        }
        Thread.ofVirtual().name("berth-context").start(() -> {
            try (out) {
                ContextTar.write(spec.contextDir(), spec.dockerfileOrDefault(), out);
            } catch (IOException e) {
                // The upload stopped reading (cancelled, or the engine refused): nothing more to send.
            }
        });
        return in;
    }

    /** {@code POST /build}'s query, as the CLI writes it. */
    static String path(BuildSpec spec) {
        List<String> q = new ArrayList<>();
        for (String tag : spec.tags()) {
            q.add("t=" + enc(tag));
        }
        q.add("dockerfile=" + enc(spec.dockerfileOrDefault()));
        if (!spec.buildArgs().isEmpty()) {
            try {
                q.add("buildargs=" + enc(RawApi.JSON.writeValueAsString(spec.buildArgs())));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!spec.target().isEmpty()) {
            q.add("target=" + enc(spec.target()));
        }
        if (spec.noCache()) {
            q.add("nocache=1");
        }
        if (spec.pull()) {
            q.add("pull=1");
        }
        q.add("rm=1");
        q.add("forcerm=1");
        return "/build?" + String.join("&", q);
    }

    /** Every registry login of the docker config, as the CLI sends them for base images ({@code X-Registry-Config}). */
    private String registryConfig() {
        try {
            return Base64.getUrlEncoder().encodeToString(RawApi.JSON.writeValueAsBytes(auths.all()));
        } catch (IOException | RuntimeException e) {
            return Base64.getUrlEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
