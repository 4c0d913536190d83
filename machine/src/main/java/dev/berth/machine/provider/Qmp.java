package dev.berth.machine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A QEMU Machine Protocol client over QEMU's unix socket: the capabilities handshake, then commands, with the
 * asynchronous events in between skipped. Port forwards are changed with the monitor's {@code hostfwd_add} and
 * {@code hostfwd_remove}, through {@code human-monitor-command} (QMP has no native command for them); an empty answer
 * means success, anything else is the error text.
 */
public final class Qmp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    private Qmp(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
        read(); // the greeting
        execute(command("qmp_capabilities"));
    }

    /** Connects and negotiates. */
    public static Qmp connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return new Qmp(ch);
    }

    static ObjectNode command(String name) {
        ObjectNode c = JSON.createObjectNode();
        c.put("execute", name);
        return c;
    }

    /** A monitor command line; returns its output ({@code ""} on success for hostfwd_add). */
    public synchronized String human(String commandLine) throws IOException {
        ObjectNode c = command("human-monitor-command");
        c.putObject("arguments").put("command-line", commandLine);
        return execute(c).asText("");
    }

    /** {@code system_powerdown}: the ACPI power button. */
    public synchronized void powerdown() throws IOException {
        execute(command("system_powerdown"));
    }

    /** {@code quit}: QEMU ends now. */
    public synchronized void quit() throws IOException {
        try {
            execute(command("quit"));
        } catch (IOException e) {
            // QEMU may close the socket before answering
        }
    }

    /** Sends a command and returns its {@code return}; an {@code error} answer is an IOException with QEMU's text. */
    private JsonNode execute(ObjectNode command) throws IOException {
        out.write(JSON.writeValueAsBytes(command));
        out.write('\n');
        out.flush();
        while (true) {
            JsonNode reply = read();
            if (reply.has("return")) {
                return reply.get("return");
            }
            if (reply.has("error")) {
                throw new IOException("QEMU refused " + command.path("execute").asText() + ": "
                        + reply.path("error").path("desc").asText());
            }
            // an event ({"event": …}): not the answer
        }
    }

    private JsonNode read() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("QEMU closed its QMP socket");
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
