package dev.berth.runtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code berthd stop-containers}: stops every running container of the berthd on a socket, as {@code docker stop}
 * would (SIGTERM, then SIGKILL after the grace period). berthd leaves containers running when it stops, so that an
 * upgrade keeps them; a package being removed calls this first, so nothing keeps running from files about to go.
 */
public final class StopContainers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketHttp http;
    private final int graceSeconds;

    public StopContainers(Path socket, int graceSeconds) {
        this.http = new SocketHttp(socket);
        this.graceSeconds = graceSeconds;
    }

    /** Stops them all; returns 0, or 1 when one could not be stopped (each failure said on {@code err}). */
    public int run(PrintStream out, PrintStream err) throws IOException {
        SocketHttp.Reply list = http.send("GET", "/containers/json");
        if (list.status() != 200) {
            throw new IOException("listing containers answered " + list.status() + ": " + list.body().strip());
        }
        int failures = 0;
        for (JsonNode c : JSON.readTree(list.body())) {
            String id = c.path("Id").asText();
            String name = c.path("Names").path(0).asText(id).replaceFirst("^/", "");
            SocketHttp.Reply stopped = http.send("POST", "/containers/" + id + "/stop?t=" + graceSeconds);
            if (stopped.status() == 204 || stopped.status() == 304) {
                out.println("stopped " + name);
            } else {
                failures++;
                err.println("berthd stop-containers: " + name + ": " + stopped.status() + " " + stopped.body().strip());
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
