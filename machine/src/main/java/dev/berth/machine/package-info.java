/**
 * The Berth VM seen from the host. Containers need a Linux kernel: on macOS and Windows, and on Linux for people
 * without root, Berth runs berthd inside a small VM (built by {@code vm-assets/}) and makes it look local.
 *
 * <p>The parts, as lima's drivers and podman's machine split them: a {@link dev.berth.machine.provider.VmProvider}
 * only <em>describes</em> a VM for one hypervisor (QEMU everywhere, vfkit on macOS, WSL2 on Windows) — its command
 * lines are values, built by pure functions and unit-tested on any OS; {@link dev.berth.machine.MachineHost} is the
 * long-running process that owns one VM: it starts it, waits for berthd inside to answer, serves the engine socket on
 * the host ({@link dev.berth.machine.bridge.SocketBridge}), forwards published ports
 * ({@link dev.berth.machine.bridge.PortForwards}) and stops the VM cleanly. {@link dev.berth.machine.cli.MachineCli}
 * ({@code bin/berth machine …}) and the app start and stop that host process and read its state file, so the docker CLI
 * keeps working with the app closed.
 */
package dev.berth.machine;
