package dev.berth.runtime.api.http;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one request on its virtual thread: checks the version prefix, finds the route, calls the handler
 * and turns what it throws into Docker's error JSON (before commit) or a closed connection (after).
 */
final class Dispatcher {
    private static final System.Logger LOG = System.getLogger("berth.api");

    private final Router router;
    private final AtomicInteger inFlight = new AtomicInteger();

    Dispatcher(Router router) {
        this.router = router;
    }

    /** Requests whose handler is still running. */
    int inFlight() {
        return inFlight.get();
    }

    void dispatch(HttpRequest request, InputStream body, ApiResponse res) {
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        String method = request.method().name();
        try {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            VersionedPath vp = VersionedPath.parse(uri.path());
            switch (router.match(method, vp.path())) {
                case RouteMatch.NotFound n -> res.json(404, new ErrorMessage("page not found"));
                case RouteMatch.MethodNotAllowed m -> {
                    res.header("Allow", String.join(", ", m.allowed()));
                    res.json(405, new ErrorMessage("method " + method + " not allowed for " + vp.path()));
                }
                case RouteMatch.Found found -> {
                    ApiRequest req = new ApiRequest(method, vp.path(), found.params(), queryOf(uri),
                            request.headers(), vp.version(), body);
                    found.handler().handle(req, res);
                    if (!res.committed()) {
                        // A handler that wrote nothing succeeded with nothing to say, as a Go handler does.
                        res.status(200);
                    }
                    res.finishOpenStream();
                }
            }
        } catch (Throwable t) {
            fail(request, res, t);
        } finally {
            inFlight.decrementAndGet();
            LOG.log(Level.DEBUG, () -> "%s %s -> %d (%d ms)".formatted(method, request.uri(), res.sentStatus(),
                    (System.nanoTime() - start) / 1_000_000));
        }
    }

    /** The query's parameters; a query that does not decode (a stray {@code %}) is the client's error, as in Go. */
    private static java.util.Map<String, java.util.List<String>> queryOf(QueryStringDecoder uri) {
        try {
            return uri.parameters();
        } catch (IllegalArgumentException e) {
            throw new dev.berth.runtime.errors.InvalidArgumentException("invalid query: " + e.getMessage());
        }
    }

    private static void fail(HttpRequest request, ApiResponse res, Throwable t) {
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String what = request.method() + " " + request.uri();
        if (res.committed()) {
            // Too late for an error status: the client learns of it from the connection ending early.
            if (!(t instanceof IOException) || !res.clientGone()) {
                LOG.log(Level.WARNING, "request " + what + " failed after the response started", t);
            }
            res.abort();
            return;
        }
        int status = ErrorResponses.statusOf(t);
        if (ErrorResponses.expected(t)) {
            LOG.log(Level.DEBUG, () -> what + ": " + status + " " + t.getMessage());
        } else {
            LOG.log(Level.ERROR, "request " + what + " failed", t);
        }
        try {
            res.json(status, new ErrorMessage(ErrorResponses.messageOf(t)));
        } catch (RuntimeException e) {
            res.abort();
        }
    }
}
