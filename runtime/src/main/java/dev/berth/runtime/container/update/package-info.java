/**
 * {@code docker update}: new limits applied to a running container's cgroup through the runtime and recorded in its
 * HostConfig.
 */
package dev.berth.runtime.container.update;
