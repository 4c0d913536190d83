/**
 * Starting and settling containers and everything between: start, stop, kill, restart, pause, wait, remove,
 * restart policies, attach before start, the OOM check, and network connect/disconnect in any state.
 */
package dev.berth.runtime.container.lifecycle;
