package dev.berth.app.localengine;

import dev.berth.app.engine.Connection;
import dev.berth.machine.MachineConfig;
import dev.berth.machine.MachineControl;
import dev.berth.machine.MachinePaths;
import dev.berth.machine.bridge.DockerContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The two ways the app can run the Berth engine on this computer: natively (Linux, as root, the system service or
 * pkexec) or inside the Berth VM (any OS; on Linux without root). For each: how to start it, how to tell it answers,
 * and the socket the app and the docker CLI reach it on.
 *
 * @param berthHome where Berth is installed (bin/berthd, vm-assets/)
 * @param logFile   the native engine's log when the app starts it
 */
public record LocalEngines(Path berthHome, Path logFile, Map<String, String> env) {
    /** The docker CLI context name, the same one the VM's host writes. */
    public static final String CONTEXT = "berth";

    /** Where the engine runs. */
    public enum Kind {
        NATIVE, VM;

        /** Linux runs berthd natively; macOS and Windows need the VM. */
        public static Kind defaultFor(String osName) {
            return osName.toLowerCase(Locale.ROOT).contains("linux") ? NATIVE : VM;
        }

        /** The stored name back to a kind; anything unknown is the OS's default. */
        public static Kind parse(String stored, String osName) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(stored == null ? "" : stored.strip())) {
                    return k;
                }
            }
            return defaultFor(osName);
        }
    }

    /** The Berth VM's machine (the default one, as {@code berth machine} manages it). */
    public MachineControl machine() {
        return new MachineControl(MachinePaths.of(MachineConfig.DEFAULT_NAME, env),
                MachineControl.thisJvm(berthHome.toString()));
    }

    /** The engine's address: berthd's system socket natively, the VM bridge's socket under {@code ~/.berth}. */
    public String uri(Kind kind) {
        return kind == Kind.NATIVE ? Connection.BERTH_DEFAULT_URI
                : "unix://" + MachinePaths.of(MachineConfig.DEFAULT_NAME, env).engineSocket();
    }

    public EngineLauncher launcher(Kind kind) {
        return kind == Kind.NATIVE
                ? LauncherChoice.forHost(LauncherChoice.Host.current(), berthHome.resolve("bin/berthd"), logFile)
                : new VmLauncher(machine());
    }

    /**
     * Whether the engine is there. For the VM, a machine the resource saver stopped counts as there (the next
     * request wakes it), and asking must not wake it: so its state is read before its socket is.
     */
    public EngineProbe probe(Kind kind) {
        EngineProbe socket = EngineProbe.unixSocket(Path.of(uri(kind).substring("unix://".length())));
        if (kind == Kind.NATIVE) {
            return socket;
        }
        MachineControl m = machine();
        return () -> {
            var s = m.status();
            if (!m.hostRunning()) {
                return false;
            }
            return s.state().equals("stopped") || (s.running() && socket.answers());
        };
    }

    /**
     * Gives this user the docker CLI context {@code berth} for the native engine on the app's first start, so that
     * {@code docker --context berth …} works beside the window; a context of that name that exists (the VM's, or one
     * the person edited) is left as it is. Returns whether one was written.
     */
    public boolean offerDockerContext(Kind kind) throws java.io.IOException {
        Path config = DockerContext.configDir(env);
        if (kind != Kind.NATIVE || DockerContext.exists(config, CONTEXT)) {
            return false;
        }
        DockerContext.write(config, CONTEXT, uri(kind), "Berth engine on this computer");
        return true;
    }

    /** A VM boots for a while under emulation (TCG); a native engine answers in seconds. */
    public Duration startTimeout(Kind kind) {
        return kind == Kind.NATIVE ? Duration.ofSeconds(120) : Duration.ofMinutes(6);
    }

    public LocalEngineController controller(Kind kind) {
        return new LocalEngineController(launcher(kind), probe(kind), startTimeout(kind));
    }
}
