/**
 * What makes berthd inside the VM look local: {@link dev.berth.machine.bridge.SocketBridge} serves the engine socket
 * on the host ({@code ~/.berth/run/docker.sock}) and copies each connection's bytes to the guest after the VM's token
 * ({@link dev.berth.machine.bridge.GuestConnector}); {@link dev.berth.machine.bridge.PortForwards} follows the
 * engine's events and forwards each published port from the host's loopback into the VM; {@link
 * dev.berth.machine.bridge.DockerContext} writes the docker CLI context {@code berth}.
 */
package dev.berth.machine.bridge;
