/**
 * The X-ray tab of a container: what isolation means for this one container, for people learning what a container
 * is. Processes with their host pids beside their pids inside, namespaces beside the host's, cgroup limits beside
 * usage, the overlay root (image layers below, the container's changes on top), capabilities and seccomp. The data
 * comes from Berth's own endpoint {@code GET /berth/v1/containers/{id}/xray}; engines without it (dockerd, podman)
 * get a sentence saying why the tab is empty. {@link dev.berth.app.xray.XRayView} is a plain Node so the container
 * details window can host it as a tab.
 */
package dev.berth.app.xray;
