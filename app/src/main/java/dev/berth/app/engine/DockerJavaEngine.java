package dev.berth.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerMount;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PruneType;
import com.github.dockerjava.api.model.ResponseItem;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link Engine} over docker-java and its Apache HttpClient 5 transport (unix socket, npipe or TCP). */
public final class DockerJavaEngine implements Engine {
    private final String endpoint;
    private final boolean tls;
    private final DockerClient client;
    private final DockerClientConfig config;
    private final DockerJavaInside inside;
    private final RawApi raw;
    private RegistryAuths auths = new RegistryAuths(dev.berth.app.credentials.DockerConfigFile::forThisUser);

    public DockerJavaEngine(String endpoint) {
        this(endpoint, "");
    }

    /** A client for {@code c}: over TLS with its certificates when it has them. */
    public static DockerJavaEngine of(Connection c) {
        return new DockerJavaEngine(c.uri(), c.tlsDir());
    }

    /**
     * @param tlsDir empty for a plain connection; else the directory with {@code ca.pem}, {@code cert.pem} and
     *               {@code key.pem}: the engine's certificate is checked against the CA and ours is presented
     */
    public DockerJavaEngine(String endpoint, String tlsDir) {
        this.endpoint = endpoint;
        this.tls = tlsDir != null && !tlsDir.isBlank();
        var builder = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(endpoint);
        if (tlsDir == null || tlsDir.isBlank()) {
            builder.withDockerTlsVerify(false);
        } else {
            builder.withDockerTlsVerify(true).withDockerCertPath(tlsDir);
        }
        this.config = builder.build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(5))
                // No limit on waiting for an answer (a stop waits out its grace period, events and logs stream for
                // hours). Said explicitly because over TLS the HTTP client otherwise keeps the connect timeout it
                // set for the handshake as the socket's read timeout: every stop of a remote engine failed at 5 s.
                .responseTimeout(Duration.ZERO)
                .build();
        this.client = DockerClientImpl.getInstance(config, http);
        this.inside = new DockerJavaInside(client, http, endpoint);
        this.raw = new RawApi(http, endpoint);
    }

    /** Reads registry logins from {@code config} instead of this user's docker configuration (tests, other homes). */
    public DockerJavaEngine withCredentials(dev.berth.app.credentials.DockerConfigFile config) {
        this.auths = new RegistryAuths(() -> config);
        return this;
    }

    @Override
    public EngineVersion version() {
        return call(() -> {
            Version v = client.versionCmd().exec();
            String name = productName(v);
            return new EngineVersion(name, nz(v.getVersion()), nz(v.getApiVersion()), nz(v.getOperatingSystem()),
                    nz(v.getArch()));
        });
    }

    /**
     * The engine's product name. Podman names itself only in a component ("Podman Engine") and puts its platform
     * ("linux/amd64/debian-12") in {@code Platform.Name}; dockerd and berthd put the product there ("Docker Engine
     * - Community", "Berth"); moby builds without a platform name call their component just "Engine".
     */
    static String productName(Version v) {
        List<String> components = v.getComponents() == null ? List.of()
                : v.getComponents().stream().map(c -> c.getName()).filter(Objects::nonNull).toList();
        for (String component : components) {
            if (component.endsWith(" Engine")) {
                return component;
            }
        }
        String platform = v.getPlatform() == null ? null : v.getPlatform().getName();
        if (platform != null && !platform.isBlank() && !platform.contains("/")) {
            return platform;
        }
        if (!components.isEmpty()) {
            return components.getFirst().equals("Engine") ? "Docker Engine" : components.getFirst();
        }
        return "";
    }

    @Override
    public List<ContainerSummary> listContainers() {
        return call(() -> client.listContainersCmd().withShowAll(true).exec().stream().map(this::toSummary).toList());
    }

    private ContainerSummary toSummary(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? c.getId().substring(0, 12)
                : c.getNames()[0].replaceFirst("^/", "");
        List<PortMapping> ports = new ArrayList<>();
        for (ContainerPort p : c.getPorts() == null ? new ContainerPort[0] : c.getPorts()) {
            ports.add(new PortMapping(nz(p.getIp()), p.getPublicPort() == null ? 0 : p.getPublicPort(),
                    p.getPrivatePort() == null ? 0 : p.getPrivatePort(), p.getType() == null ? "tcp" : p.getType()));
        }
        List<String> volumes = c.getMounts() == null ? List.of()
                : c.getMounts().stream().map(ContainerMount::getName).filter(Objects::nonNull).toList();
        return new ContainerSummary(c.getId(), name, nz(c.getImage()), nz(c.getImageId()), nz(c.getState()),
                nz(c.getStatus()), dedupe(ports), Instant.ofEpochSecond(c.getCreated() == null ? 0 : c.getCreated()),
                c.getLabels() == null ? Map.of() : c.getLabels(), volumes);
    }

    /** Engines list a port once per address family (0.0.0.0 and ::); a person wants it once. */
    private static List<PortMapping> dedupe(List<PortMapping> ports) {
        List<PortMapping> out = new ArrayList<>();
        for (PortMapping p : ports) {
            boolean seen = out.stream().anyMatch(o -> o.publicPort() == p.publicPort()
                    && o.privatePort() == p.privatePort() && o.protocol().equals(p.protocol()));
            if (!seen) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public ContainerDetails inspectContainer(String id) {
        return call(() -> {
            InspectContainerResponse r = client.inspectContainerCmd(id).exec();
            var state = r.getState();
            var config = r.getConfig();
            return new ContainerDetails(r.getId(), nz(r.getName()).replaceFirst("^/", ""),
                    config == null ? "" : nz(config.getImage()), state == null ? "" : nz(state.getStatus()),
                    state != null && Boolean.TRUE.equals(state.getRunning()),
                    state == null || state.getExitCodeLong() == null ? 0 : state.getExitCodeLong().intValue(),
                    parseTime(state == null ? null : state.getStartedAt()),
                    config == null || config.getCmd() == null ? List.of() : Arrays.asList(config.getCmd()),
                    config == null || config.getEnv() == null ? List.of() : Arrays.asList(config.getEnv()));
        });
    }

    @Override
    public void startContainer(String id) {
        run(() -> client.startContainerCmd(id).exec());
    }

    @Override
    public void stopContainer(String id) {
        run(() -> client.stopContainerCmd(id).exec());
    }

    @Override
    public void restartContainer(String id) {
        run(() -> client.restartContainerCmd(id).exec());
    }

    @Override
    public String runContainer(RunSpec spec) {
        String id = call(() -> RunCommands.create(client, spec).exec().getId());
        try {
            run(() -> client.startContainerCmd(id).exec());
        } catch (EngineException startFailed) {
            // docker run leaves a "created" container behind when the start fails; a person retrying with the same
            // name would then hit a name conflict, so the app cleans up. --rm containers may already be gone.
            try {
                client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (RuntimeException alreadyGone) {
                // Nothing left to clean up.
            }
            throw startFailed;
        }
        return id;
    }

    @Override
    public SignInResult signIn(String server, String user, String password) {
        return call(() -> {
            AuthConfig auth = new AuthConfig().withUsername(user).withPassword(password)
                    .withRegistryAddress(server == null || server.isBlank() ? AuthConfig.DEFAULT_SERVER_ADDRESS : server);
            AuthResponse r = client.authCmd().withAuthConfig(auth).exec();
            return new SignInResult(r == null ? "" : r.getStatus(), r == null ? "" : r.getIdentityToken());
        });
    }

    @Override
    public void removeContainer(String id, boolean force) {
        run(() -> client.removeContainerCmd(id).withForce(force).withRemoveVolumes(true).exec());
    }

    @Override
    public List<ImageSummary> listImages() {
        return call(() -> client.listImagesCmd().exec().stream().map(DockerJavaEngine::toSummary).toList());
    }

    private static ImageSummary toSummary(Image i) {
        List<String> tags = i.getRepoTags() == null ? List.of()
                : Arrays.stream(i.getRepoTags()).filter(t -> !t.equals("<none>:<none>")).toList();
        return new ImageSummary(i.getId(), tags, Instant.ofEpochSecond(i.getCreated() == null ? 0 : i.getCreated()),
                i.getSize() == null ? 0 : i.getSize());
    }

    @Override
    public void pullImage(String reference, Consumer<PullProgress> progress, Cancellation cancel) {
        ImageReferences.Split ref = split(reference);
        if (CancellableStream.supports(endpoint, tls)) {
            streamCancellably(reference, "/images/create?fromImage=" + query(ref.repository()) + "&tag="
                    + query(ref.tag()), ref.repository(), progress, cancel);
            return;
        }
        // docker-java would add X-Registry-Auth from config.json's own auths only; a credential helper's logins too.
        var cmd = client.pullImageCmd(ref.repository()).withTag(ref.tag());
        auths.forRepository(ref.repository()).ifPresent(cmd::withAuthConfig);
        this.<com.github.dockerjava.api.model.PullResponseItem>stream(reference, progress, cancel, cmd::exec);
    }

    @Override
    public String buildImage(BuildSpec spec, Consumer<BuildMessage> messages, Cancellation cancel) {
        return new ImageBuilds(endpoint, tls, client, auths).build(spec, messages, cancel);
    }

    @Override
    public void pushImage(String reference, Consumer<PullProgress> progress, Cancellation cancel) {
        ImageReferences.Split ref = split(reference);
        if (CancellableStream.supports(endpoint, tls)) {
            streamCancellably(reference, "/images/" + ref.repository() + "/push?tag=" + query(ref.tag()),
                    ref.repository(), progress, cancel);
            return;
        }
        var cmd = client.pushImageCmd(ref.repository()).withTag(ref.tag());
        auths.forRepository(ref.repository()).ifPresent(cmd::withAuthConfig);
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
                    auths.forRepository(repository).orElseGet(AuthConfig::new)));
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

    private static ImageReferences.Split split(String reference) {
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
            run(() -> exec.apply(callback).awaitCompletion());
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

    @Override
    public void removeImage(String idOrReference, boolean force) {
        run(() -> client.removeImageCmd(idOrReference).withForce(force).exec());
    }

    @Override
    public void tagImage(String idOrReference, String repository, String tag) {
        run(() -> client.tagImageCmd(idOrReference, repository, tag).exec());
    }

    @Override
    public PruneResult pruneImages(boolean danglingOnly) {
        return call(() -> new PruneResult(nz(client.pruneCmd(PruneType.IMAGES).withDangling(danglingOnly).exec()
                .getSpaceReclaimed())));
    }

    @Override
    public List<VolumeSummary> listVolumes() {
        return call(() -> {
            var volumes = client.listVolumesCmd().exec().getVolumes();
            return volumes == null ? List.<VolumeSummary>of() : volumes.stream()
                    .map(v -> new VolumeSummary(v.getName(), nz(v.getDriver()), nz(v.getMountpoint()),
                            v.getLabels() == null ? Map.of() : v.getLabels()))
                    .toList();
        });
    }

    @Override
    public void createVolume(String name) {
        run(() -> client.createVolumeCmd().withName(name.isBlank() ? null : name).exec());
    }

    @Override
    public void removeVolume(String name) {
        run(() -> client.removeVolumeCmd(name).exec());
    }

    @Override
    public PruneResult pruneVolumes() {
        return call(() -> new PruneResult(nz(client.pruneCmd(PruneType.VOLUMES).exec().getSpaceReclaimed())));
    }

    @Override
    public List<NetworkSummary> listNetworks() {
        return call(() -> client.listNetworksCmd().exec().stream().map(DockerJavaEngine::toSummary).toList());
    }

    private static NetworkSummary toSummary(Network n) {
        List<String> subnets = n.getIpam() == null || n.getIpam().getConfig() == null ? List.of()
                : n.getIpam().getConfig().stream().map(Network.Ipam.Config::getSubnet).filter(Objects::nonNull).toList();
        return new NetworkSummary(n.getId(), n.getName(), nz(n.getDriver()), nz(n.getScope()),
                Boolean.TRUE.equals(n.getInternal()), subnets);
    }

    @Override
    public String createNetwork(NetworkSpec spec) {
        return call(() -> {
            var cmd = client.createNetworkCmd().withName(spec.name()).withDriver("bridge").withInternal(spec.internal());
            if (!spec.subnet().isBlank()) {
                cmd.withIpam(new Network.Ipam().withConfig(new Network.Ipam.Config().withSubnet(spec.subnet())));
            }
            return cmd.exec().getId();
        });
    }

    @Override
    public void removeNetwork(String idOrName) {
        run(() -> client.removeNetworkCmd(idOrName).exec());
    }

    @Override
    public Subscription events(Consumer<EngineEvent> onEvent, Consumer<EngineException> onEnd) {
        AtomicBoolean closedByUs = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        var callback = new ResultCallback.Adapter<Event>() {
            @Override
            public void onNext(Event e) {
                String type = e.getType() == null ? "" : e.getType().getValue();
                String action = e.getAction() != null ? e.getAction() : nz(e.getStatus());
                String actor = e.getActor() != null && e.getActor().getId() != null ? e.getActor().getId() : nz(e.getId());
                Map<String, String> attributes = new java.util.HashMap<>();
                if (e.getActor() != null && e.getActor().getAttributes() != null) {
                    e.getActor().getAttributes().forEach((k, v) -> {
                        if (k != null && v != null) {
                            attributes.put(k, v);
                        }
                    });
                }
                onEvent.accept(new EngineEvent(type, action, actor, attributes));
            }

            @Override
            public void onError(Throwable t) {
                if (ended.compareAndSet(false, true)) {
                    onEnd.accept(closedByUs.get() ? null : EngineErrors.translate(t, endpoint));
                }
            }

            @Override
            public void onComplete() {
                if (ended.compareAndSet(false, true)) {
                    onEnd.accept(closedByUs.get() ? null
                            : new EngineException("The engine closed its event stream.", 0, null));
                }
            }
        };
        try {
            client.eventsCmd().exec(callback);
        } catch (RuntimeException e) {
            throw EngineErrors.translate(e, endpoint);
        }
        return () -> {
            closedByUs.set(true);
            try {
                callback.close();
            } catch (IOException ignored) {
                // Closing a stream that already ended is harmless.
            }
        };
    }

    @Override
    public ExecSession openTerminal(String containerId, List<String> command, int cols, int rows) {
        return inside.openTerminal(containerId, command, cols, rows);
    }

    @Override
    public ExecResult runCommand(String containerId, List<String> command) {
        return inside.runCommand(containerId, command);
    }

    @Override
    public Subscription logs(String containerId, LogOptions options, Consumer<LogLine> onLine,
                             Consumer<EngineException> onEnd) {
        return inside.logs(containerId, options, onLine, onEnd);
    }

    @Override
    public Subscription stats(String containerId, Consumer<StatsSample> onSample, Consumer<EngineException> onEnd) {
        return inside.stats(containerId, onSample, onEnd);
    }

    @Override
    public FileEntry statPath(String containerId, String path) {
        return inside.statPath(containerId, path);
    }

    @Override
    public java.io.InputStream getArchive(String containerId, String path) {
        return inside.getArchive(containerId, path);
    }

    @Override
    public void putArchive(String containerId, String directory, java.io.InputStream tar) {
        inside.putArchive(containerId, directory, tar);
    }

    @Override
    public String inspectContainerJson(String id) {
        return inside.inspectContainerJson(id);
    }

    @Override
    public String inspectImageJson(String idOrReference) {
        return inside.inspectImageJson(idOrReference);
    }

    @Override
    public String startVolumeHelper(String volume, String image, String mountPoint) {
        return inside.startVolumeHelper(volume, image, mountPoint);
    }

    @Override
    public BerthFeatures berthFeatures() {
        try {
            return ApiJson.berthFeatures(raw.get("/berth/v1/info"));
        } catch (EngineException e) {
            // dockerd and podman know no /berth/ paths: 404 "page not found" (some proxies say 400 or 405).
            if (e.status() == 404 || e.status() == 400 || e.status() == 405) {
                return BerthFeatures.none();
            }
            throw e;
        }
    }

    @Override
    public XRayReport xray(String containerId) {
        return ApiJson.xray(raw.get("/berth/v1/containers/" + segment(containerId) + "/xray"));
    }

    @Override
    public ImageLayers imageLayers(String imageId) {
        return call(() -> {
            var inspect = client.inspectImageCmd(imageId).exec();
            List<String> diffIds = inspect.getRootFS() == null || inspect.getRootFS().getLayers() == null ? List.of()
                    : inspect.getRootFS().getLayers();
            List<String> tags = inspect.getRepoTags() == null ? List.of() : inspect.getRepoTags();
            return new ImageLayers(nz(inspect.getId()), tags, diffIds,
                    ApiJson.history(raw.get("/images/" + segment(imageId) + "/history")));
        });
    }

    @Override
    public long imagePruneEstimate(boolean danglingOnly) {
        return ApiJson.imageReclaim(raw.get("/system/df?type=image"), danglingOnly);
    }

    @Override
    public DiskUsage diskUsage() {
        return ApiJson.diskUsage(raw.get("/system/df"));
    }

    @Override
    public ContainerLoad containerLoad(String containerId) {
        return ApiJson.load(containerId, raw.get("/containers/" + segment(containerId) + "/stats?stream=false"));
    }

    @Override
    public PruneResult pruneContainers() {
        return call(() -> new PruneResult(nz(client.pruneCmd(PruneType.CONTAINERS).exec().getSpaceReclaimed())));
    }

    @Override
    public PruneResult pruneBuildCache() {
        return new PruneResult(raw.post("/build/prune").path("SpaceReclaimed").asLong(0));
    }

    /** An ID, name or image reference in a URL path: as is when it holds only the characters they allow. */
    private static String segment(String s) {
        if (s.matches("[A-Za-z0-9_.:/@-]+")) {
            return s;
        }
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // Nothing left to release.
        }
    }

    private <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw explain(e);
        }
    }

    /**
     * The failure in words. Over TLS 1.3 an engine that refuses our client certificate says so only after the
     * handshake, so all we see is the connection dropping: name the likely cause instead of a bare "Broken pipe".
     */
    private EngineException explain(Throwable e) {
        EngineException x = EngineErrors.translate(e, endpoint);
        String m = x.getMessage();
        if (tls && x.status() == 0 && (m.contains("Broken pipe") || m.contains("Connection reset")
                || m.contains("closed"))) {
            return new EngineException(m + ". The engine may not have accepted this connection's client certificate "
                    + "(cert.pem and key.pem): it must be signed by a CA the engine trusts.", 0, e);
        }
        return x;
    }

    private void run(Blocking action) {
        try {
            action.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while waiting for the engine.", 0, e);
        } catch (RuntimeException e) {
            throw explain(e);
        }
    }

    /** An engine call that may block and be interrupted. */
    private interface Blocking {
        void run() throws InterruptedException;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static long nz(Long l) {
        return l == null ? 0 : l;
    }

    private static Instant parseTime(String s) {
        try {
            return s == null || s.isBlank() ? Instant.EPOCH : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
