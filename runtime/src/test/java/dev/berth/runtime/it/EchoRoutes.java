package dev.berth.runtime.it;

import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Hijacked;
import dev.berth.runtime.api.http.Router;
import java.io.InputStream;
import java.io.OutputStream;

/** Test-only routes: echo a request body as a chunked response, and echo raw bytes over a hijacked connection. */
public final class EchoRoutes implements Routes {
    @Override
    public void register(Router r) {
        r.add("POST", "/test/echo", (req, res) -> {
            try (InputStream in = req.body(); OutputStream out = res.stream(200, "application/octet-stream")) {
                in.transferTo(out);
            }
        });
        r.add("POST", "/test/hijack", (req, res) -> {
            Hijacked h = res.hijack("application/vnd.docker.raw-stream");
            try (h) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = h.in().read(buf)) >= 0) {
                    h.out().write(buf, 0, n);
                }
                // The client half-closed: answer with a last line, then end our side too.
                h.out().write("bye\n".getBytes());
                h.closeWrite();
            }
        });
    }
}
