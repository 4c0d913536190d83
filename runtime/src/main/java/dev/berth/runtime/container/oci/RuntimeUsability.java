package dev.berth.runtime.container.oci;

/** Whether a runtime works on this host; {@code reason} says why not, in the runtime's own words when it has some. */
public record RuntimeUsability(boolean usable, String reason) {
    public static RuntimeUsability ok() {
        return new RuntimeUsability(true, "");
    }

    public static RuntimeUsability unusable(String reason) {
        return new RuntimeUsability(false, reason);
    }
}
