package dev.berth.runtime.network.ipam;

import dev.berth.runtime.errors.ConflictException;
import dev.berth.runtime.errors.InvalidArgumentException;
import java.util.Collection;
import java.util.List;

/**
 * Chooses a subnet for a network created without one: the first block of the default address pools
 * that overlaps neither another network nor a route of the host (so a VPN or a dockerd network keeps its
 * addresses), as libnetwork's default-address-pools do.
 */
public final class SubnetPicker {
    /** One default pool: {@code base} cut into blocks of prefix length {@code size} (daemon.json default-address-pools). */
    public record Pool(Cidr base, int size) {
        public Pool {
            if (size < base.prefix() || size > 30) {
                throw new InvalidArgumentException("invalid default address pool " + base + " size " + size
                        + ": size must be between the base's prefix length (" + base.prefix() + ") and 30");
            }
        }

        /** dockerd's flag form {@code base=172.80.0.0/16,size=24} (keys in any order, both required). */
        public static Pool parse(String text) {
            String base = null;
            String size = null;
            for (String part : text.split(",")) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? part.trim() : part.substring(0, eq).trim();
                String value = eq < 0 ? null : part.substring(eq + 1).trim();
                switch (key) {
                    case "base" -> base = value;
                    case "size" -> size = value;
                    default -> throw new InvalidArgumentException("invalid default address pool '" + text
                            + "': unknown field '" + key + "' (expected base=CIDR,size=N)");
                }
            }
            if (base == null || size == null) {
                throw new InvalidArgumentException(
                        "invalid default address pool '" + text + "': expected base=CIDR,size=N");
            }
            try {
                return new Pool(Cidr.parse(base), Integer.parseInt(size));
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException("invalid default address pool '" + text + "': size is not a number");
            }
        }
    }

    private final List<Pool> pools;

    public SubnetPicker(List<Pool> pools) {
        this.pools = List.copyOf(pools);
    }

    /** The first free block, or a ConflictException naming the exhausted pools. */
    public Cidr pick(Collection<Cidr> taken) {
        for (Pool pool : pools) {
            long blocks = 1L << (pool.size() - pool.base().prefix());
            long blockSize = 1L << (32 - pool.size());
            for (long i = 0; i < blocks; i++) {
                Cidr candidate = new Cidr(pool.base().base().plus(i * blockSize), pool.size());
                if (taken.stream().noneMatch(candidate::overlaps)) {
                    return candidate;
                }
            }
        }
        throw new ConflictException("all predefined address pools have been fully subnetted");
    }
}
