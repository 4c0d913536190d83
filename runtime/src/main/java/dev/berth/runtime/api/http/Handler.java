package dev.berth.runtime.api.http;

/**
 * One API operation. Runs on its own virtual thread, so it may block on services and on the client;
 * throwing an {@code errors.*} exception before the response is committed answers Docker's error JSON.
 */
@FunctionalInterface
public interface Handler {
    void handle(ApiRequest req, ApiResponse res) throws Exception;
}
