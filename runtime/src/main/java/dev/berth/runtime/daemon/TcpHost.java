package dev.berth.runtime.daemon;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** A {@code -H tcp://ADDRESS:PORT} to serve the API on; the port defaults as dockerd's (2376 with TLS, else 2375). */
record TcpHost(InetSocketAddress address) {
    /** Parses {@code tcp://127.0.0.1:2376}, {@code tcp://[::1]:2376}, {@code tcp://:2376} (every address), {@code tcp://host}. */
    static TcpHost parse(String host, boolean tls) throws StartupException {
        String rest = host.substring("tcp://".length());
        String addr = rest;
        int port = tls ? 2376 : 2375;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && rest.indexOf(']') < colon) {
            addr = rest.substring(0, colon);
            try {
                port = Integer.parseInt(rest.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw bad(host);
            }
        }
        if (port < 0 || port > 65535 || rest.contains("/")) {
            throw bad(host);
        }
        addr = addr.startsWith("[") && addr.endsWith("]") ? addr.substring(1, addr.length() - 1) : addr;
        try {
            InetAddress ip = addr.isEmpty() ? InetAddress.getByName("0.0.0.0") : InetAddress.getByName(addr);
            return new TcpHost(new InetSocketAddress(ip, port));
        } catch (UnknownHostException e) {
            throw new StartupException("cannot listen on " + host + ": unknown host " + addr, 2, null);
        }
    }

    private static StartupException bad(String host) {
        return new StartupException("invalid host '" + host + "': expected tcp://ADDRESS:PORT", 2, null);
    }

    /** Only this machine can connect. */
    boolean loopback() {
        return address.getAddress().isLoopbackAddress();
    }

    @Override
    public String toString() {
        return "tcp://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
