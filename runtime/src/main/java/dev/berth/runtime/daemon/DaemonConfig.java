package dev.berth.runtime.daemon;

import dev.berth.runtime.api.http.ServerTls;
import dev.berth.runtime.network.ipam.BridgeAddress;
import dev.berth.runtime.network.ipam.SubnetPicker;
import java.nio.file.Path;
import java.util.List;

/**
 * berthd's configuration after merging flags, {@code daemon.json} and defaults.
 *
 * @param sockets       unix sockets to serve the API on (from {@code -H unix://PATH})
 * @param configFile    the daemon.json read, or null when there was none
 * @param bip           the default bridge's address and subnet ({@code --bip}), or null for Berth's default
 * @param defaultAddressPools where user networks without a subnet get one ({@code default-address-pools});
 *                      empty for Berth's default
 * @param vmBridge      inside the Berth VM, the token-checked TCP listener the host's bridge reaches; null elsewhere
 * @param tcpHosts      TCP addresses to serve the API on (from {@code -H tcp://ADDRESS:PORT})
 * @param tls           TLS for those ({@code --tls}, {@code --tlsverify}), or null for plain TCP
 */
public record DaemonConfig(List<Path> sockets, Path dataRoot, Path execRoot, LogLevel logLevel, Path pidFile,
        List<String> insecureRegistries, List<String> registryMirrors, int maxConcurrentDownloads,
        boolean debug, Path configFile, BridgeAddress bip, List<SubnetPicker.Pool> defaultAddressPools,
        VmBridge vmBridge, List<TcpHost> tcpHosts, ServerTls tls) {
    public static final Path DEFAULT_SOCKET = Path.of("/run/berth/berth.sock");
    public static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/berth");
    // Below the socket's directory rather than being it: the exec root is root's alone (0700), while members of the
    // berth group must be able to reach /run/berth/berth.sock.
    public static final Path DEFAULT_EXEC_ROOT = Path.of("/run/berth/exec");
    public static final Path DEFAULT_CONFIG_FILE = Path.of("/etc/berth/daemon.json");
    public static final int DEFAULT_MAX_CONCURRENT_DOWNLOADS = 3;
    /** Where --tlscacert, --tlscert and --tlskey look when not given (dockerd looks in ~/.docker). */
    public static final Path DEFAULT_TLS_DIR = Path.of("/etc/berth/tls");

    public DaemonConfig {
        sockets = List.copyOf(sockets);
        insecureRegistries = List.copyOf(insecureRegistries);
        registryMirrors = List.copyOf(registryMirrors);
        defaultAddressPools = List.copyOf(defaultAddressPools);
        tcpHosts = List.copyOf(tcpHosts);
        if (sockets.isEmpty() && tcpHosts.isEmpty()) {
            throw new IllegalArgumentException("at least one socket or TCP address is needed");
        }
    }

    /** The log level in effect: {@code --debug} wins over {@code --log-level}, as in dockerd. */
    public LogLevel effectiveLogLevel() {
        return debug ? LogLevel.DEBUG : logLevel;
    }

    /** {@code <data-root>/berthd.lock}: held while a berthd uses the data root. */
    public Path lockFile() {
        return dataRoot.resolve("berthd.lock");
    }
}
