/**
 * {@code docker top}: the container's processes from /proc in the columns of {@code ps -ef}, or the host's ps with
 * the client's options, rows kept for the container's pids.
 */
package dev.berth.runtime.container.top;
