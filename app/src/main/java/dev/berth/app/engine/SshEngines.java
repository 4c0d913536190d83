package dev.berth.app.engine;

import dev.berth.app.engine.ssh.SshSettings;
import dev.berth.app.engine.ssh.SshTarget;
import dev.berth.app.engine.ssh.SshTunnel;
import java.io.IOException;
import java.nio.file.Path;

/** Engine clients for {@code ssh://} addresses: a docker-java client on the local end of an {@link SshTunnel}. */
public final class SshEngines {
    private SshEngines() {}

    /** With this person's ssh set-up ({@code ~/.ssh}, the agent). */
    static DockerJavaEngine forThisUser(String sshUri) {
        return open(sshUri, SshSettings.forUser(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    /**
     * Signs in and returns a client whose tunnel lives as long as it does; failing to sign in (an unknown host key
     * among the reasons: {@link dev.berth.app.engine.ssh.UnknownHostKeyException} is the cause) is an EngineException.
     */
    public static DockerJavaEngine open(String sshUri, SshSettings settings) {
        SshTunnel tunnel;
        try {
            tunnel = SshTunnel.open(SshTarget.resolve(sshUri, System.getProperty("user.name"), settings), settings);
        } catch (IllegalArgumentException e) {
            throw new EngineException(e.getMessage(), 0, e);
        } catch (IOException e) {
            throw new EngineException(e.getMessage(), 0, e);
        }
        DockerJavaEngine engine = new DockerJavaEngine("unix://" + tunnel.socket(), "");
        engine.tunnel = tunnel;
        return engine;
    }

    static void closeQuietly(AutoCloseable resource) {
        try {
            if (resource != null) {
                resource.close();
            }
        } catch (Exception ignored) {
            // A tunnel only frees its socket and session.
        }
    }
}
