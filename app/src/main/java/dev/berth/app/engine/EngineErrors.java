package dev.berth.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever a docker-java call threw into an {@link EngineException} a person can read. docker-java puts the
 * engine's answer in the message as {@code Status 404: {"message":"No such container: x"}}; we keep only the
 * engine's sentence. Failures to reach the engine become "Cannot reach the engine at …".
 */
public final class EngineErrors {
    private static final Pattern STATUS_PREFIX = Pattern.compile("(?s)^Status (\\d{3}): (.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineErrors() {}

    /** The plain-words form of {@code failure}; {@code endpoint} names the engine for connection failures. */
    public static EngineException translate(Throwable failure, String endpoint) {
        if (failure instanceof EngineException already) {
            return already;
        }
        if (failure instanceof DockerException docker) {
            return new EngineException(engineMessage(docker.getMessage()), docker.getHttpStatus(), failure);
        }
        if (failure instanceof DockerClientException client) {
            return new EngineException(stripJavaNames(client.getMessage()), 0, failure);
        }
        Throwable root = rootCause(failure);
        if (hasCause(failure, javax.net.ssl.SSLException.class)) {
            boolean untrusted = hasCause(failure, java.security.cert.CertPathValidatorException.class)
                    || hasCause(failure, java.security.cert.CertificateException.class);
            return new EngineException(tlsMessage(root, untrusted, endpoint), 0, failure);
        }
        if (!hasCause(failure, java.io.IOException.class) && !hasCause(failure, java.io.UncheckedIOException.class)) {
            // Not the connection: a fault of ours on the way (a missing value, say) must not read as an engine that is down.
            return new EngineException("Berth could not finish the request to " + endpoint + ": " + describe(root), 0,
                    failure);
        }
        return new EngineException("Cannot reach the engine at " + endpoint + ": " + describe(root), 0, failure);
    }

    /** A failed TLS handshake in the terms of the three files a person handed us, not of PKIX. */
    private static String tlsMessage(Throwable root, boolean untrusted, String endpoint) {
        String msg = root.getMessage() == null ? "" : root.getMessage();
        if (untrusted || msg.contains("PKIX") || msg.contains("certification path") || msg.contains("trust anchor")) {
            return "The engine at " + endpoint + " presented a certificate that this connection's ca.pem does not "
                    + "vouch for: check that ca.pem is the CA that signed the engine's certificate.";
        }
        if (msg.contains("bad_certificate") || msg.contains("certificate_required") || msg.contains("unknown_ca")) {
            return "The engine at " + endpoint + " did not accept this connection's client certificate (cert.pem "
                    + "and key.pem): it must be signed by a CA the engine trusts.";
        }
        return "Could not set up TLS with the engine at " + endpoint + ": " + describe(root);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
            if (type.isInstance(cur)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code message} of the engine's JSON body, or the body itself when it is not JSON. */
    static String engineMessage(String raw) {
        if (raw == null || raw.isBlank()) {
            return "The engine refused the request without saying why.";
        }
        String body = raw.strip();
        Matcher m = STATUS_PREFIX.matcher(body);
        if (m.matches()) {
            body = m.group(2).strip();
        }
        if (body.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(body);
                if (node.hasNonNull("message")) {
                    return capitalize(node.get("message").asText().strip());
                }
            } catch (Exception notJson) {
                // Fall through: show the body as the engine sent it.
            }
        }
        return capitalize(body.isEmpty() ? "The engine answered HTTP " + (m.matches() ? m.group(1) : "error") : body);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cur = t;
        while (cur.getCause() != null && cur.getCause() != cur) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static String describe(Throwable root) {
        String msg = root.getMessage();
        if (msg == null || msg.isBlank()) {
            return root.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
        }
        return stripJavaNames(msg);
    }

    /** Drops "java.io.IOException: " style prefixes, which mean nothing to a person. */
    private static String stripJavaNames(String msg) {
        return msg == null ? "" : msg.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ", "")
                .replaceAll("\\[\\d+\\] ", "").strip();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
