package dev.berth.app.engine;

/** A container port and, when published, the host address and port it is reachable on ({@code publicPort == 0} if not). */
public record PortMapping(String hostIp, int publicPort, int privatePort, String protocol) {

    public boolean published() {
        return publicPort > 0;
    }

    /** "8080→80/tcp" when published, else "80/tcp". */
    public String display() {
        return published() ? publicPort + "→" + privatePort + "/" + protocol : privatePort + "/" + protocol;
    }
}
