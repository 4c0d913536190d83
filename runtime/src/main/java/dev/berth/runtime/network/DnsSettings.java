package dev.berth.runtime.network;

import java.util.List;

/** A container's {@code --dns}, {@code --dns-search} and {@code --dns-option}; empty lists mean "as the host". */
public record DnsSettings(List<String> servers, List<String> search, List<String> options) {
    public DnsSettings {
        servers = servers == null ? List.of() : List.copyOf(servers);
        search = search == null ? List.of() : List.copyOf(search);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static DnsSettings none() {
        return new DnsSettings(List.of(), List.of(), List.of());
    }
}
