package dev.berth.runtime.network;

/** The bridge driver options Berth honours (Docker's names, {@code docker network create -o}). */
public final class BridgeOptions {
    public static final String NAME = "com.docker.network.bridge.name";
    public static final String MASQUERADE = "com.docker.network.bridge.enable_ip_masquerade";
    public static final String ICC = "com.docker.network.bridge.enable_icc";
    public static final String MTU = "com.docker.network.driver.mtu";
    public static final String DEFAULT_BRIDGE = "com.docker.network.bridge.default_bridge";
    public static final String HOST_BINDING = "com.docker.network.bridge.host_binding_ipv4";

    private BridgeOptions() {}
}
