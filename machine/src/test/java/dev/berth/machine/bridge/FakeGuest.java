package dev.berth.machine.bridge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the guest end of the bridge on a loopback port: it checks the {@code BERTH1 <token>} greeting as
 * berthd's VM bridge does (closing the connection on a wrong one), then either echoes bytes or answers HTTP GETs
 * from a table of canned JSON bodies. Records what it refused and what it was asked.
 */
final class FakeGuest implements AutoCloseable {
    final String token;
    final ServerSocket server;
    final Map<String, String> answers = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    private final boolean http;

    FakeGuest(String token, boolean http) throws IOException {
        this.token = token;
        this.http = http;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            var in = s.getInputStream();
            StringBuilder greeting = new StringBuilder();
            for (int b; (b = in.read()) >= 0 && b != '\n';) {
                greeting.append((char) b);
            }
            if (!greeting.toString().equals("BERTH1 " + token)) {
                refused.add(greeting.toString());
                return;
            }
            OutputStream out = s.getOutputStream();
            if (!http) {
                in.transferTo(out);
                return;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            String requestLine = r.readLine();
            for (String h; (h = r.readLine()) != null && !h.isEmpty();) {
                // headers: not needed
            }
            String path = requestLine.split(" ")[1];
            requests.add(requestLine.split(" ")[0] + " " + path);
            String body = answers.get(path.startsWith("/events") ? "/events" : path);
            byte[] bytes = (body == null ? "{\"message\":\"no such thing\"}" : body).getBytes(StandardCharsets.UTF_8);
            out.write(((body == null ? "HTTP/1.1 404 Not Found" : "HTTP/1.1 200 OK")
                    + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
