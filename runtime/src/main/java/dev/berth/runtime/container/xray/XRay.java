package dev.berth.runtime.container.xray;

import java.util.List;

/** Everything the X-ray shows of one running container (the body of {@code GET /berth/v1/containers/{id}/xray}). */
public record XRay(String id, String name, String image, long hostPid, List<ProcessEntry> processes,
        List<NamespaceEntry> namespaces, CgroupLimits cgroup, OverlayView overlay, SecurityView security) {}
