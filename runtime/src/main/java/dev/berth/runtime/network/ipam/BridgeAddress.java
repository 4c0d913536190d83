package dev.berth.runtime.network.ipam;

import dev.berth.runtime.errors.InvalidArgumentException;

/**
 * A bridge's own address with its prefix, as dockerd's {@code --bip} takes it: {@code 192.168.5.1/24} gives the
 * bridge (the containers' gateway) 192.168.5.1 and the network 192.168.5.0/24.
 */
public record BridgeAddress(Ipv4 address, Cidr subnet) {
    public BridgeAddress {
        if (!subnet.contains(address)) {
            throw new InvalidArgumentException("bridge address " + address + " is not in " + subnet);
        }
        if (subnet.prefix() > 30) {
            throw new InvalidArgumentException(
                    "bip " + address + "/" + subnet.prefix() + ": the subnet is too small for a bridge network");
        }
        if (address.equals(subnet.base()) || address.equals(subnet.last())) {
            throw new InvalidArgumentException("bip " + address + "/" + subnet.prefix()
                    + ": the bridge needs a host address, not the network or broadcast address of " + subnet);
        }
    }

    /** Parses {@code a.b.c.d/n} where a.b.c.d is a host address inside the prefix. */
    public static BridgeAddress parse(String text) {
        if (text == null || !text.contains("/")) {
            throw new InvalidArgumentException(
                    "invalid bip " + text + ": expected an address with a prefix length, e.g. 192.168.5.1/24");
        }
        int slash = text.indexOf('/');
        Ipv4 ip = Ipv4.parse(text.substring(0, slash));
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("invalid bip " + text + ": bad prefix length");
        }
        return new BridgeAddress(ip, new Cidr(ip, prefix));
    }

    /** The subnet's first host as the bridge address (the default when no bip is given). */
    public static BridgeAddress firstHostOf(Cidr subnet) {
        return new BridgeAddress(subnet.firstHost(), subnet);
    }

    @Override
    public String toString() {
        return address + "/" + subnet.prefix();
    }
}
