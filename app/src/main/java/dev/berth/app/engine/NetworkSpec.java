package dev.berth.app.engine;

/** What to create: a bridge network {@code name}, with an optional {@code subnet} (CIDR, or blank to let the engine pick). */
public record NetworkSpec(String name, String subnet, boolean internal) {
    public NetworkSpec {
        subnet = subnet == null ? "" : subnet.strip(); // none: the engine picks one
    }
}
