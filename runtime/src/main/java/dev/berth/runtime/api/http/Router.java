package dev.berth.runtime.api.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Maps a method and a path (the version prefix already removed by the server) to a {@link Handler}.
 * Routes are tried in registration order and the first match wins, as in gorilla/mux, which moby uses.
 */
public final class Router {
    private record Route(String method, RouteTemplate template, Handler handler) {}

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /** Registers {@code handler} for {@code method} (GET, POST, ...) on {@code template}, e.g. {@code /containers/{id}/start}. */
    public void add(String method, String template, Handler handler) {
        routes.add(new Route(method.toUpperCase(Locale.ROOT), new RouteTemplate(template), handler));
    }

    /** Finds the route for a decoded path without version prefix. */
    public RouteMatch match(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = route.template().match(path);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new RouteMatch.Found(route.handler(), params);
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? new RouteMatch.NotFound() : new RouteMatch.MethodNotAllowed(allowed);
    }
}
