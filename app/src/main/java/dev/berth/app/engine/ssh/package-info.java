/**
 * Engines reached over ssh ({@code ssh://user@host[:port]}), as the docker CLI reaches them: the app signs in with the
 * person's keys (the ssh agent, {@code ~/.ssh}), checks the host against {@code ~/.ssh/known_hosts} (an unknown key is
 * refused with its fingerprint until the person trusts it), and runs {@code docker system dial-stdio} on the host
 * ({@code berthd dial-stdio} where there is no docker CLI) for every connection the engine client opens, through a
 * private local socket ({@link dev.berth.app.engine.ssh.SshTunnel}) — so every feature of the app works unchanged.
 */
package dev.berth.app.engine.ssh;
