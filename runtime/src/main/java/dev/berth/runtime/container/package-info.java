/**
 * The container side of the engine, wired once ({@link dev.berth.runtime.container.ContainerServices}); the
 * sub-packages hold the model, store, create, run, lifecycle, exec, logs, files, stats and the monitor.
 */
package dev.berth.runtime.container;
