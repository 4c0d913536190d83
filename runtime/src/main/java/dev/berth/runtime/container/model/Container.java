package dev.berth.runtime.container.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.digest.Digest;
import java.util.List;

/**
 * Everything the engine keeps about one container, persisted as {@code containers/<id>/container.json}:
 * its configuration as the client sent it (merged with the image's defaults), and its run state.
 * {@code networkingConfig} keeps the request's per-network endpoint settings (aliases, static IPs).
 */
public record Container(
        String id,
        String name,
        String created,
        String imageRef,
        Digest imageId,
        ObjectNode config,
        ObjectNode hostConfig,
        RunState state,
        String path,
        List<String> args,
        List<MountPoint> mounts,
        int restartCount,
        boolean manuallyStopped,
        ObjectNode networkSettings,
        ObjectNode networkingConfig) {

    public ContainerConfig configView() {
        return new ContainerConfig(config);
    }

    public HostConfig hostConfigView() {
        return new HostConfig(hostConfig);
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    public Container withState(RunState s) {
        return new Container(id, name, created, imageRef, imageId, config, hostConfig, s, path, args, mounts,
                restartCount, manuallyStopped, networkSettings, networkingConfig);
    }

    public Container withName(String n) {
        return new Container(id, n, created, imageRef, imageId, config, hostConfig, state, path, args, mounts,
                restartCount, manuallyStopped, networkSettings, networkingConfig);
    }

    public Container withHostConfig(ObjectNode h) {
        return new Container(id, name, created, imageRef, imageId, config, h, state, path, args, mounts, restartCount,
                manuallyStopped, networkSettings, networkingConfig);
    }

    public Container withRestartCount(int n) {
        return new Container(id, name, created, imageRef, imageId, config, hostConfig, state, path, args, mounts, n,
                manuallyStopped, networkSettings, networkingConfig);
    }

    public Container withManuallyStopped(boolean m) {
        return new Container(id, name, created, imageRef, imageId, config, hostConfig, state, path, args, mounts,
                restartCount, m, networkSettings, networkingConfig);
    }

    public Container withNetworkSettings(ObjectNode n) {
        return new Container(id, name, created, imageRef, imageId, config, hostConfig, state, path, args, mounts,
                restartCount, manuallyStopped, n, networkingConfig);
    }

    public Container withNetworkingConfig(ObjectNode n) {
        return new Container(id, name, created, imageRef, imageId, config, hostConfig, state, path, args, mounts,
                restartCount, manuallyStopped, networkSettings, n);
    }
}
