package dev.berth.runtime.api.http;

/** What berthd says about itself on every response: the {@code Server} header product and the API version. */
public record ServerIdentity(String product, String version) {
    /** e.g. {@code Berth/0.1.0 (linux)}, in the form dockerd uses for {@code Docker/28.5.2 (linux)}. */
    public String serverHeader() {
        return product + "/" + version + " (linux)";
    }
}
