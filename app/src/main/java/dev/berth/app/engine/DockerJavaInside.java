package dev.berth.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The "look inside a container" half of {@link DockerJavaEngine}: exec with a TTY, logs, stats, the archive API and
 * raw inspect JSON. Kept apart so the resource-list half stays small. HEAD and raw JSON go through the transport
 * directly because docker-java has no command for them.
 */
final class DockerJavaInside {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GO_MODE_DIR = 1L << 31;
    private static final long GO_MODE_SYMLINK = 1L << 27;
    private static final long GO_MODE_OTHER = (1L << 26) | (1L << 25) | (1L << 24) | (1L << 21);

    private final DockerClient client;
    private final DockerHttpClient http;
    private final String endpoint;

    DockerJavaInside(DockerClient client, DockerHttpClient http, String endpoint) {
        this.client = client;
        this.http = http;
        this.endpoint = endpoint;
    }

    ExecSession openTerminal(String containerId, List<String> command, int cols, int rows) {
        try {
            String execId = client.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                    .withTty(true).withAttachStdin(true).withAttachStdout(true).withAttachStderr(true)
                    .withEnv(List.of("TERM=xterm-256color", "LANG=C.UTF-8"))
                    .exec().getId();
            return new DockerExecSession(client, execId, cols, rows, endpoint);
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
    }

    ExecResult runCommand(String containerId, List<String> command) {
        try {
            String execId = client.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    out.writeBytes(frame.getPayload());
                }
            }).awaitCompletion();
            Long code = client.inspectExecCmd(execId).exec().getExitCodeLong();
            return new ExecResult(code == null ? -1 : code.intValue(), out.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while waiting for the command.", 0, e);
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
    }

    Engine.Subscription logs(String containerId, LogOptions options, Consumer<LogLine> onLine,
            Consumer<EngineException> onEnd) {
        var cmd = client.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTimestamps(true)
                .withFollowStream(options.follow());
        if (options.tail() >= 0) {
            cmd.withTail(options.tail());
        } else {
            cmd.withTailAll();
        }
        if (options.since() != null) {
            cmd.withSince((int) options.since().getEpochSecond());
        }
        LineSplitter out = new LineSplitter(LogLine.Stream.STDOUT, onLine);
        LineSplitter err = new LineSplitter(LogLine.Stream.STDERR, onLine);
        return this.<Frame>follow(cb -> cmd.exec(cb), frame -> {
            if (frame.getStreamType() == StreamType.STDERR) {
                err.accept(frame.getPayload());
            } else {
                out.accept(frame.getPayload());
            }
        }, () -> {
            out.flush();
            err.flush();
        }, onEnd, !options.follow());
    }

    /**
     * Follows {@code GET /services/{id}/logs} with timestamps and details (docker-java's command drops
     * {@code details}, which say which task a line came from); each line reaches {@code onLine} with the details
     * still in front of its text, for the swarm layer to take apart.
     */
    Engine.Subscription serviceLogs(String serviceId, boolean follow, int tail, Consumer<LogLine> onLine,
            Consumer<EngineException> onEnd) {
        String path = "/services/" + enc(serviceId) + "/logs?stdout=1&stderr=1&timestamps=1&details=1&follow="
                + (follow ? 1 : 0) + "&tail=" + (tail < 0 ? "all" : Integer.toString(tail));
        return ServiceLogStream.start(http, endpoint, path, onLine, onEnd);
    }

    Engine.Subscription stats(String containerId, Consumer<StatsSample> onSample, Consumer<EngineException> onEnd) {
        var cmd = client.statsCmd(containerId).withNoStream(false);
        return this.<com.github.dockerjava.api.model.Statistics>follow(cb -> cmd.exec(cb),
                s -> onSample.accept(StatsMapper.toSample(s)), () -> {}, onEnd, false);
    }

    /** Runs a streaming docker-java command; the shared part of logs and stats. */
    private <T> Engine.Subscription follow(java.util.function.Function<ResultCallback.Adapter<T>, ?> start,
            Consumer<T> onItem, Runnable atEnd, Consumer<EngineException> onEnd,
            boolean endIsNormal) {
        AtomicBoolean closedByUs = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        var callback = new ResultCallback.Adapter<T>() {
            @Override
            public void onNext(T item) {
                onItem.accept(item);
            }

            @Override
            public void onError(Throwable t) {
                if (ended.compareAndSet(false, true)) {
                    atEnd.run();
                    onEnd.accept(closedByUs.get() ? null : EngineErrors.translate(t, endpoint));
                }
            }

            @Override
            public void onComplete() {
                if (ended.compareAndSet(false, true)) {
                    atEnd.run();
                    onEnd.accept(closedByUs.get() || endIsNormal ? null
                            : new EngineException("The engine ended the stream (the container stopped).", 0, null));
                }
            }
        };
        try {
            var _ = start.apply(callback); // docker-java hands back the callback it was given
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
        return EngineEventStream.closing(closedByUs, callback);
    }

    FileEntry statPath(String containerId, String path) {
        var request = DockerHttpClient.Request.builder().method("HEAD")
                .path("/containers/" + enc(containerId) + "/archive?path=" + enc(path)).build();
        try (DockerHttpClient.Response r = http.execute(request)) {
            if (r.getStatusCode() != 200) {
                throw new EngineException(r.getStatusCode() == 404 ? "No such file or container: " + path
                        : "The engine answered HTTP " + r.getStatusCode() + " for " + path, r.getStatusCode(), null);
            }
            String header = r.getHeader("X-Docker-Container-Path-Stat");
            if (header == null) {
                throw new EngineException("The engine sent no stat for " + path, 500, null);
            }
            JsonNode n = JSON.readTree(Base64.getDecoder().decode(header.trim()));
            return toEntry(n.path("name").asText(), n.path("mode").asLong(), n.path("size").asLong(),
                    DockerJavaMappings.instant(n.path("mtime").asText()), n.path("linkTarget").asText(""));
        } catch (IOException | IllegalArgumentException e) {
            throw new EngineException("Cannot read the stat of " + path + ": " + e.getMessage(), 0, e);
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
    }

    /** A Go {@code os.FileMode} as the archive header carries it, turned into a {@link FileEntry}. */
    static FileEntry toEntry(String name, long goMode, long size, Instant modified, String linkTarget) {
        FileEntry.Type type = (goMode & GO_MODE_DIR) != 0 ? FileEntry.Type.DIRECTORY
                : (goMode & GO_MODE_SYMLINK) != 0 ? FileEntry.Type.SYMLINK
                : (goMode & GO_MODE_OTHER) != 0 ? FileEntry.Type.OTHER : FileEntry.Type.FILE;
        return new FileEntry(name, type, size, (int) (goMode & 0777), modified, linkTarget);
    }

    InputStream getArchive(String containerId, String path) {
        try {
            return client.copyArchiveFromContainerCmd(containerId, path).exec();
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
    }

    void putArchive(String containerId, String directory, InputStream tar) {
        try {
            client.copyArchiveToContainerCmd(containerId).withRemotePath(directory).withTarInputStream(tar).exec();
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
    }

    String rawJson(String path) {
        var request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build();
        try (DockerHttpClient.Response r = http.execute(request)) {
            String body = new String(r.getBody().readAllBytes(), StandardCharsets.UTF_8);
            if (r.getStatusCode() != 200) {
                throw new EngineException(EngineErrors.engineMessage(body), r.getStatusCode(), null);
            }
            return body;
        } catch (IOException e) {
            throw new EngineException("Cannot read " + path + ": " + e.getMessage(), 0, e);
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
    }

    String inspectContainerJson(String id) {
        return rawJson("/containers/" + enc(id) + "/json");
    }

    String inspectImageJson(String idOrReference) {
        return rawJson("/images/" + enc(idOrReference) + "/json");
    }

    String startVolumeHelper(String volume, String image, String mountPoint) {
        try {
            String id = client.createContainerCmd(image)
                    .withEntrypoint("sleep").withCmd("86400")
                    .withLabels(Map.of("dev.berth.helper", "volume-browser", "dev.berth.volume", volume))
                    .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(volume, new Volume(mountPoint))))
                    .exec().getId();
            client.startContainerCmd(id).exec();
            return id;
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
