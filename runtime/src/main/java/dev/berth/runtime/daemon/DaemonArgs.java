package dev.berth.runtime.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * berthd's command line, with dockerd's flag names. Values are keyed by their {@code daemon.json} names
 * (hosts, data-root, ...) so that {@link ConfigLoader} can tell a flag given both ways.
 */
public final class DaemonArgs {
    /** What the command line asks for. */
    public sealed interface Parsed permits Help, Version, Run, Check, StopContainers, DialStdio {}

    /** {@code -h/--help}. */
    public record Help() implements Parsed {}

    /** {@code -v/--version}. */
    public record Version() implements Parsed {}

    /** Start the daemon with these explicitly given settings (daemon.json names) and config file flag. */
    public record Run(Map<String, Object> flags, String configFile) implements Parsed {}

    private enum Kind { STRING, LIST, INT, BOOL }

    private record Option(String key, Kind kind) {}

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

    static {
        Option host = new Option("hosts", Kind.LIST);
        OPTIONS.put("-H", host);
        OPTIONS.put("--host", host);
        OPTIONS.put("--data-root", new Option("data-root", Kind.STRING));
        OPTIONS.put("--exec-root", new Option("exec-root", Kind.STRING));
        OPTIONS.put("--config-file", new Option("config-file", Kind.STRING));
        Option level = new Option("log-level", Kind.STRING);
        OPTIONS.put("-l", level);
        OPTIONS.put("--log-level", level);
        Option pid = new Option("pidfile", Kind.STRING);
        OPTIONS.put("-p", pid);
        OPTIONS.put("--pidfile", pid);
        OPTIONS.put("--insecure-registry", new Option("insecure-registries", Kind.LIST));
        OPTIONS.put("--registry-mirror", new Option("registry-mirrors", Kind.LIST));
        OPTIONS.put("--max-concurrent-downloads", new Option("max-concurrent-downloads", Kind.INT));
        OPTIONS.put("--bip", new Option("bip", Kind.STRING));
        OPTIONS.put("--default-address-pool", new Option("default-address-pools", Kind.LIST));
        OPTIONS.put("--vm-bridge", new Option("vm-bridge", Kind.STRING));
        OPTIONS.put("--vm-token-file", new Option("vm-token-file", Kind.STRING));
        OPTIONS.put("--tls", new Option("tls", Kind.BOOL));
        OPTIONS.put("--tlsverify", new Option("tlsverify", Kind.BOOL));
        OPTIONS.put("--tlscacert", new Option("tlscacert", Kind.STRING));
        OPTIONS.put("--tlscert", new Option("tlscert", Kind.STRING));
        OPTIONS.put("--tlskey", new Option("tlskey", Kind.STRING));
        Option debug = new Option("debug", Kind.BOOL);
        OPTIONS.put("-D", debug);
        OPTIONS.put("--debug", debug);
    }

    public static final String USAGE = """
            Usage:  berthd [OPTIONS]
                    berthd check [--data-root DIR] [--repair]   check a data root no berthd runs on
                    berthd stop-containers [-H unix://PATH] [-t SECONDS]   stop every running container
                    berthd dial-stdio [-H unix://PATH]   join stdin and stdout to the engine (for ssh:// clients)

            Berth's container engine: serves the Docker Engine API on a unix socket (and on TCP, behind TLS).

            Options:
                  --bip string                      Specify default-bridge IPv4 network (default 172.30.0.1/16)
                  --config-file string              Daemon configuration file (default "/etc/berth/daemon.json")
                  --data-root string                Root directory of persistent state (default "/var/lib/berth")
              -D, --debug                           Enable debug mode
                  --default-address-pool pool-options   Default address pools for user networks, base=CIDR,size=N (default base=172.31.0.0/16,size=24)
                  --exec-root string                Root directory for execution state files (default "/run/berth/exec")
              -h, --help                            Print usage
              -H, --host list                       Daemon socket(s) to listen on: unix://PATH or tcp://ADDRESS:PORT
                                                    (default unix:///run/berth/berth.sock); TCP needs --tlsverify, or
                                                    --tls=false to serve it unauthenticated (loopback addresses only
                                                    without that flag)
                  --insecure-registry list          Enable insecure registry communication
              -l, --log-level string                Set the logging level ("debug"|"info"|"warn"|"error"|"fatal") (default "info")
                  --max-concurrent-downloads int    Set the max concurrent downloads (default 3)
              -p, --pidfile string                  Path to use for daemon PID file (default "<exec-root>/berthd.pid")
                  --registry-mirror list            Preferred registry mirror
                  --tls                             Use TLS; implied by --tlsverify
                  --tlscacert string                Trust certs signed only by this CA (default "/etc/berth/tls/ca.pem")
                  --tlscert string                  Path to TLS certificate file (default "/etc/berth/tls/cert.pem")
                  --tlskey string                   Path to TLS key file (default "/etc/berth/tls/key.pem")
                  --tlsverify                       Use TLS and verify the remote (clients need a certificate from the CA)
              -v, --version                         Print version information and quit
                  --vm-bridge string                Inside the Berth VM: also serve the API on tcp://ADDRESS:PORT, to
                                                    connections that first present the VM's token
                  --vm-token-file string            The file holding that token
            """;

    private DaemonArgs() {}

    /** {@code berthd check [--data-root DIR] [--repair]}: a check of a data root no berthd runs on. */
    public record Check(java.nio.file.Path dataRoot, boolean repair) implements Parsed {}

    private static Check parseCheck(String[] args) throws StartupException {
        java.nio.file.Path root = DaemonConfig.DEFAULT_DATA_ROOT;
        boolean repair = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--repair" -> repair = true;
                case "--data-root" -> {
                    if (i + 1 >= args.length) {
                        throw usage("flag needs an argument: --data-root");
                    }
                    root = java.nio.file.Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--data-root=")) {
                        root = java.nio.file.Path.of(args[i].substring("--data-root=".length()));
                    } else {
                        throw usage("berthd check takes --data-root DIR and --repair, got '" + args[i] + "'");
                    }
                }
            }
        }
        return new Check(root.toAbsolutePath(), repair);
    }

    /** {@code berthd stop-containers}: stop every running container of the berthd on {@code socket}. */
    public record StopContainers(java.nio.file.Path socket, int graceSeconds) implements Parsed {}

    private static StopContainers parseStopContainers(String[] args) throws StartupException {
        java.nio.file.Path socket = DaemonConfig.DEFAULT_SOCKET;
        int grace = 10;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "-H", "--host" -> {
                    if (value == null || !value.startsWith("unix://")) {
                        throw usage("berthd stop-containers: -H takes unix://PATH");
                    }
                    socket = java.nio.file.Path.of(value.substring("unix://".length()));
                    i++;
                }
                case "-t", "--time" -> {
                    try {
                        grace = Integer.parseInt(value == null ? "" : value);
                    } catch (NumberFormatException e) {
                        throw usage("berthd stop-containers: -t takes a number of seconds, got '" + value + "'");
                    }
                    i++;
                }
                default -> throw usage("berthd stop-containers takes -H unix://PATH and -t SECONDS, got '"
                        + args[i] + "'");
            }
        }
        return new StopContainers(socket, grace);
    }

    /** {@code berthd dial-stdio}: stdin and stdout joined to the engine's socket. */
    public record DialStdio(java.nio.file.Path socket) implements Parsed {}

    private static DialStdio parseDialStdio(String[] args) throws StartupException {
        if (args.length == 1) {
            return new DialStdio(DaemonConfig.DEFAULT_SOCKET);
        }
        if (args.length == 3 && (args[1].equals("-H") || args[1].equals("--host")) && args[2].startsWith("unix://")) {
            return new DialStdio(java.nio.file.Path.of(args[2].substring("unix://".length())));
        }
        throw usage("berthd dial-stdio takes -H unix://PATH only");
    }

    /** Parses {@code args}; bad usage is a StartupException with exit code 2. */
    public static Parsed parse(String[] args) throws StartupException {
        if (args.length > 0 && args[0].equals("dial-stdio")) {
            return parseDialStdio(args);
        }
        if (args.length > 0 && args[0].equals("check")) {
            return parseCheck(args);
        }
        if (args.length > 0 && args[0].equals("stop-containers")) {
            return parseStopContainers(args);
        }
        Map<String, Object> flags = new LinkedHashMap<>();
        String configFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return new Help();
            }
            if (arg.equals("-v") || arg.equals("--version")) {
                return new Version();
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (!arg.startsWith("--") && arg.startsWith("-") && arg.length() > 2) {
                // -Hunix:///x and -H=unix:///x, as Go's pflag accepts
                name = arg.substring(0, 2);
                value = arg.charAt(2) == '=' ? arg.substring(3) : arg.substring(2);
            }
            Option opt = OPTIONS.get(name);
            if (opt == null) {
                throw usage(
                        arg.startsWith("-") ? "unknown flag: " + name : "berthd takes no arguments, got '" + arg + "'");
            }
            if (opt.kind() == Kind.BOOL) {
                flags.put(opt.key(), value == null || parseBool(name, value));
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw usage("flag needs an argument: " + name);
                }
                value = args[++i];
            }
            switch (opt.kind()) {
                case LIST -> {
                    @SuppressWarnings("unchecked")
                    List<String> list = (List<String>) flags.computeIfAbsent(opt.key(), k -> new ArrayList<String>());
                    list.add(value);
                }
                case INT -> {
                    try {
                        flags.put(opt.key(), Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw usage("invalid argument \"" + value + "\" for \"" + name + "\": not an integer");
                    }
                }
                default -> {
                    if (opt.key().equals("config-file")) {
                        configFile = value;
                    } else {
                        flags.put(opt.key(), value);
                    }
                }
            }
        }
        return new Run(flags, configFile);
    }

    private static boolean parseBool(String name, String value) throws StartupException {
        return switch (value) {
            case "true", "1", "t", "T", "TRUE", "True" -> true;
            case "false", "0", "f", "F", "FALSE", "False" -> false;
            default -> throw usage("invalid argument \"" + value + "\" for \"" + name + "\": not a boolean");
        };
    }

    private static StartupException usage(String message) {
        return new StartupException(message + "\nSee 'berthd --help'.", 2, null);
    }
}
