package dev.berth.runtime.daemon;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * berthd inside the Berth VM: the TCP address the host's socket bridge reaches through the VM's port forward, and the
 * file holding the VM's secret that each connection must present first ({@code --vm-bridge}, {@code --vm-token-file}).
 */
public record VmBridge(InetSocketAddress listen, Path tokenFile) {}
