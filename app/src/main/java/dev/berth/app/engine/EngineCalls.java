package dev.berth.app.engine;

import java.util.function.Supplier;

/**
 * Runs docker-java calls and turns their failures into {@link EngineException}s in words (see {@link EngineErrors}),
 * naming a client certificate the engine refused where that is the likely cause.
 */
final class EngineCalls {
    private final String endpoint;
    private final boolean tls;

    EngineCalls(String endpoint, boolean tls) {
        this.endpoint = endpoint;
        this.tls = tls;
    }

    <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            throw explain(e);
        }
    }

    /**
     * The failure in words. Over TLS 1.3 an engine that refuses our client certificate says so only after the
     * handshake, so all we see is the connection dropping: name the likely cause instead of a bare "Broken pipe".
     */
    EngineException explain(Throwable e) {
        EngineException x = EngineErrors.translate(e, endpoint);
        String m = x.getMessage();
        if (tls && x.status() == 0 && (m.contains("Broken pipe") || m.contains("Connection reset")
                || m.contains("closed"))) {
            return new EngineException(m + ". The engine may not have accepted this connection's client certificate "
                    + "(cert.pem and key.pem): it must be signed by a CA the engine trusts.", 0, e);
        }
        return x;
    }

    void run(Blocking action) {
        try {
            action.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while waiting for the engine.", 0, e);
        } catch (RuntimeException e) {
            throw explain(e);
        }
    }

    /** An engine call that may block and be interrupted. */
    interface Blocking {
        void run() throws InterruptedException;
    }
}
