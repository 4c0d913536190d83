/**
 * {@code docker exec}: extra processes in a running container. An exec is first created (a record of what to
 * run, {@link dev.berth.runtime.container.exec.ExecStore}), then started once
 * ({@link dev.berth.runtime.container.exec.ExecService#start}) under conmon in the container's namespaces,
 * with the container's environment and capabilities. Records live in memory, as in dockerd: an engine restart
 * forgets them, the processes themselves keep running under conmon.
 */
package dev.berth.runtime.container.exec;
