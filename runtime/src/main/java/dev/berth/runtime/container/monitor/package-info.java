/**
 * Containers under conmon: one small C monitor per container, so containers outlive the engine.
 *
 * <p>{@link dev.berth.runtime.container.monitor.ConmonMonitor#create} writes the bundle and starts conmon,
 * which runs {@code runtime create}, reports the pid on the sync pipe and detaches; the engine then calls
 * {@code runtime start}. From then on everything is a file under the container's
 * {@link dev.berth.runtime.container.monitor.ContainerLayout}: the k8s-file log
 * ({@link dev.berth.runtime.container.monitor.LogReader}), the attach socket
 * ({@link dev.berth.runtime.container.monitor.AttachConnection}), the ctl FIFO for resizes
 * ({@link dev.berth.runtime.container.monitor.ConsoleControl}) and the exit file
 * ({@link dev.berth.runtime.container.monitor.ExitFiles}). After an engine restart,
 * {@link dev.berth.runtime.container.monitor.MonitoredContainer#reattach} rebuilds the handle from those files.
 */
package dev.berth.runtime.container.monitor;
