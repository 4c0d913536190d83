package dev.berth.runtime.api.http;

import java.util.Map;
import java.util.Set;

/** The outcome of looking a request up in the {@link Router}. */
public sealed interface RouteMatch {
    /** A route matched the method and the path. */
    record Found(Handler handler, Map<String, String> params) implements RouteMatch {}

    /** The path exists, but not for this method (405). */
    record MethodNotAllowed(Set<String> allowed) implements RouteMatch {}

    /** No route has this path (404 "page not found"). */
    record NotFound() implements RouteMatch {}
}
