/**
 * berthd itself: flags and {@code daemon.json} ({@link dev.berth.runtime.daemon.DaemonConfig}), the start-up
 * checks that make a second daemon fail clearly (root, data-root lock, live socket, pid file), the
 * composition of services and API routes ({@link dev.berth.runtime.daemon.EngineAssembly}), and a clean
 * shutdown on SIGTERM/SIGINT.
 */
package dev.berth.runtime.daemon;
