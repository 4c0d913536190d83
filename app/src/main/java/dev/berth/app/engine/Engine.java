package dev.berth.app.engine;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the app asks of a container engine, in the Docker Engine API's terms. Every method blocks on IO, so call it
 * off the FX thread; every failure is an {@link EngineException} carrying the engine's message.
 */
public interface Engine extends AutoCloseable {

    /** Engine name, version and platform, from {@code GET /version}. */
    EngineVersion version();

    /** All containers, running or not. */
    List<ContainerSummary> listContainers();

    /** One container's details, from {@code GET /containers/{id}/json}. */
    ContainerDetails inspectContainer(String id);

    void startContainer(String id);

    void stopContainer(String id);

    void restartContainer(String id);

    /**
     * {@code docker run -d}: creates a container from {@code spec} and starts it; returns its ID. If the start fails
     * (a port already in use…) the created container is removed again, so the same name can be tried once more.
     */
    String runContainer(RunSpec spec);

    /** Removes a container; {@code force} also kills it if it runs. Anonymous volumes go with it. */
    void removeContainer(String id, boolean force);

    /** Top-level images, one entry per image (an image may carry several tags). */
    List<ImageSummary> listImages();

    /** Pulls {@code reference}, reporting each progress line as it arrives; returns when the pull is done. */
    default void pullImage(String reference, Consumer<PullProgress> progress) {
        pullImage(reference, progress, new Cancellation());
    }

    /**
     * Pulls {@code reference} with the credentials {@code docker login} stored for its registry (if any), reporting
     * each progress line as it arrives; returns when the pull is done, or soon after {@code cancel} fires (then
     * throws an {@link EngineException}).
     */
    void pullImage(String reference, Consumer<PullProgress> progress, Cancellation cancel);

    /**
     * Pushes {@code reference} ({@code repo:tag}) to its registry with the stored credentials (if any), reporting
     * each layer ("Pushing", "Layer already exists", "Pushed") and the final digest line; cancellable as a pull.
     */
    void pushImage(String reference, Consumer<PullProgress> progress, Cancellation cancel);

    /**
     * {@code docker build} of {@code spec}'s folder: each message of the build's stream goes to {@code messages} as
     * it arrives; returns the new image's ID. A failed build (a step failed, the Dockerfile is wrong) is an
     * {@link EngineException} with the engine's message; after {@code cancel} fires the engine stops the build (on
     * unix-socket and plain TCP engines) and this throws an {@link EngineException} too.
     */
    String buildImage(BuildSpec spec, Consumer<BuildMessage> messages, Cancellation cancel);

    /**
     * Checks credentials with the engine ({@code POST /auth}, which asks the registry); throws an
     * {@link EngineException} with the registry's refusal when they are wrong. Stores nothing.
     */
    SignInResult signIn(String server, String user, String password);

    /** Removes an image or one of its tags ({@code idOrReference}); {@code force} removes it even if tagged elsewhere. */
    void removeImage(String idOrReference, boolean force);

    /** Adds the tag {@code repository:tag} to an image. */
    void tagImage(String idOrReference, String repository, String tag);

    /**
     * About how many bytes {@link #pruneImages} would free (from {@code GET /system/df?type=image}: unused images'
     * bytes that no other image shares), to say so before a person confirms.
     */
    long imagePruneEstimate(boolean danglingOnly);

    /** Removes dangling images, or with {@code danglingOnly == false} every image no container uses. */
    PruneResult pruneImages(boolean danglingOnly);

    List<VolumeSummary> listVolumes();

    void createVolume(String name);

    void removeVolume(String name);

    /** Removes volumes no container uses. */
    PruneResult pruneVolumes();

    List<NetworkSummary> listNetworks();

    /** Creates a network and returns its ID. */
    String createNetwork(NetworkSpec spec);

    void removeNetwork(String idOrName);

    /**
     * Follows {@code GET /events} on a background thread: {@code onEvent} gets each event, {@code onEnd} is called
     * once when the stream ends (with the failure, or {@code null} after {@link Subscription#close()}).
     */
    Subscription events(Consumer<EngineEvent> onEvent, Consumer<EngineException> onEnd);

    // ---- Looking inside a container: terminal, logs, stats, files, raw JSON ----

    /**
     * Starts {@code command} in a running container with a TTY of {@code cols} × {@code rows} and attaches to it
     * over a hijacked connection ({@code POST /exec/{id}/start} upgraded to a raw stream).
     */
    ExecSession openTerminal(String containerId, List<String> command, int cols, int rows);

    /** Runs {@code command} in a running container without a TTY and waits for it to finish. */
    ExecResult runCommand(String containerId, List<String> command);

    /**
     * Reads {@code GET /containers/{id}/logs} (always with timestamps) on a background thread, one call of
     * {@code onLine} per complete line; {@code onEnd} is called once when the log ends or fails ({@code null} after
     * {@link Subscription#close()} or the end of a log that is not followed).
     */
    Subscription logs(String containerId, LogOptions options, Consumer<LogLine> onLine,
            Consumer<EngineException> onEnd);

    /** Follows {@code GET /containers/{id}/stats} (about one sample a second); {@code onEnd} as for {@link #logs}. */
    Subscription stats(String containerId, Consumer<StatsSample> onSample, Consumer<EngineException> onEnd);

    /** {@code HEAD /containers/{id}/archive?path=…}: what is at {@code path} (a symlink is not followed). */
    FileEntry statPath(String containerId, String path);

    /** {@code GET /containers/{id}/archive?path=…}: a tar of the file or directory at {@code path}; close it. */
    java.io.InputStream getArchive(String containerId, String path);

    /** {@code PUT /containers/{id}/archive?path=…}: unpacks {@code tar} into the directory {@code directory}. */
    void putArchive(String containerId, String directory, java.io.InputStream tar);

    /** The engine's own JSON for {@code GET /containers/{id}/json}, unparsed. */
    String inspectContainerJson(String id);

    /** The engine's own JSON for {@code GET /images/{name}/json}, unparsed. */
    String inspectImageJson(String idOrReference);

    /**
     * Starts a small idle container from {@code image} (which needs {@code sleep}) with volume {@code volume}
     * mounted at {@code mountPoint}, so the archive API can read and write the volume; remove it when done.
     * Returns its ID.
     */
    String startVolumeHelper(String volume, String image, String mountPoint);
    // Looking inside: Berth's X-ray, image layers and the dashboard's figures.

    /** Berth's own API on this engine ({@code GET /berth/v1/info}); {@link BerthFeatures#none()} on dockerd/podman. */
    BerthFeatures berthFeatures();

    /** The X-ray of a running container ({@code GET /berth/v1/containers/{id}/xray}); 409 when it does not run. */
    XRayReport xray(String containerId);

    /** An image's diff IDs, tags and history. */
    ImageLayers imageLayers(String imageId);

    /** Disk use per kind, from {@code GET /system/df}. */
    DiskUsage diskUsage();

    /** One stats reading of a running container (CPU needs the engine's two samples, so this takes about a second). */
    ContainerLoad containerLoad(String containerId);

    /** Removes every stopped container. */
    PruneResult pruneContainers();

    /** Removes unused build cache. */
    PruneResult pruneBuildCache();

    /** Docker Swarm through this engine: its state, and its nodes, services and tasks where it is a manager. */
    dev.berth.app.engine.swarm.Swarm swarm();

    /** Releases the connection; further calls fail. */
    @Override
    void close();

    /** A running stream that can be stopped. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
