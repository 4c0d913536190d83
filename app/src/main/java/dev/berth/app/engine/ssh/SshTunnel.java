package dev.berth.app.engine.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An ssh engine made local: a unix socket in a private directory (0700) whose every connection becomes an exec
 * channel running {@link SshSettings#dialCommand()} on the host, bytes passed both ways. A few ssh sessions carry
 * them all (a second when the first is full), signed in again when one drops; the engine client sees an ordinary
 * unix socket.
 */
public final class SshTunnel implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("berth.ssh");
    private static final int TIMEOUT_MS = 10_000;

    private final SshTarget target;
    private final SshSettings settings;
    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    /** The signed-in sessions channels are opened on (one until it is full). */
    private final java.util.List<Session> sessions = new java.util.ArrayList<>();
    private volatile boolean closed;

    private SshTunnel(SshTarget target, SshSettings settings, Session session, Path dir) throws IOException {
        this.target = target;
        this.settings = settings;
        this.sessions.add(session);
        this.dir = dir;
        this.socket = dir.resolve("engine.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread.ofPlatform().daemon().name("berth-ssh-" + target.host()).start(this::accept);
    }

    /** Signs in to {@code target} (an unknown host key is an {@link UnknownHostKeyException}) and starts serving. */
    public static SshTunnel open(SshTarget target, SshSettings settings) throws IOException {
        Session session = connect(target, settings);
        Path dir = Files.createTempDirectory("berth-ssh-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            return new SshTunnel(target, settings, session, dir);
        } catch (IOException e) {
            session.disconnect();
            Files.deleteIfExists(dir);
            throw e;
        }
    }

    /** The local socket to give the engine client ({@code unix://} + this). */
    public Path socket() {
        return socket;
    }

    /**
     * Signs in as ssh would: with the agent's keys when an agent holds any, and if the host accepts none of them,
     * with the key files ({@code IdentityFile} of {@code ~/.ssh/config}, then {@code ~/.ssh/id_*}).
     */
    static Session connect(SshTarget target, SshSettings settings) throws IOException {
        boolean agent = agentHasKeys(settings);
        try {
            return connect(target, settings, agent);
        } catch (UnknownHostKeyException e) {
            throw e;
        } catch (IOException e) {
            if (agent && String.valueOf(e.getMessage()).contains("Auth fail") && !keyFiles(target, settings)
                    .isEmpty()) {
                return connect(target, settings, false);
            }
            throw e;
        }
    }

    /** The private keys to offer: the host's own from {@code ~/.ssh/config} first, then ssh's defaults. */
    static List<Path> keyFiles(SshTarget target, SshSettings settings) {
        java.util.LinkedHashSet<Path> keys = new java.util.LinkedHashSet<>();
        target.identities().stream().filter(Files::isReadable).forEach(keys::add);
        keys.addAll(settings.keys());
        return List.copyOf(keys);
    }

    private static Session connect(SshTarget target, SshSettings settings, boolean withAgent) throws IOException {
        JSch jsch = new JSch();
        Session session = null;
        try {
            if (Files.isReadable(settings.knownHosts())) {
                jsch.setKnownHosts(settings.knownHosts().toString());
            }
            if (withAgent) {
                try {
                    jsch.setIdentityRepository(agent(settings));
                } catch (AgentProxyException e) {
                    throw new IOException("cannot reach the ssh agent at " + settings.agentSocket() + ": "
                            + e.getMessage(), e);
                }
            } else {
                for (Path key : keyFiles(target, settings)) {
                    jsch.addIdentity(key.toString());
                }
            }
            session = jsch.getSession(target.user(), target.host(), target.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setServerAliveInterval(15_000);
            session.connect(TIMEOUT_MS);
            return session;
        } catch (JSchException e) {
            String m = String.valueOf(e.getMessage());
            HostKey offered = session == null ? null : session.getHostKey();
            // JSch's words: "reject HostKey" (not in known_hosts, StrictHostKeyChecking=yes), "UnknownHostKey",
            // "HostKey has been changed".
            boolean changed = m.startsWith("HostKey has been changed");
            if (offered != null && (changed || m.startsWith("reject HostKey") || m.startsWith("UnknownHostKey"))) {
                throw new UnknownHostKeyException(target, offered.getType(), fingerprint(offered.getKey()),
                        offered.getKey(), changed);
            }
            throw new IOException("cannot sign in to " + target + " over ssh: " + m
                    + (m.contains("Auth fail") ? " (no key in the ssh agent or " + settings.sshDir()
                            + " is accepted there)" : ""),
                    e);
        }
    }

    /** True when an ssh agent runs (SSH_AUTH_SOCK) and holds at least one key. */
    private static boolean agentHasKeys(SshSettings settings) {
        if (settings.agentSocket().isBlank() || !Files.exists(Path.of(settings.agentSocket()))) {
            return false;
        }
        try {
            return !agent(settings).getIdentities().isEmpty();
        } catch (AgentProxyException | RuntimeException e) {
            return false;
        }
    }

    private static AgentIdentityRepository agent(SshSettings settings) throws AgentProxyException {
        return new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory(),
                Path.of(settings.agentSocket())));
    }

    /** ssh's SHA256 fingerprint: the digest of the key's bytes in unpadded base64. */
    static String fingerprint(String keyBase64) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(keyBase64));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                Thread.ofPlatform().daemon().name("berth-ssh-conn").start(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "ssh tunnel to " + target + " stopped accepting", e);
                }
                return;
            }
        }
    }

    /** One engine connection: an exec channel of its own, bytes copied both ways until either side ends. */
    private void serve(SocketChannel client) {
        Dial dial = null;
        try (client) {
            dial = dial();
            ChannelExec open = dial.channel();
            InputStream fromHost = dial.fromHost();
            OutputStream toHost = dial.toHost();
            ByteArrayOutputStream stderr = dial.stderr();
            Thread up = Thread.ofPlatform().daemon().name("berth-ssh-up").start(() -> {
                try {
                    // Not closed here: closing a channel's stream closes the socket, whose other half still carries
                    // the answer to the client. Flushed after every read: JSch buffers what is written to a
                    // channel, and a request must leave whole while the client waits for its answer.
                    InputStream fromClient = Channels.newInputStream(client);
                    byte[] buf = new byte[32 * 1024];
                    for (int n = fromClient.read(buf); n >= 0; n = fromClient.read(buf)) {
                        toHost.write(buf, 0, n);
                        toHost.flush();
                    }
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "ssh upstream ended: " + e);
                } finally {
                    // The client finished sending (a half-close): tell the host's dial-stdio so.
                    try {
                        toHost.close();
                    } catch (IOException ignored) {
                        open.disconnect();
                    }
                }
            });
            fromHost.transferTo(Channels.newOutputStream(client));
            // The host's side ended (an exec or a log finished): the client sees its end of stream now, not when the
            // copy the other way gives up.
            client.shutdownOutput();
            up.join(TIMEOUT_MS);
            if (open.getExitStatus() > 0 && stderr.size() > 0) {
                LOG.log(System.Logger.Level.WARNING, "on " + target + ": " + stderr.toString().strip());
            }
        } catch (IOException | JSchException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "ssh connection to " + target + " failed: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (dial != null) {
                dial.channel().disconnect();
            }
        }
    }

    /** A connected exec channel running the dial command, and its streams. */
    private record Dial(ChannelExec channel, InputStream fromHost, OutputStream toHost, ByteArrayOutputStream stderr) {}

    /**
     * A channel on a session with room for it: sshd allows ten channels a connection by default (MaxSessions) and an
     * app following events, logs and stats may want more, so a full session gets a sibling (as the docker CLI runs
     * one ssh per connection). Dropped sessions (a laptop that slept) are left behind and signed in anew.
     */
    private Dial dial() throws IOException, JSchException {
        java.util.List<Session> now;
        synchronized (this) {
            sessions.removeIf(s -> !s.isConnected());
            now = java.util.List.copyOf(sessions);
        }
        for (Session s : now) {
            try {
                return dialOn(s);
            } catch (JSchException full) {
                // This session has no room (or just dropped): the next one, or a new one below.
            }
        }
        Session fresh = connect(target, settings);
        synchronized (this) {
            if (closed) {
                fresh.disconnect();
                throw new IOException("the tunnel is closed");
            }
            sessions.add(fresh);
        }
        return dialOn(fresh);
    }

    private Dial dialOn(Session session) throws IOException, JSchException {
        ChannelExec channel = (ChannelExec) session.openChannel("exec");
        channel.setCommand(settings.dialCommand());
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        channel.setErrStream(stderr, true);
        InputStream fromHost = channel.getInputStream();
        OutputStream toHost = channel.getOutputStream();
        channel.connect(TIMEOUT_MS);
        return new Dial(channel, fromHost, toHost, stderr);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing only.
        }
        synchronized (this) {
            sessions.forEach(Session::disconnect);
            sessions.clear();
        }
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // A leftover empty directory in /tmp.
        }
    }
}
