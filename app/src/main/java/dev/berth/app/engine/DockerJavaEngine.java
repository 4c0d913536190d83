package dev.berth.app.engine;

import static dev.berth.app.engine.DockerJavaMappings.nz;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthResponse;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PruneType;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link Engine} over docker-java and its Apache HttpClient 5 transport (unix socket, npipe or TCP); pulls and pushes
 * go through {@link ImageTransfers}, events through {@link EngineEventStream}, failures are worded by {@link EngineCalls}.
 */
public final class DockerJavaEngine implements Engine {
    private final String endpoint;
    private final boolean tls;
    private final DockerClient client;
    private final DockerClientConfig config;
    private final DockerJavaInside inside;
    private final RawApi raw;
    private final DockerJavaSwarm swarm;
    private final EngineCalls calls;
    private final ImageTransfers transfers;
    private RegistryAuths auths = new RegistryAuths(dev.berth.app.credentials.DockerConfigFile::forThisUser);
    /** The ssh tunnel an ssh:// engine is reached through (set by SshEngines), closed with the client; else null. */
    AutoCloseable tunnel;

    public DockerJavaEngine(String endpoint) {
        this(endpoint, "");
    }

    /** A client for {@code c}: over TLS with its certificates when it has them, through ssh for ssh:// engines. */
    public static DockerJavaEngine of(Connection c) {
        return c.uri().startsWith("ssh://") ? SshEngines.forThisUser(c.uri())
                : new DockerJavaEngine(c.uri(), c.tlsDir());
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
        this.swarm = new DockerJavaSwarm(raw, inside);
        this.calls = new EngineCalls(endpoint, tls);
        this.transfers = new ImageTransfers(endpoint, tls, client, () -> auths, calls);
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
            String name = DockerJavaMappings.productName(v);
            return new EngineVersion(name, nz(v.getVersion()), nz(v.getApiVersion()), nz(v.getOperatingSystem()),
                    nz(v.getArch()));
        });
    }

    @Override
    public List<ContainerSummary> listContainers() {
        return call(() -> client.listContainersCmd().withShowAll(true).exec().stream()
                .map(DockerJavaMappings::container).toList());
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
                    DockerJavaMappings.instant(state == null ? null : state.getStartedAt()),
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
                    .withRegistryAddress(
                            server == null || server.isBlank() ? AuthConfig.DEFAULT_SERVER_ADDRESS : server);
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
        return call(() -> client.listImagesCmd().exec().stream().map(DockerJavaMappings::image).toList());
    }

    @Override
    public void pullImage(String reference, Consumer<PullProgress> progress, Cancellation cancel) {
        transfers.pull(reference, progress, cancel);
    }

    @Override
    public String buildImage(BuildSpec spec, Consumer<BuildMessage> messages, Cancellation cancel) {
        return new ImageBuilds(endpoint, tls, client, auths).build(spec, messages, cancel);
    }

    @Override
    public void pushImage(String reference, Consumer<PullProgress> progress, Cancellation cancel) {
        transfers.push(reference, progress, cancel);
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
        return call(() -> client.listNetworksCmd().exec().stream().map(DockerJavaMappings::network).toList());
    }

    @Override
    public String createNetwork(NetworkSpec spec) {
        return call(() -> {
            var cmd = client.createNetworkCmd().withName(spec.name()).withDriver("bridge")
                    .withInternal(spec.internal());
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
        return EngineEventStream.subscribe(client, endpoint, onEvent, onEnd);
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
    public dev.berth.app.engine.swarm.Swarm swarm() {
        return swarm;
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
        SshEngines.closeQuietly(tunnel);
    }

    private <T> T call(Supplier<T> action) {
        return calls.call(action);
    }

    private void run(EngineCalls.Blocking action) {
        calls.run(action);
    }
}
