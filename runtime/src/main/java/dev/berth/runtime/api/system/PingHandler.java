package dev.berth.runtime.api.system;

import dev.berth.runtime.api.http.ApiRequest;
import dev.berth.runtime.api.http.ApiResponse;
import dev.berth.runtime.api.http.Handler;

/** {@code GET|HEAD /_ping}: "OK", and the headers clients negotiate with (cli {@code ping.go}). */
final class PingHandler implements Handler {
    @Override
    public void handle(ApiRequest req, ApiResponse res) {
        // Api-Version, Ostype and Docker-Experimental are on every response already.
        res.header("Builder-Version", "1");
        res.header("Swarm", "inactive");
        res.header("Cache-Control", "no-cache, no-store, must-revalidate");
        res.header("Pragma", "no-cache");
        res.text(200, "text/plain; charset=utf-8", "OK");
    }
}
