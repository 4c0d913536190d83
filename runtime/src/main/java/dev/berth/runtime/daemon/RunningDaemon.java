package dev.berth.runtime.daemon;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.ApiServer;
import dev.berth.runtime.api.http.ApiVersion;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.api.http.ServerIdentity;
import dev.berth.runtime.api.system.BerthVersion;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A started berthd: data root locked, pid file written, API served. {@link #start} runs the start-up checks
 * in the order that gives the clearest error; {@link #shutdown} undoes everything it did.
 */
final class RunningDaemon {
    private static final System.Logger LOG = System.getLogger("berth.daemon");
    /** Test hook: comma-separated {@link Routes} classes (public no-arg constructor) served in addition. */
    static final String EXTRA_ROUTES_PROPERTY = "berth.extraRoutes";
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final DaemonConfig config;
    private final DataRootLock lock;
    private final EngineAssembly assembly;
    private final ApiServer server;
    private final List<Path> boundSockets;
    private final VmBridgeListener vmBridge;

    private RunningDaemon(DaemonConfig config, DataRootLock lock, EngineAssembly assembly, ApiServer server,
            List<Path> boundSockets, VmBridgeListener vmBridge) {
        this.config = config;
        this.lock = lock;
        this.assembly = assembly;
        this.server = server;
        this.boundSockets = boundSockets;
        this.vmBridge = vmBridge;
    }

    static RunningDaemon start(DaemonConfig config) throws StartupException {
        StartupPhases phases = StartupPhases.sinceProcessStart();
        RootCheck.requireRoot();
        createDir(config.dataRoot(), "rwx--x--x");
        createDir(config.execRoot(), "rwx------");
        DataRootLock lock = DataRootLock.acquire(config.lockFile());
        List<Path> bound = new ArrayList<>();
        ApiServer server = null;
        EngineAssembly assembly = null;
        VmBridgeListener vmBridge = null;
        try {
            for (Path socket : config.sockets()) {
                SocketGuard.prepare(socket);
            }
            PidFile.write(config.pidFile());
            phases.mark("checks");
            assembly = new EngineAssembly(config, EngineId.loadOrCreate(config.dataRoot()), phases::mark);
            Router router = new Router();
            for (Routes r : assembly.routes()) {
                r.register(router);
            }
            for (Routes r : extraRoutes()) {
                r.register(router);
            }
            server = new ApiServer(router, new ServerIdentity("Berth", BerthVersion.version()));
            phases.mark("routes");
            // TCP first: whoever waits for the unix socket to answer (the service manager, the app) may then use
            // every listener at once.
            for (TcpHost tcp : config.tcpHosts()) {
                server.listenTcp(tcp.address(), config.tls());
                if (config.tls() == null) {
                    LOG.log(Level.WARNING, "serving the API on " + tcp + " without TLS: every process that can reach "
                            + "it controls this machine as root; use --tlsverify");
                } else if (!config.tls().verifyClients()) {
                    LOG.log(Level.WARNING,
                            "serving the API on " + tcp + " with TLS but without --tlsverify: any client "
                                    + "that reaches it controls this machine as root");
                }
            }
            for (Path socket : config.sockets()) {
                server.listen(socket);
                bound.add(socket);
                SocketGuard.restrict(socket);
            }
            if (config.vmBridge() != null) {
                if (config.sockets().isEmpty()) {
                    throw new StartupException("--vm-bridge forwards to a unix socket: add -H unix:///PATH", 2, null);
                }
                vmBridge = VmBridgeListener.start(config.vmBridge(), config.sockets().getFirst());
            }
            phases.mark("listen");
        } catch (StartupException | IOException | RuntimeException e) {
            if (vmBridge != null) {
                vmBridge.close();
            }
            if (server != null) {
                server.close();
            }
            if (assembly != null) {
                assembly.close();
            }
            cleanup(bound, config.pidFile(), lock);
            if (e instanceof StartupException se) {
                throw se;
            }
            throw new StartupException("cannot start: " + e.getMessage(), e);
        }
        LOG.log(Level.INFO, "berthd " + BerthVersion.version() + " started (pid " + ProcessHandle.current().pid()
                + ", data root " + config.dataRoot() + ", API " + ApiVersion.MIN + "-" + ApiVersion.MAX + ")");
        LOG.log(Level.INFO, phases.summary());
        return new RunningDaemon(config, lock, assembly, server, bound, vmBridge);
    }

    /** Stops accepting, lets running requests finish briefly, then removes the socket and pid file and unlocks. */
    void shutdown() {
        LOG.log(Level.INFO, "shutting down");
        if (vmBridge != null) {
            vmBridge.close();
        }
        server.stopAccepting();
        if (!server.awaitIdle(GRACE)) {
            LOG.log(Level.INFO, "closing connections with requests still running (streams such as events)");
        }
        server.close();
        assembly.close();
        cleanup(boundSockets, config.pidFile(), lock);
        LOG.log(Level.INFO, "berthd stopped");
    }

    private static void cleanup(List<Path> sockets, Path pidFile, DataRootLock lock) {
        for (Path s : sockets) {
            deleteQuietly(s);
        }
        deleteQuietly(pidFile);
        try {
            lock.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "releasing the data root lock: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove " + p + ": " + e.getMessage());
        }
    }

    private static void createDir(Path dir, String mode) throws StartupException {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
            }
        } catch (IOException e) {
            throw new StartupException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Routes> extraRoutes() throws StartupException {
        String names = System.getProperty(EXTRA_ROUTES_PROPERTY, "");
        List<Routes> out = new ArrayList<>();
        for (String name : names.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                out.add((Routes) Class.forName(name.trim()).getConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new StartupException("cannot load routes " + name + " from -D" + EXTRA_ROUTES_PROPERTY + ": " + e,
                        e);
            }
        }
        return out;
    }
}
