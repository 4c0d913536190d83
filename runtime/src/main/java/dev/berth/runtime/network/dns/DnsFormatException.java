package dev.berth.runtime.network.dns;

/** A DNS message that cannot be decoded or encoded; answered with FORMERR or dropped. */
public final class DnsFormatException extends RuntimeException {
    public DnsFormatException(String message) {
        super(message);
    }
}
